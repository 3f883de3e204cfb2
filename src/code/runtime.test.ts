import { describe, expect, it } from 'vitest';
import { classifyFile, frameworkOfPackageJson, frameworkOfPubspec, propagateRuntimes, resolveImport, type Classification, type Framework } from './runtime.js';
import type { ModuleSummary } from './types.js';

function mod(over: Partial<ModuleSummary> = {}): ModuleSummary {
  return { path: 'x', language: 'ts', directives: [], imports: [], sdkImports: [], exports: {}, starExports: [], calls: [], keyUses: [], envReads: [], serverOnlyGuard: false, clientOnlyGuard: false, problems: [], parsed: true, secrets: [], ...over };
}

describe('frameworks', () => {
  it('detects the framework from package.json dependencies', () => {
    const cases: [Record<string, string>, Framework][] = [
      [{ next: '15', react: '19' }, 'next'],
      [{ '@sveltejs/kit': '2' }, 'sveltekit'],
      [{ '@remix-run/react': '2' }, 'remix'],
      [{ expo: '54', 'react-native': '0.81' }, 'expo'],
      [{ 'react-native': '0.81' }, 'react-native'],
      [{ vite: '7', react: '19', appwrite: '18' }, 'spa'],
      [{ express: '5', 'node-appwrite': '17' }, 'node-server'],
      [{ lodash: '4' }, 'unknown'],
    ];
    for (const [deps, fw] of cases) expect(frameworkOfPackageJson({ dependencies: deps }), JSON.stringify(deps)).toBe(fw);
    expect(frameworkOfPubspec('dependencies:\n  flutter:\n    sdk: flutter\n')).toBe('flutter');
    expect(frameworkOfPubspec('dependencies:\n  dart_appwrite: ^16.0.0\n')).toBe('dart');
  });
});

describe('classifyFile', () => {
  const next = { dir: 'web', framework: 'next' as const };
  const cases: [string, Partial<ModuleSummary>, { dir: string; framework: Framework } | undefined, string, string][] = [
    ['web/app/api/orders/route.ts', {}, next, 'server', 'strong'],
    ['web/src/app/page.tsx', {}, next, 'server', 'weak'],
    ['web/src/app/page.tsx', { directives: ['use client'] }, next, 'client', 'strong'],
    ['web/app/actions.ts', { directives: ['use server'] }, next, 'server', 'strong'],
    ['web/pages/index.tsx', {}, next, 'client', 'strong'],
    ['web/pages/api/users.ts', {}, next, 'server', 'strong'],
    ['web/lib/db.ts', { serverOnlyGuard: true }, next, 'server', 'strong'],
    ['web/lib/db.ts', {}, next, 'unknown', 'none'],
    ['src/routes/+page.server.ts', {}, { dir: '', framework: 'sveltekit' }, 'server', 'strong'],
    ['src/routes/+page.ts', {}, { dir: '', framework: 'sveltekit' }, 'client', 'strong'],
    ['src/lib/server/admin.ts', {}, { dir: '', framework: 'sveltekit' }, 'server', 'strong'],
    ['src/routes/+page.svelte', {}, { dir: '', framework: 'sveltekit' }, 'client', 'strong'],
    ['app/routes/posts.tsx', {}, { dir: '', framework: 'remix' }, 'client', 'strong'],
    ['app/models/user.server.ts', {}, { dir: '', framework: 'remix' }, 'server', 'strong'],
    ['src/api/admin.ts', {}, { dir: '', framework: 'spa' }, 'client', 'strong'],
    ['server/index.ts', {}, { dir: '', framework: 'spa' }, 'server', 'weak'],
    ['scripts/seed.ts', {}, { dir: '', framework: 'expo' }, 'unknown', 'none'],
    ['bin/admin.dart', { language: 'dart' }, { dir: '', framework: 'flutter' }, 'unknown', 'none'],
    ['src/api/admin.ts', {}, { dir: '', framework: 'gatsby' }, 'server', 'strong'],
    ['lib/main.dart', { language: 'dart' }, { dir: '', framework: 'flutter' }, 'client', 'strong'],
    ['server/index.js', {}, { dir: '', framework: 'node-server' }, 'server', 'weak'],
    ['functions/x/src/main.js', {}, undefined, 'function', 'strong'],
  ];
  for (const [file, summary, project, runtime, strength] of cases) {
    it(`${file}${summary.directives?.length ? ` (${summary.directives[0]})` : ''} in ${project?.framework ?? 'no project'} -> ${runtime}`, () => {
      const c = classifyFile(file, mod(summary), project, [{ id: 'x', root: 'functions/x' }]);
      expect([c.runtime, c.strength]).toEqual([runtime, strength]);
      expect(c.reason.length).toBeGreaterThan(5);
    });
  }
});

describe('propagateRuntimes', () => {
  const base = (runtime: Classification['runtime'], strength: Classification['strength']): Classification => ({ runtime, strength, reason: 'r', framework: 'next' });
  it('spreads client along bundled imports, stops at server guards, and fills server for the rest', () => {
    const classes = new Map<string, Classification>([
      ['c.tsx', base('client', 'strong')],
      ['shared.ts', base('unknown', 'none')],
      ['servercomp.tsx', base('server', 'weak')],
      ['guarded.ts', base('server', 'strong')],
      ['only-in-gssp.ts', base('unknown', 'none')],
      ['route.ts', base('server', 'strong')],
      ['helper.ts', base('unknown', 'none')],
    ]);
    const edges = new Map([
      ['c.tsx', [{ to: 'shared.ts', clientReachable: true }, { to: 'servercomp.tsx', clientReachable: true }, { to: 'guarded.ts', clientReachable: true }, { to: 'only-in-gssp.ts', clientReachable: false }]],
      ['route.ts', [{ to: 'helper.ts', clientReachable: true }, { to: 'shared.ts', clientReachable: true }]],
    ]);
    propagateRuntimes(classes, edges);
    const rt = Object.fromEntries([...classes].map(([k, v]) => [k, v.runtime]));
    expect(rt).toEqual({ 'c.tsx': 'client', 'shared.ts': 'client', 'servercomp.tsx': 'client', 'guarded.ts': 'server', 'only-in-gssp.ts': 'unknown', 'route.ts': 'server', 'helper.ts': 'server' });
    expect(classes.get('shared.ts')!.reason).toBe('imported by client module c.tsx');
  });
});

describe('resolveImport', () => {
  const files = new Set(['web/src/lib/a.ts', 'web/lib/b.tsx', 'web/src/lib/index.ts', 'src/lib/server/x.ts', 'web/c/d.js', 'web/e.ts']);
  const exists = (p: string) => files.has(p);
  it.each([
    ['web/src/app/page.tsx', '@/lib/a', 'web', 'web/src/lib/a.ts'],
    ['web/src/app/page.tsx', '@/lib/b', 'web', 'web/lib/b.tsx'],
    ['web/src/app/page.tsx', '../lib', 'web', 'web/src/lib/index.ts'],
    ['src/routes/+page.ts', '$lib/server/x', '', 'src/lib/server/x.ts'],
    ['web/c/index.ts', './d.js', 'web', 'web/c/d.js'],
    ['web/c/index.ts', '../e.js', 'web', 'web/e.ts'],
    ['web/c/index.ts', 'react', 'web', undefined],
  ])('%s imports %s', (from, spec, dir, expected) => {
    expect(resolveImport(from, spec, dir, exists)).toBe(expected);
  });
});

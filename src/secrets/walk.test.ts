import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBundlePath, walkTree } from './walk.js';

const root = mkdtempSync(path.join(tmpdir(), 'secops-walk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function put(rel: string, text = 'x'): void {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

beforeAll(() => {
  put('.gitignore', 'dist/\nbuild/\n.next/\n.output/\n*.log\nsecret-notes.txt\ngenerated/\n!generated/keep.ts\n');
  put('src/app.ts');
  put('src/app.log');
  put('secret-notes.txt');
  put('generated/skip.ts');
  put('generated/keep.ts');
  put('dist/assets/index.js');
  put('dist/.gitignore', '*\n');
  put('apps/web/build/static/main.js');
  put('apps/web/.next/static/chunks/page.js');
  put('apps/web/.next/server/page.js');
  put('apps/web/.output/public/_nuxt/entry.js');
  put('apps/web/.output/server/index.mjs');
  put('apps/web/.gitignore', 'local.ts\n!important.log\n');
  put('apps/web/local.ts');
  put('apps/web/important.log');
  put('node_modules/pkg/index.js');
  put('.git/config');
  put('docs/logo.png');
  put('fixtures/big/data.json');
  put('package-lock.json');
  symlinkSync(path.join(root, 'src', 'app.ts'), path.join(root, 'link.ts'));
});

async function list(opts: { exclude?: string[]; gitignore?: boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const e of walkTree({ root, exclude: opts.exclude ?? ['**/package-lock.json'], gitignore: opts.gitignore })) out.push(`${e.rel}${e.inBundle ? ' [bundle]' : ''}`);
  return out.sort();
}

describe('walkTree', () => {
  it('honours nested .gitignore files and negations, but always walks built output', async () => {
    expect(await list()).toEqual([
      '.gitignore',
      'apps/web/.gitignore',
      'apps/web/.next/static/chunks/page.js [bundle]',
      'apps/web/.output/public/_nuxt/entry.js [bundle]',
      'apps/web/build/static/main.js [bundle]',
      'apps/web/important.log',
      'dist/.gitignore [bundle]',
      'dist/assets/index.js [bundle]',
      'fixtures/big/data.json',
      // As in git: a file cannot be re-included (!generated/keep.ts) when its folder is excluded.
      'src/app.ts',
    ]);
  });

  it('applies exclude globs to files and folders, bundles included', async () => {
    const got = await list({ exclude: ['**/package-lock.json', 'fixtures/**', 'dist'] });
    expect(got).not.toContain('fixtures/big/data.json');
    expect(got.some((p) => p.startsWith('dist/'))).toBe(false);
    expect(got).toContain('src/app.ts');
  });

  it('scans ignored files too when gitignore is off (never node_modules, .git, symlinks or binaries)', async () => {
    const got = await list({ gitignore: false });
    expect(got).toContain('secret-notes.txt');
    expect(got).toContain('apps/web/.next/server/page.js');
    expect(got.some((p) => p.startsWith('node_modules/') || p.startsWith('.git/') || p === 'link.ts' || p.endsWith('.png'))).toBe(false);
  });
});

describe('isBundlePath', () => {
  it.each([
    ['dist/index.js', true],
    ['apps/web/.next/static/x.js', true],
    ['.output/public/a.js', true],
    ['apps/web/.next/server/x.js', false],
    ['src/dist.ts', false],
    ['distribution/a.js', false],
  ] as const)('%s -> %s', (p, want) => expect(isBundlePath(p)).toBe(want));
});

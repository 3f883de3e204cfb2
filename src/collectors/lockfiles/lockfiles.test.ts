import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../audit.js';
import type { CollectContext, Diagnostic } from '../../core/collector.js';
import { defaultConfig } from '../../core/config.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { depsChecks } from '../../checks/deps/index.js';
import { advisoriesCollector } from '../advisories/index.js';
import { lockfilesCollector } from './index.js';
import { registerSecrets } from './load.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, '__fixtures__', name);

function context(root: string): { ctx: CollectContext; diagnostics: Omit<Diagnostic, 'source'>[]; inputs: string[] } {
  const diagnostics: Omit<Diagnostic, 'source'>[] = [];
  const inputs: string[] = [];
  return {
    ctx: {
      workspace: new Workspace(root),
      config: defaultConfig(),
      inputs: {},
      redactor: new Redactor(),
      now: new Date('2026-11-29T12:00:00Z'),
      diagnose: (d) => diagnostics.push(d),
      progress: () => {},
      recordInput: (_k, p) => inputs.push(p),
    },
    diagnostics,
    inputs,
  };
}

describe('credentials in lockfile and CI URLs', () => {
  it('are registered with the redactor', () => {
    const r = new Redactor();
    registerSecrets('"resolved": "https://ci:s3cretT0ken@npm.example.com/qs/-/qs-6.7.0.tgz"\n  run: NPM_TOKEN=npm_abcdef123456 npm ci', r);
    expect(r.scrub('s3cretT0ken npm_abcdef123456')).not.toMatch(/s3cretT0ken|npm_abcdef123456/);
    expect(r.size).toBe(2);
  });
});

describe('lockfiles collector', () => {
  it('finds manifests, lockfiles, CI steps; keeps broken and binary lockfiles as failures', async () => {
    const { ctx, diagnostics, inputs } = context(fixture('ws-messy'));
    const state = await lockfilesCollector.collect(ctx);
    expect(state.state).toBe('ok');
    if (state.state !== 'ok') return;
    const f = state.value;
    expect(f.manifests.map((m) => m.path).sort()).toEqual(['broken/package.json', 'docs/package.json', 'old/package.json', 'package.json', 'tools/package.json']);
    expect(f.lockfiles.map((l) => `${l.path} ${l.kind}`)).toEqual(['package-lock.json npm']);
    expect(f.failures.map((x) => [x.path, x.line])).toEqual([
      ['badjson/package.json', 5],
      ['broken/pnpm-lock.yaml', expect.any(Number)],
    ]);
    expect(f.unsupported.map((u) => u.path)).toEqual(['old/bun.lockb']);
    expect(f.ci.map((c) => `${c.line} ${c.manager} ${c.subcommand}`)).toEqual(['8 npm install', '12 yarn install', '14 npm ci', '15 npm install']);
    expect(diagnostics.filter((d) => d.level === 'error').map((d) => d.path)).toEqual(['badjson/package.json', 'broken/pnpm-lock.yaml']);
    expect(inputs).toContain('package-lock.json');
    expect(inputs).toContain('.github/workflows/ci.yml');
  });

  it('is absent where there is nothing to read', async () => {
    const { ctx } = context(path.join(here, '..', '..', 'deps', 'audit-output'));
    expect((await lockfilesCollector.collect(ctx)).state).toBe('absent');
  });
});

describe('lockfile controls end to end (audit with the deps checks)', () => {
  const run = (root: string) =>
    audit({ root, checks: depsChecks.filter((c) => c.meta.id !== 'deps/no-known-vulnerabilities'), collectors: [lockfilesCollector, advisoriesCollector], now: new Date('2026-11-29T12:00:00Z') });

  it('a clean workspace passes all three', async () => {
    const r = await run(fixture('ws-clean'));
    expect(r.findings.map((f) => `${f.checkId} ${f.status}`).sort()).toEqual(['deps/ci-frozen-install pass', 'deps/lockfile-in-sync pass', 'deps/lockfile-present pass']);
  });

  it('a messy workspace: missing lockfile, out of sync, unreadable, CI installs', async () => {
    const r = await run(fixture('ws-messy'));
    const got = r.findings.filter((f) => f.status !== 'pass').map((f) => `${f.checkId} ${f.status} ${f.location?.path}:${f.location?.line ?? ''} ${f.resource?.id ?? ''}`);
    expect(got.sort()).toEqual([
      'deps/ci-frozen-install fail .github/workflows/ci.yml:12 yarn install',
      'deps/ci-frozen-install fail .github/workflows/ci.yml:8 npm install',
      'deps/lockfile-in-sync error badjson/package.json:5 badjson/package.json',
      expect.stringMatching(/^deps\/lockfile-in-sync error broken\/pnpm-lock\.yaml:\d+ broken\/pnpm-lock\.yaml$/),
      'deps/lockfile-in-sync fail package.json:7 left-pad',
      'deps/lockfile-in-sync fail package.json:8 lodash',
      'deps/lockfile-present fail tools/package.json:1 tools/package.json',
    ]);
    expect(r.summary.complete).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../json-text.js';
import { parseManifest } from '../manifest.js';
import type { LockedPackage, Manifest, ParsedLockfile } from '../model.js';
import { parseLockfile } from './index.js';
import type { ParseContext } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (...p: string[]) => readFileSync(path.join(here, '__fixtures__', ...p), 'utf8');

function ctxFor(dir: string, manifests: Record<string, string> = { '.': 'package.json' }, workspaceDirs: string[] = []): ParseContext {
  const parsed = new Map<string, Manifest>(Object.entries(manifests).map(([d, f]) => [d, parseManifest(fixture(dir, f), f)]));
  return { path: 'lock', dir: '.', manifest: (d) => parsed.get(d), workspaceDirs };
}

function parse(dir: string, file: string, lockName: string, ctx = ctxFor(dir)): ParsedLockfile {
  return parseLockfile(lockName, fixture(dir, file), ctx);
}

const summary = (p: LockedPackage) => ({ id: `${p.name}@${p.version}`, dev: p.dev, optional: p.optional, direct: p.direct, path: p.path.join(' > ') });

/** The same tree in every format: what any correct parser must say about it. */
const BASIC_EXPECTED = [
  { id: 'body-parser@1.19.0', dev: false, optional: false, direct: false, path: 'express@4.17.1 > body-parser@1.19.0' },
  { id: 'debug@2.6.9', dev: false, optional: false, direct: false, path: 'express@4.17.1 > debug@2.6.9' },
  { id: 'express@4.17.1', dev: false, optional: false, direct: true, path: 'express@4.17.1' },
  { id: 'fsevents@2.3.2', dev: false, optional: true, direct: true, path: 'fsevents@2.3.2' },
  { id: 'left-pad@1.3.0', dev: false, optional: false, direct: true, path: 'left-pad@1.3.0' },
  { id: 'minimist@0.0.8', dev: true, optional: false, direct: false, path: 'mkdirp@0.5.1 > minimist@0.0.8' },
  { id: 'mkdirp@0.5.1', dev: true, optional: false, direct: true, path: 'mkdirp@0.5.1' },
  { id: 'ms@2.0.0', dev: false, optional: false, direct: false, path: 'express@4.17.1 > debug@2.6.9 > ms@2.0.0' },
  { id: 'ms@2.1.1', dev: false, optional: false, direct: false, path: 'express@4.17.1 > send@0.17.1 > ms@2.1.1' },
  { id: 'qs@6.7.0', dev: false, optional: false, direct: false, path: 'express@4.17.1 > qs@6.7.0' },
  { id: 'send@0.17.1', dev: false, optional: false, direct: false, path: 'express@4.17.1 > send@0.17.1' },
];

const BASIC_CASES: { file: string; lockName: string; kind: string; formatVersion: string; qsLine: RegExp }[] = [
  { file: 'package-lock.v1.json', lockName: 'package-lock.json', kind: 'npm', formatVersion: '1', qsLine: /^ {4}"qs": \{/ },
  { file: 'package-lock.v2.json', lockName: 'package-lock.json', kind: 'npm', formatVersion: '2', qsLine: /"node_modules\/qs": \{/ },
  { file: 'package-lock.v3.json', lockName: 'npm-shrinkwrap.json', kind: 'npm', formatVersion: '3', qsLine: /"node_modules\/qs": \{/ },
  { file: 'yarn.v1.lock', lockName: 'yarn.lock', kind: 'yarn-classic', formatVersion: '1', qsLine: /^qs@6\.7\.0:/ },
  { file: 'yarn.berry-v6.lock', lockName: 'yarn.lock', kind: 'yarn-berry', formatVersion: '6', qsLine: /^"qs@npm:6\.7\.0":/ },
  { file: 'yarn.berry-v8.lock', lockName: 'yarn.lock', kind: 'yarn-berry', formatVersion: '8', qsLine: /^"qs@npm:6\.7\.0":/ },
  { file: 'pnpm-lock.v5.yaml', lockName: 'pnpm-lock.yaml', kind: 'pnpm', formatVersion: '5.4', qsLine: /^ {2}\/qs\/6\.7\.0:/ },
  { file: 'pnpm-lock.v6.yaml', lockName: 'pnpm-lock.yaml', kind: 'pnpm', formatVersion: '6.0', qsLine: /^ {2}\/qs@6\.7\.0:/ },
  { file: 'pnpm-lock.v9.yaml', lockName: 'pnpm-lock.yaml', kind: 'pnpm', formatVersion: '9.0', qsLine: /^ {2}qs@6\.7\.0:/ },
  { file: 'bun.lock', lockName: 'bun.lock', kind: 'bun', formatVersion: '1', qsLine: /^ {4}"qs": \[/ },
];

describe('lockfile parsers on one tree in every format', () => {
  for (const c of BASIC_CASES) {
    it(`${c.file}: packages, dev/prod, direct, paths, lines`, () => {
      const lock = parse('basic', c.file, c.lockName);
      expect(lock.kind).toBe(c.kind);
      expect(lock.formatVersion).toBe(c.formatVersion);
      expect(lock.packages.map(summary)).toEqual(BASIC_EXPECTED);
      const qs = lock.packages.find((p) => p.name === 'qs')!;
      const expectedLine = fixture('basic', c.file).split('\n').findIndex((l) => c.qsLine.test(l)) + 1;
      expect(expectedLine).toBeGreaterThan(0);
      expect(qs.line).toBe(expectedLine);
      expect(qs.requiredBy.map((r) => `${r.from} ${r.range}`).sort()).toEqual(
        c.kind === 'yarn-berry' && c.formatVersion === '8' ? ['body-parser@1.19.0 npm:6.7.0', 'express@4.17.1 npm:6.7.0'] : ['body-parser@1.19.0 6.7.0', 'express@4.17.1 6.7.0'],
      );
    });

    it(`${c.file}: the root importer records express`, () => {
      const lock = parse('basic', c.file, c.lockName);
      const root = lock.importers.find((i) => i.dir === '.')!;
      const express = root.dependencies.find((d) => d.name === 'express')!;
      expect(express.version).toBe('4.17.1');
      expect(express.group).toBe('prod');
      if (c.formatVersion !== '1' || c.kind !== 'npm') expect(express.spec).toBe('^4.17.1');
      expect(root.dependencies.find((d) => d.name === 'mkdirp')?.group).toBe('dev');
    });
  }

  it('npm v1 without a package.json treats top-level entries as direct', () => {
    const lock = parseLockfile('package-lock.json', fixture('basic', 'package-lock.v1.json'), { path: 'x', dir: '.', manifest: () => undefined, workspaceDirs: [] });
    expect(lock.packages.find((p) => p.name === 'qs')?.direct).toBe(true);
    expect(lock.packages.find((p) => p.name === 'minimist')?.dev).toBe(true);
    expect(lock.packages.find((p) => p.version === '2.1.1')?.path).toEqual(['send@0.17.1', 'ms@2.1.1']);
  });

  it('yarn berry without manifests still reads the workspace entry', () => {
    const lock = parseLockfile('yarn.lock', fixture('basic', 'yarn.berry-v6.lock'), { path: 'x', dir: '.', manifest: () => undefined, workspaceDirs: [] });
    expect(lock.packages.find((p) => p.name === 'qs')?.path).toEqual(['express@4.17.1', 'qs@6.7.0']);
    // no manifest: dev dependencies cannot be told apart, so nothing is dropped as dev
    expect(lock.packages.find((p) => p.name === 'mkdirp')?.dev).toBe(false);
  });
});

describe('pnpm peer-dependency suffixes', () => {
  for (const [file, keyLine] of [
    ['pnpm-lock.v6.yaml', /^ {2}\/acorn-jsx@5\.3\.2\(acorn@8\.11\.3\):/],
    ['pnpm-lock.v9.yaml', /^ {2}acorn-jsx@5\.3\.2:/],
  ] as const) {
    it(file, () => {
      const lock = parse('peers', file, 'pnpm-lock.yaml');
      expect(lock.packages.map(summary)).toEqual([
        { id: 'acorn@8.11.3', dev: false, optional: false, direct: false, path: 'acorn-jsx@5.3.2 > acorn@8.11.3' },
        { id: 'acorn-jsx@5.3.2', dev: false, optional: false, direct: true, path: 'acorn-jsx@5.3.2' },
      ]);
      expect(lock.packages.find((p) => p.name === 'acorn-jsx')!.line).toBe(fixture('peers', file).split('\n').findIndex((l) => keyLine.test(l)) + 1);
      expect(lock.importers[0]!.dependencies[0]).toMatchObject({ name: 'acorn-jsx', spec: '^5.3.2', version: '5.3.2' });
    });
  }
});

describe('monorepos', () => {
  it('npm workspaces: each workspace is an importer, links are not packages', () => {
    const lock = parseLockfile('package-lock.json', fixture('monorepo-npm', 'package-lock.json'), ctxFor('monorepo-npm', { '.': 'package.json', 'packages/api': 'packages/api/package.json', 'packages/web': 'packages/web/package.json' }, ['packages/api', 'packages/web']));
    expect(lock.importers.map((i) => i.dir).sort()).toEqual(['.', 'packages/api', 'packages/web']);
    expect(lock.packages.map((p) => `${p.name}@${p.version}`)).not.toContain('@mono/api@1.0.0');
    const lodash = lock.packages.filter((p) => p.name === 'lodash').map((p) => [p.version, p.importer, p.dev]);
    expect(lodash).toEqual([
      ['4.17.15', 'packages/web', true],
      ['4.17.21', 'packages/api', false],
    ]);
  });

  it('pnpm v9 importers', () => {
    const lock = parseLockfile('pnpm-lock.yaml', fixture('monorepo-pnpm', 'pnpm-lock.yaml'), ctxFor('monorepo-pnpm'));
    expect(lock.importers.map((i) => i.dir).sort()).toEqual(['.', 'packages/api', 'packages/web']);
    const lodash = lock.packages.filter((p) => p.name === 'lodash').map((p) => [p.version, p.importer, p.dev]);
    expect(lodash).toEqual([
      ['4.17.15', 'packages/web', true],
      ['4.17.21', 'packages/api', false],
    ]);
    // an aliased dependency is audited under its real name
    expect(lock.packages.find((p) => p.name === 'string-width')?.version).toBe('4.2.3');
  });

  it('yarn classic workspaces: importers come from the member manifests', () => {
    const lock = parseLockfile('yarn.lock', fixture('monorepo-yarn', 'yarn.lock'), ctxFor('monorepo-yarn', { '.': 'package.json', 'packages/a': 'packages/a/package.json', 'packages/b': 'packages/b/package.json' }, ['packages/a', 'packages/b']));
    expect(lock.packages.map((p) => [p.version, p.importer, p.dev])).toEqual([
      ['1.1.0', 'packages/b', true],
      ['1.3.0', 'packages/a', false],
    ]);
    // a sibling workspace is not a registry dependency, so it is neither locked nor missing
    expect(lock.importers.find((i) => i.dir === 'packages/b')?.unresolved ?? []).toEqual([]);
  });

  it('bun workspaces', () => {
    const lock = parseLockfile('bun.lock', fixture('monorepo-bun', 'bun.lock'), ctxFor('monorepo-bun'));
    expect(lock.importers.map((i) => i.dir).sort()).toEqual(['.', 'packages/api', 'packages/web']);
    const lodash = lock.packages.filter((p) => p.name === 'lodash').map((p) => [p.version, p.importer, p.dev]);
    expect(lodash).toEqual([
      ['4.17.15', 'packages/web', true],
      ['4.17.21', 'packages/api', false],
    ]);
  });
});

describe('yarn.lock with merge conflict markers', () => {
  it('is read the way yarn auto-merges it (the second side wins)', () => {
    const text = '# yarn lockfile v1\n\n<<<<<<< HEAD\nfoo@^1:\n  version "1.0.0"\n=======\nfoo@^1:\n  version "1.0.1"\n>>>>>>> branch\n';
    const lock = parseLockfile('yarn.lock', text, { path: 'x', dir: '.', manifest: () => undefined, workspaceDirs: [] });
    expect(lock.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['foo@1.0.1']);
  });
});

describe('broken lockfiles give a position', () => {
  const cases: { name: string; lockName: string; text: string; message: RegExp; line?: number }[] = [
    { name: 'truncated package-lock', lockName: 'package-lock.json', text: fixture('basic', 'package-lock.v3.json').slice(0, 400), message: /truncated/, line: undefined },
    { name: 'package-lock syntax error', lockName: 'package-lock.json', text: '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {},,\n  }\n}\n', message: /Expected/, line: 4 },
    { name: 'unknown lockfileVersion', lockName: 'package-lock.json', text: '{\n  "lockfileVersion": 7,\n  "packages": {}\n}\n', message: /unsupported lockfileVersion 7/, line: 2 },
    { name: 'v3 without packages', lockName: 'package-lock.json', text: '{\n  "lockfileVersion": 3\n}\n', message: /needs a "packages" object/, line: 2 },
    { name: 'yarn.lock garbage', lockName: 'yarn.lock', text: '# yarn lockfile v1\n\nfoo@^1:\n  version {\n', message: /unexpected token/, line: 4 },
    { name: 'yarn.lock entry without version', lockName: 'yarn.lock', text: '# yarn lockfile v1\n\nfoo@^1:\n  resolved "x"\n', message: /has no version/, line: 3 },
    { name: 'berry entry without resolution', lockName: 'yarn.lock', text: '__metadata:\n  version: 8\n\n"foo@npm:^1":\n  version: 1.0.0\n', message: /has no resolution/, line: 4 },
    { name: 'pnpm bad YAML', lockName: 'pnpm-lock.yaml', text: "lockfileVersion: '9.0'\npackages:\n  foo@1.0.0: {\n", message: /invalid YAML/ },
    { name: 'pnpm unknown version', lockName: 'pnpm-lock.yaml', text: "lockfileVersion: '4.0'\n", message: /unsupported lockfileVersion "4.0"/, line: 1 },
    { name: 'bun.lock truncated', lockName: 'bun.lock', text: fixture('basic', 'bun.lock').slice(0, 300), message: /truncated|Expected/ },
    { name: 'bun.lock wrong entry', lockName: 'bun.lock', text: '{\n  "lockfileVersion": 1,\n  "packages": {\n    "x": 3,\n  },\n}\n', message: /must be an array/, line: 4 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      let err: unknown;
      try {
        parseLockfile(c.lockName, c.text, { path: 'x', dir: '.', manifest: () => undefined, workspaceDirs: [] });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FormatError);
      expect((err as FormatError).message).toMatch(c.message);
      if (c.line !== undefined) expect((err as FormatError).line).toBe(c.line);
    });
  }
});

import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AuditInputs, Diagnostic } from '../../core/collector.js';
import { defaultConfig } from '../../core/config.js';
import { InputError } from '../../core/errors.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { composeCollector } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

async function temp(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'compose-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

async function collect(dir: string, inputs: AuditInputs = {}) {
  const diagnostics: Omit<Diagnostic, 'source'>[] = [];
  const state = await composeCollector.collect({
    workspace: new Workspace(dir),
    config: defaultConfig(),
    inputs,
    redactor: new Redactor(),
    now: new Date(0),
    diagnose: (d) => diagnostics.push(d),
    progress() {},
    recordInput() {},
  });
  return { state, diagnostics };
}

describe('compose collector', () => {
  it('discovers base and override files at any depth, by name', async () => {
    const dir = await temp({
      'docker-compose.yml': 'services:\n  a:\n    image: nginx:1.27\n',
      'docker-compose.override.yml': 'services:\n  a:\n    ports: ["8080:80"]\n',
      'deploy/compose.prod.yaml': 'services:\n  b:\n    image: redis:7.4.7\n',
      'deploy/compose.yaml': 'services: {}\n',
      'other.yml': 'services: {}\n',
      'node_modules/x/docker-compose.yml': 'services: {}\n',
    });
    const { state } = await collect(dir);
    if (state.state !== 'ok') throw new Error(state.state);
    expect(state.value.files.map((f) => [f.path, f.role, f.project])).toEqual([
      ['deploy/compose.prod.yaml', 'override', 'deploy'],
      ['deploy/compose.yaml', 'base', 'deploy'],
      ['docker-compose.override.yml', 'override', '.'],
      ['docker-compose.yml', 'base', '.'],
    ]);
  });

  it('fails fast on a YAML alias bomb: a diagnostic with file:line, the file is marked invalid', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'compose-bomb-'));
    await cp(path.join(here, '__fixtures__', 'bomb'), dir, { recursive: true });
    await writeFile(path.join(dir, 'compose.override.yaml'), 'services:\n  ok:\n    image: nginx:1.27\n');
    const start = Date.now();
    const { state, diagnostics } = await collect(dir);
    expect(Date.now() - start).toBeLessThan(3000);
    if (state.state !== 'ok') throw new Error(state.state);
    expect(state.value.files.find((f) => f.path === 'docker-compose.yml')?.error).toMatchObject({ message: expect.stringMatching(/alias bomb/), line: 5 });
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'error', path: 'docker-compose.yml', line: 5 }));
  });

  it.each([
    ['binary', Buffer.from([0x73, 0x3a, 0x00, 0x01]), /looks binary/],
    ['non-UTF-8', Buffer.from([0x73, 0x3a, 0x20, 0xc3, 0x28, 0x0a]), /not valid UTF-8/],
    ['oversized', `services: {}\n#${'x'.repeat(4 * 1024 * 1024)}\n`, /over the 4194304-byte limit/],
  ])('a discovered %s compose file is a diagnostic and an invalid file, not a crash', async (_, content, message) => {
    const dir = await temp({ 'ok/compose.yaml': 'services:\n  a:\n    image: nginx:1.27\n' });
    await writeFile(path.join(dir, 'docker-compose.yml'), content);
    const { state, diagnostics } = await collect(dir);
    if (state.state !== 'ok') throw new Error(state.state);
    expect(state.value.files.find((f) => f.path === 'docker-compose.yml')?.error?.message).toMatch(message);
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'error', path: 'docker-compose.yml', message: expect.stringMatching(message) }));
  });

  it('is an error state when no compose file can be read', async () => {
    const dir = await temp({ 'docker-compose.yml': 'services:\n  a: [\n' });
    const { state } = await collect(dir);
    expect(state).toEqual({ state: 'error', message: expect.stringMatching(/docker-compose\.yml:3: invalid YAML/) });
  });

  it('throws InputError with file:line for an explicit invalid file', async () => {
    const dir = await temp({ 'x.yml': 'services:\n  a:\n    image: x\n  a:\n    image: y\n' });
    const err = await collect(dir, { composeFiles: [path.join(dir, 'x.yml')] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).describe()).toMatch(/^x\.yml:4(:\d+)?: invalid YAML: Map keys must be unique/);
  });

  it('throws InputError for a missing explicit file', async () => {
    const dir = await temp({ 'a.txt': '' });
    await expect(collect(dir, { composeFiles: [path.join(dir, 'nope.yml')] })).rejects.toThrow(/cannot read nope\.yml: no such file/);
  });

  it('interpolates from the .env beside an explicit compose file outside the root', async () => {
    const outside = await temp({ 'docker-compose.yml': 'services:\n  appwrite:\n    image: appwrite/appwrite:${V}\n', '.env': 'V=1.9.6\n' });
    const dir = await temp({ 'a.txt': '' });
    const { state } = await collect(dir, { composeFiles: [path.join(outside, 'docker-compose.yml')] });
    if (state.state !== 'ok') throw new Error(state.state);
    expect(state.value.files[0]!.services[0]!.image?.tag).toBe('1.9.6');
    expect(state.value.files[0]!.interpolationEnv).toBe(path.join(outside, '.env'));
  });

  it('warns when an image uses a variable no .env sets', async () => {
    const dir = await temp({ 'compose.yaml': 'services:\n  a:\n    image: appwrite/appwrite:${VERSION}\n' });
    const { diagnostics } = await collect(dir);
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'warning', path: 'compose.yaml', line: 3, message: expect.stringMatching(/VERSION/) }));
  });
});

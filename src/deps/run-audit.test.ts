import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncompleteError } from '../core/errors.js';
import { runPackageManagerAudit } from './run-audit.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'audit-output', '__fixtures__');

let bin: string;
let work: string;

/** A stand-in package manager on PATH: records its arguments, prints a file, exits with a code. */
async function fakeTool(name: string, script: string): Promise<void> {
  await writeFile(path.join(bin, name), `#!/bin/sh\necho "$@" > "${path.join(work, `${name}.args`)}"\n${script}\n`);
  await chmod(path.join(bin, name), 0o755);
}

beforeAll(async () => {
  bin = await mkdtemp(path.join(tmpdir(), 'fake-bin-'));
  work = await mkdtemp(path.join(tmpdir(), 'fake-work-'));
});
afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const env = () => ({ PATH: `${bin}:/usr/bin:/bin` });
const run = (kind: Parameters<typeof runPackageManagerAudit>[0]['kind'], prodOnly = false, timeoutMs?: number) =>
  runPackageManagerAudit({ cwd: work, kind, shownDir: '.', prodOnly, env: env(), ...(timeoutMs ? { timeoutMs } : {}) });

describe('running the package manager audit', () => {
  it('npm: exit 1 with vulnerabilities is a normal answer', async () => {
    await fakeTool('npm', `cat "${path.join(fixtures, 'npm7-v2.json')}"\nexit 1`);
    const r = await run('npm', true);
    expect(r.format).toBe('npm-v2');
    expect(r.advisories).toHaveLength(5);
    expect(r.command).toBe('npm audit --json --omit=dev');
    expect((await readFile(path.join(work, 'npm.args'), 'utf8')).trim()).toBe('audit --json --omit=dev');
  });

  it('pnpm, yarn classic, yarn berry and bun get their own commands', async () => {
    await fakeTool('pnpm', `cat "${path.join(fixtures, 'pnpm.json')}"\nexit 1`);
    await fakeTool('yarn', `cat "${path.join(fixtures, 'yarn-classic.ndjson')}"\nexit 12`);
    await fakeTool('bun', `cat "${path.join(fixtures, 'bun.json')}"\nexit 1`);
    expect((await run('pnpm')).source).toBe('pnpm-audit');
    expect((await run('yarn-classic', true)).format).toBe('yarn-classic');
    expect((await readFile(path.join(work, 'yarn.args'), 'utf8')).trim()).toBe('audit --json --groups dependencies');
    expect((await run('bun')).source).toBe('bun-audit');
    await fakeTool('yarn', `cat "${path.join(fixtures, 'yarn4.ndjson')}"\nexit 1`);
    expect((await run('yarn-berry')).format).toBe('yarn4-ndjson');
    expect((await readFile(path.join(work, 'yarn.args'), 'utf8')).trim()).toBe('npm audit --json --recursive');
  });

  it('yarn berry printing nothing with exit 0 is clean; with exit 1 it is not', async () => {
    await fakeTool('yarn', 'exit 0');
    expect((await run('yarn-berry')).advisories).toEqual([]);
    await fakeTool('yarn', 'exit 1');
    await expect(run('yarn-berry')).rejects.toThrow(/output cannot be used: the audit output is empty/);
  });

  it('the retired npm endpoint (error JSON) is incomplete, exit 3', async () => {
    await fakeTool('npm', `cat "${path.join(fixtures, 'npm-error-410.json')}"\necho "npm error audit endpoint returned an error" >&2\nexit 1`);
    const err = await run('npm').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompleteError);
    expect((err as IncompleteError).exitCode).toBe(3);
    expect((err as Error).message).toMatch(/E410.*stderr: npm error audit endpoint/);
  });

  it('pnpm printing a non-JSON error is incomplete', async () => {
    await fakeTool('pnpm', 'echo " ERR_PNPM_AUDIT_BAD_RESPONSE  The audit endpoint responded with 410"\nexit 1');
    await expect(run('pnpm')).rejects.toThrow(/pnpm audit --json.*cannot be used/);
  });

  it('a missing tool is incomplete, with a hint', async () => {
    const err = await runPackageManagerAudit({ cwd: work, kind: 'bun', shownDir: '.', prodOnly: false, env: { PATH: work } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompleteError);
    expect((err as IncompleteError).describe()).toMatch(/bun is not installed.*--audit-json/);
  });

  it('a hanging tool is killed at the time limit', async () => {
    await fakeTool('npm', 'sleep 5');
    await expect(run('npm', false, 300)).rejects.toThrow(/did not finish within/);
  });
});

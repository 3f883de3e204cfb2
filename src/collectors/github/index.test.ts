import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.js';
import type { Diagnostic } from '../../core/collector.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { githubCollector } from './index.js';

async function collect(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'gh-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  const diagnostics: Omit<Diagnostic, 'source'>[] = [];
  const state = await githubCollector.collect({
    workspace: new Workspace(dir), config: defaultConfig(), inputs: {}, redactor: new Redactor(), now: new Date(0),
    diagnose: (d) => diagnostics.push(d), progress() {}, recordInput() {},
  });
  return { state, diagnostics };
}

describe('github collector', () => {
  it('is absent outside a repository root', async () => {
    expect((await collect({ 'a.txt': 'x' })).state.state).toBe('absent');
  });

  it('reads workflows, dependabot, the PR template and ecosystems', async () => {
    const { state } = await collect({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.github/workflows/ci.yml': 'on: [push]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n',
      '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: {interval: weekly}\n',
      '.github/pull_request_template.md': '- [ ] security\n',
      'package-lock.json': '{}',
      'Dockerfile': 'FROM node:20\n',
      'examples/x/go.mod': 'module x\n',
    });
    if (state.state !== 'ok') throw new Error(state.state);
    expect(state.value.workflows[0]!.jobs[0]!.steps[0]!.uses).toBe('actions/checkout@v4');
    expect(state.value.dependabot?.updates[0]?.ecosystem).toBe('npm');
    expect(state.value.prTemplate).toBe('.github/pull_request_template.md');
    expect(Object.keys(state.value.ecosystems).sort()).toEqual(['docker', 'github-actions', 'npm']);
  });

  it('keeps going past a broken workflow and says where it broke', async () => {
    const { state, diagnostics } = await collect({ '.github/workflows/bad.yml': 'on: push\njobs:\n  a: [\n', '.github/workflows/ok.yml': 'on: push\njobs: {}\n' });
    if (state.state !== 'ok') throw new Error(state.state);
    expect(state.value.workflows.map((w) => [w.path, !!w.invalid])).toEqual([['.github/workflows/bad.yml', true], ['.github/workflows/ok.yml', false]]);
    expect(diagnostics[0]).toMatchObject({ level: 'error', path: '.github/workflows/bad.yml' });
  });
});

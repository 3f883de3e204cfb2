import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitLsFiles } from './git.js';
import { parseIndexPaths, trackedFromIndex } from './git-index.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], { cwd, env: GIT_ENV, encoding: 'utf8' });
}

async function files(root: string, tree: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(tree)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
}

const TREE = {
  '.env': 'A=1\n',
  'deploy/.env.production': 'B=2\n',
  'deploy/docker-compose.yml': 'services: {}\n',
  'deploy/nested/deeper/.env': 'C=3\n',
  'docs/ünïcode name.md': '# hi\n',
  'docs/a-very-long-directory-name-to-exercise-prefix-compression/and-a-long-file-name.txt': 'x\n',
  'docs/a-very-long-directory-name-to-exercise-prefix-compression/and-a-longer-file-name.txt': 'y\n',
  'untracked.env': 'D=4\n',
};

let base: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'secops-git-index-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function repo(name: string, setup: (dir: string) => void | Promise<void>): Promise<string> {
  const dir = path.join(base, name);
  await mkdir(dir, { recursive: true });
  git(dir, 'init', '-q');
  await files(dir, TREE);
  git(dir, 'add', '--', '.', ':!untracked.env');
  git(dir, 'commit', '-qm', 'init');
  await setup(dir);
  return dir;
}

/** What git itself says, as a sorted list (or the state when it is not a repository). */
async function fromGit(dir: string): Promise<string[] | string> {
  const r = await gitLsFiles(dir);
  return r.state === 'repo' ? [...r.tracked].sort() : r.state;
}

async function fromIndex(dir: string): Promise<string[] | string | undefined> {
  const r = await trackedFromIndex(dir);
  if (r === undefined) return undefined;
  return r.state === 'repo' ? [...r.tracked].sort() : r.state;
}

describe('trackedFromIndex agrees with git ls-files', () => {
  it.each<[string, (dir: string) => void | Promise<void>, string]>([
    ['an index of version 2', () => {}, ''],
    ['a subfolder of the work tree', () => {}, 'deploy'],
    ['a deeper subfolder', () => {}, 'deploy/nested'],
    ['an index of version 3 (intent-to-add and skip-worktree entries)', async (d) => {
      await writeFile(path.join(d, 'added-later.env'), 'E=5\n');
      git(d, 'add', '-N', 'added-later.env');
      git(d, 'update-index', '--skip-worktree', '.env');
    }, ''],
    ['an index of version 4 (prefix-compressed names)', (d) => void git(d, 'update-index', '--index-version', '4'), ''],
    ['a version 4 index, from a subfolder', (d) => void git(d, 'update-index', '--index-version', '4'), 'docs'],
    ['staged deletions and additions', async (d) => {
      git(d, 'rm', '-q', '--cached', 'deploy/.env.production');
      await writeFile(path.join(d, 'new.env'), 'F=6\n');
      git(d, 'add', 'new.env');
    }, ''],
    ['a merge conflict (three stages of one path)', async (d) => {
      git(d, 'checkout', '-qb', 'other');
      await writeFile(path.join(d, '.env'), 'A=other\n');
      git(d, 'commit', '-qam', 'other');
      git(d, 'checkout', '-q', 'main');
      await writeFile(path.join(d, '.env'), 'A=main\n');
      git(d, 'commit', '-qam', 'main');
      try {
        git(d, 'merge', '-q', 'other');
      } catch {
        // the conflict is the point
      }
    }, ''],
  ])('%s', async (name, setup, sub) => {
    const dir = await repo(name.replace(/\W+/g, '-'), setup);
    const at = path.join(dir, sub);
    const want = await fromGit(at);
    expect(Array.isArray(want) && want.length).toBeTruthy();
    expect(await fromIndex(at)).toEqual(want);
  });

  it('reads a linked worktree through its .git file', async () => {
    const dir = await repo('worktree-main', () => {});
    const wt = path.join(base, 'worktree-linked');
    git(dir, 'worktree', 'add', '-q', wt);
    await writeFile(path.join(wt, 'only-here.env'), 'G=7\n');
    git(wt, 'add', 'only-here.env');
    expect(await fromIndex(wt)).toEqual(await fromGit(wt));
    expect(await fromIndex(wt)).toContain('only-here.env');
  });

  it('reads a submodule through its .git file', async () => {
    const lib = await repo('submodule-lib', () => {});
    const dir = await repo('submodule-super', () => {});
    git(dir, 'submodule', 'add', '-q', lib, 'vendor/lib');
    const sub = path.join(dir, 'vendor/lib');
    expect(await fromIndex(sub)).toEqual(await fromGit(sub));
    // In the superproject the submodule is one entry (a gitlink), as git lists it.
    expect(await fromIndex(dir)).toEqual(await fromGit(dir));
  });

  it('answers for a repository with nothing added yet (no index file)', async () => {
    const dir = path.join(base, 'empty-repo');
    await mkdir(dir);
    git(dir, 'init', '-q');
    await writeFile(path.join(dir, '.env'), 'A=1\n');
    expect(await fromIndex(dir)).toEqual([]);
    expect(await fromGit(dir)).toEqual([]);
  });

  it('says not-a-repo outside any repository, as git does', async () => {
    const dir = path.join(base, 'plain-folder');
    await mkdir(dir);
    const want = await fromGit(dir);
    // A repository around the temp folder would make git answer differently; both must agree anyway.
    expect(await fromIndex(dir)).toEqual(want);
  });

  it.each<[string, (dir: string) => void | Promise<void>]>([
    ['a split index', (d) => void git(d, 'update-index', '--split-index')],
    ['a sparse index', (d) => {
      git(d, 'sparse-checkout', 'init', '--cone', '--sparse-index');
      git(d, 'sparse-checkout', 'set', 'docs');
    }],
  ])('leaves %s to git', async (name, setup) => {
    const dir = await repo(name.replace(/\W+/g, '-'), setup);
    expect(await fromIndex(dir)).toBeUndefined();
  });

  it('leaves a relocated repository (GIT_DIR) to git', async () => {
    const dir = await repo('git-dir-env', () => {});
    process.env.GIT_DIR = path.join(dir, '.git');
    try {
      expect(await trackedFromIndex(dir)).toBeUndefined();
    } finally {
      delete process.env.GIT_DIR;
    }
  });
});

describe('parseIndexPaths refuses what it cannot read exactly', () => {
  it.each<[string, (b: Buffer) => Buffer]>([
    ['another signature', (b) => Buffer.concat([Buffer.from('DIRX'), b.subarray(4)])],
    ['version 5', (b) => {
      const c = Buffer.from(b);
      c.writeUInt32BE(5, 4);
      return c;
    }],
    ['a truncated entry table', (b) => b.subarray(0, 40)],
    ['more entries than the file holds', (b) => {
      const c = Buffer.from(b);
      c.writeUInt32BE(1000, 8);
      return c;
    }],
    ['fewer than twelve bytes', () => Buffer.from('DIRC')],
  ])('%s', async (_, mutate) => {
    const dir = await repo(`parse-${_.replace(/\W+/g, '-')}`, () => {});
    const index = await readFile(path.join(dir, '.git/index'));
    expect(parseIndexPaths(index)).toEqual(expect.arrayContaining(['.env']));
    expect(parseIndexPaths(mutate(index))).toBeUndefined();
  });
});

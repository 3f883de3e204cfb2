import type { Workspace } from '../core/workspace.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface RepoProfile {
  /** Package manager of the root project, from its lockfile; undefined when there is no package.json. */
  packageManager?: PackageManager;
  hasLockfile: boolean;
  /** Dependabot ecosystems and the folders they live in. */
  ecosystems: Map<string, Set<string>>;
  /** Folders that hold an Appwrite self-hosted deployment (.env + compose with appwrite images). */
  deployments: string[];
  /** Appwrite project files (appwrite.json / appwrite.config.json). */
  appwriteConfigs: string[];
  defaultBranch: string;
}

const LOCKFILES: [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

const IGNORED = /(^|\/)(examples?|test|tests|__fixtures__|fixtures)\//;

/** What `init` needs to know about the repository, from its files alone. */
export async function detectRepo(ws: Workspace): Promise<RepoProfile> {
  const files = (await ws.files()).filter((f) => !IGNORED.test(f));
  const has = (f: string) => files.includes(f);
  const lock = LOCKFILES.find(([f]) => has(f));
  const ecosystems = new Map<string, Set<string>>();
  const add = (eco: string, file: string) => {
    const dir = file.includes('/') ? `/${file.slice(0, file.lastIndexOf('/'))}` : '/';
    if (!ecosystems.has(eco)) ecosystems.set(eco, new Set());
    ecosystems.get(eco)!.add(dir);
  };
  for (const f of files) {
    const base = f.slice(f.lastIndexOf('/') + 1);
    if (base === 'package.json') add(files.some((x) => x === f.replace('package.json', 'bun.lock')) ? 'bun' : 'npm', f);
    else if (base === 'Dockerfile' || base.endsWith('.Dockerfile')) add('docker', f);
    else if (/^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(base)) add('docker-compose', f);
  }
  if (files.some((f) => f.startsWith('.github/workflows/'))) add('github-actions', '.github/workflows/x');
  // Dependabot wants one entry per workspace root, not per nested package.json of a monorepo's lockfile.
  for (const eco of ['npm', 'bun']) {
    const dirs = ecosystems.get(eco);
    if (dirs && dirs.has('/') && lock) ecosystems.set(eco, new Set(['/']));
  }
  const deployments = files.filter((f) => /(^|\/)(docker-)?compose\.ya?ml$/.test(f)).map((f) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '.'));
  return {
    packageManager: has('package.json') ? (lock?.[1] ?? 'npm') : undefined,
    hasLockfile: !!lock,
    ecosystems,
    deployments,
    appwriteConfigs: files.filter((f) => /(^|\/)appwrite(\.config)?\.json$/.test(f)),
    defaultBranch: 'main',
  };
}

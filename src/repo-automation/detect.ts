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
  /** Project id and endpoint of the first Appwrite project file, and its functions (service boundaries). */
  appwriteProject?: { projectId?: string; endpoint?: string; functions: { id: string; path?: string }[] };
  /** Environment names suggested by `.env.<name>` files (production -> prod, staging -> stage). */
  environmentNames: string[];
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
  // Dependabot reads workflows from .github/workflows when the github-actions directory is "/".
  if (files.some((f) => f.startsWith('.github/workflows/'))) add('github-actions', 'workflow.yml');
  // Dependabot wants one entry per workspace root, not per nested package.json of a monorepo's lockfile.
  for (const eco of ['npm', 'bun']) {
    const dirs = ecosystems.get(eco);
    if (dirs && dirs.has('/') && lock) ecosystems.set(eco, new Set(['/']));
  }
  const deployments = files.filter((f) => /(^|\/)(docker-)?compose\.ya?ml$/.test(f)).map((f) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '.'));
  const appwriteConfigs = files.filter((f) => /(^|\/)appwrite(\.config)?\.json$/.test(f));
  return {
    appwriteProject: await readAppwriteProject(ws, appwriteConfigs[0]),
    environmentNames: environmentNames(files),
    packageManager: has('package.json') ? (lock?.[1] ?? 'npm') : undefined,
    hasLockfile: !!lock,
    ecosystems,
    deployments,
    appwriteConfigs,
    defaultBranch: 'main',
  };
}

const ENV_ALIASES: Record<string, string> = { production: 'prod', prod: 'prod', staging: 'stage', stage: 'stage', development: 'dev', dev: 'dev', test: 'test', qa: 'qa' };

function environmentNames(files: readonly string[]): string[] {
  const names = new Set<string>();
  for (const f of files) {
    const m = /(?:^|\/)\.env\.([a-z]+)$/i.exec(f);
    const alias = m ? ENV_ALIASES[m[1]!.toLowerCase()] : undefined;
    if (alias) names.add(alias);
  }
  return names.size ? [...names].sort() : ['prod'];
}

/** Reads what the skeleton needs from appwrite.json; a file that does not parse is simply not used here (audit reports it). */
async function readAppwriteProject(ws: Workspace, rel: string | undefined): Promise<RepoProfile['appwriteProject']> {
  if (!rel) return undefined;
  try {
    const raw = JSON.parse(await ws.readText(rel, { maxBytes: 16 * 1024 * 1024 })) as { projectId?: unknown; endpoint?: unknown; functions?: { $id?: unknown; path?: unknown }[] };
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
    return {
      projectId: typeof raw.projectId === 'string' ? raw.projectId : undefined,
      endpoint: typeof raw.endpoint === 'string' ? raw.endpoint : undefined,
      functions: (Array.isArray(raw.functions) ? raw.functions : [])
        .filter((f) => typeof f?.$id === 'string')
        .map((f) => ({ id: String(f.$id), ...(typeof f.path === 'string' ? { path: `${dir}${f.path.replace(/^\.\//, '')}` } : {}) })),
    };
  } catch {
    return undefined; // `audit` reports a broken project file with file:line; the skeleton just omits what it would have taken from it
  }
}

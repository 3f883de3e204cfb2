/** What a repository's GitHub automation looks like, as read from `.github/`. */
export interface WorkflowStep {
  /** `uses:` value, e.g. `actions/checkout@v4` or `./local-action`. */
  uses?: string;
  run?: string;
  /** `with:` inputs as strings. */
  with: Record<string, string>;
  env: Record<string, string>;
  name?: string;
  line: number;
  usesLine?: number;
  runLine?: number;
}

export interface WorkflowJob {
  id: string;
  line: number;
  /** undefined when the job sets none; the string form `read-all` / `write-all`, or the map. */
  permissions?: string | Record<string, string>;
  permissionsLine?: number;
  /** Reusable workflow call. */
  uses?: string;
  secretsInherit: boolean;
  steps: WorkflowStep[];
}

export interface Workflow {
  path: string;
  name?: string;
  /** Event names that trigger it. */
  on: string[];
  onLine?: number;
  permissions?: string | Record<string, string>;
  permissionsLine?: number;
  jobs: WorkflowJob[];
  /** Set when the file does not parse: GitHub will not run it. */
  invalid?: string;
  invalidLine?: number;
}

export interface DependabotUpdate {
  ecosystem: string;
  directories: string[];
  line: number;
  cooldownDays?: number;
  hasGroups: boolean;
}

export interface DependabotConfig {
  path: string;
  updates: DependabotUpdate[];
  invalid?: string;
}

export interface GithubRepoFacts {
  /** Whether the audited folder is the root of a git repository (or has a .github folder). */
  workflows: Workflow[];
  dependabot?: DependabotConfig;
  prTemplate?: string;
  /** Dependabot ecosystems the repository has files for (npm, docker, github-actions, …), with a file as evidence. */
  ecosystems: Record<string, string>;
}

declare module '../../core/facts.js' {
  interface Facts {
    'github-repo': GithubRepoFacts;
  }
}

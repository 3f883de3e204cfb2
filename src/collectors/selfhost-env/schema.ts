/**
 * Facts about self-hosted Appwrite settings: every `.env`-style file, and per deployment the merged
 * view of the settings Appwrite sees (the `.env` next to the compose file, env_file files, and values
 * given inline in the Appwrite services' `environment:`). Paths are root-relative.
 */
import type { Location } from '../../core/finding.js';
import type { QuoteStyle } from './dotenv.js';

export interface EnvEntryFact {
  key: string;
  /** The parsed value. Held in memory for judgement only; checks must never print it. */
  value: string;
  line: number;
  column: number;
  endLine: number;
  quote: QuoteStyle;
  /** Bare `KEY`: value from the environment compose runs in. */
  inherited: boolean;
  /** The value is an unset `${VAR}`: provided at deploy time, not in this file. */
  fromEnvironment: boolean;
  /** A later line sets the same key (last wins). */
  overridden: boolean;
}

export interface EnvFileFact {
  path: string;
  /**
   * `template`: `.env.example` and friends, audited for placeholder defaults only. `backup`:
   * `.env.backup.20250101`, `.env.bak`: not a deployment of its own, but a tracked copy still leaks.
   */
  kind: 'env' | 'template' | 'backup';
  /** Named with --env-file (or as a compose env_file). */
  explicit: boolean;
  entries: EnvEntryFact[];
  /** Whether git tracks the file; null when that cannot be told (see SelfhostEnvFacts.git). */
  tracked: boolean | null;
  /** Why the file could not be read; entries are then empty. */
  error?: string;
}

export interface Setting {
  name: string;
  value: string;
  /** Not in any file: an unset `${VAR}` or a bare name. Cannot be judged from files. */
  fromEnvironment: boolean;
  location: Location;
  origin: 'env-file' | 'compose';
  /** The compose service that sets it inline. */
  service?: string;
}

export interface ProxyFact {
  service: string;
  kind: 'traefik';
  /** `forwardedHeaders.insecure`: the proxy passes client-sent X-Forwarded-* through. */
  passesClientForwardedHeaders: boolean;
  location: Location;
}

export interface Deployment {
  /** Folder of the compose project, or the env file's path for a stand-alone env file. */
  id: string;
  /** Where findings about unset settings point. */
  primary: string;
  envFiles: string[];
  composeFiles: string[];
  /** Holds Appwrite settings or runs an Appwrite image: the hardening checks apply. */
  appwrite: boolean;
  /** Effective Appwrite settings by name (compose inline values override the `.env`). */
  settings: Record<string, Setting>;
  /** Credentials of bundled containers (MYSQL_ROOT_PASSWORD, …) set inline in compose. */
  containerSecrets: Setting[];
  appwriteServices: string[];
  /** Variables the compose files interpolate: compose-level names such as _APP_HTTP_PORT. */
  composeVariables: string[];
  proxy?: ProxyFact;
  /** An Appwrite service that publishes its own ports, bypassing the proxy. */
  directlyPublished?: { service: string; location: Location };
}

export interface GitFact {
  state: 'repo' | 'not-a-repo' | 'unavailable';
  detail?: string;
}

export interface SelfhostEnvFacts {
  files: EnvFileFact[];
  deployments: Deployment[];
  git: GitFact;
}

declare module '../../core/facts.js' {
  interface Facts {
    'selfhost-env': SelfhostEnvFacts;
  }
}

/** Facts about docker compose files, as the `compose` collector reads them. Paths are root-relative. */

export interface Position {
  /** 1-based. */
  line: number;
  column: number;
}

export interface ImageRef extends Position {
  /** As written, before interpolation (may hold `${VAR}`). */
  raw: string;
  /** After interpolation from the `.env` next to the compose file. */
  ref: string;
  /** `appwrite/appwrite` (registry `docker.io/` and `library/` dropped). */
  repository: string;
  /** Registry host when one is given (`ghcr.io`). */
  registry?: string;
  tag?: string;
  digest?: string;
  unresolved: string[];
}

export interface PortMapping extends Position {
  raw: string;
  /** Host interface; undefined = every interface. */
  hostIp?: string;
  /** Host port or range; undefined = an ephemeral host port (still published). */
  published?: string;
  target: string;
  protocol?: string;
}

export interface VolumeMount extends Position {
  raw: string;
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'image' | 'cluster' | 'unknown';
  source?: string;
  target?: string;
  readOnly: boolean;
}

export interface ComposeEnvEntry extends Position {
  key: string;
  /** Effective value; '' when it comes from the deploy environment (see fromEnvironment). */
  value: string;
  /** `- KEY` or `KEY:` with no value: compose resolves it from `.env` / the shell. */
  bare: boolean;
  /** The value is not in any file: an unset `${VAR}` or a bare name the `.env` does not set. */
  fromEnvironment: boolean;
  /** Variables referenced by the value (`${_APP_DB_PASS}`). */
  refs: string[];
  unresolved: string[];
}

export interface EnvFileRef extends Position {
  /** Root-relative path of the referenced file. */
  path: string;
  required: boolean;
}

export interface ComposeService extends Position {
  name: string;
  image?: ImageRef;
  build: boolean;
  ports: PortMapping[];
  volumes: VolumeMount[];
  environment: ComposeEnvEntry[];
  envFiles: EnvFileRef[];
  /** `command:` as a list of strings (a string command is split on whitespace). */
  command: string[];
  networkMode?: { value: string } & Position;
  privileged?: Position;
}

export interface ComposeFile {
  path: string;
  /** Root-relative folder: compose files in one folder form one project. */
  project: string;
  /** `docker-compose.override.yml` and `compose.*.yaml` layer on the base file. */
  role: 'base' | 'override';
  /** The `.env` used for `${VAR}` interpolation, when there is one. */
  interpolationEnv?: string;
  services: ComposeService[];
  /** Variables the file interpolates (`${_APP_HTTP_PORT:-80}`): names for compose, not for Appwrite. */
  variables: string[];
  /** Why the file could not be read or parsed; its services are then empty. */
  error?: { message: string; line?: number; column?: number };
}

export interface ComposeFacts {
  files: ComposeFile[];
}

declare module '../../core/facts.js' {
  interface Facts {
    compose: ComposeFacts;
  }
}

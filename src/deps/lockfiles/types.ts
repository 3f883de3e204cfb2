import type { Manifest, ParsedLockfile } from '../model.js';

/** What a lockfile parser may know besides the text: the manifests next to it. */
export interface ParseContext {
  /** Root-relative path of the lockfile. */
  path: string;
  /** Root-relative folder of the lockfile (`.` for the root). */
  dir: string;
  /** The package.json of a folder relative to the lockfile's folder (`.` is the lockfile's own). */
  manifest(dir: string): Manifest | undefined;
  /** Workspace member folders relative to the lockfile's folder (expanded globs). */
  workspaceDirs: readonly string[];
}

export type LockfileParser = (text: string, ctx: ParseContext) => ParsedLockfile;

import type { LockfileKind, ParsedLockfile } from '../model.js';
import { parseBunLock } from './bun.js';
import { parseNpmLock } from './npm.js';
import { parsePnpmLock } from './pnpm.js';
import type { ParseContext } from './types.js';
import { isBerryLock, parseYarnBerry, parseYarnClassic } from './yarn.js';

export type { ParseContext } from './types.js';

/** Lockfile names we read, and the kind each one is (yarn.lock is classic or berry by content). */
export const LOCKFILE_NAMES: Readonly<Record<string, LockfileKind>> = {
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'yarn.lock': 'yarn-classic',
  'pnpm-lock.yaml': 'pnpm',
  'bun.lock': 'bun',
};

/** Lockfiles we find but cannot read, with what to do instead. */
export const UNSUPPORTED_LOCKFILES: Readonly<Record<string, string>> = {
  'bun.lockb': 'bun.lockb is a binary lockfile; run `bun install --save-text-lockfile` (bun >= 1.1.39) to write bun.lock, which is audited',
};

export function isLockfileName(base: string): boolean {
  return Object.hasOwn(LOCKFILE_NAMES, base);
}

/** Parses one lockfile; throws FormatError (with a line when known) when it is not what its name says. */
export function parseLockfile(baseName: string, text: string, ctx: ParseContext): ParsedLockfile {
  const kind = LOCKFILE_NAMES[baseName];
  switch (kind) {
    case 'npm':
      return parseNpmLock(text, ctx);
    case 'yarn-classic':
    case 'yarn-berry':
      return isBerryLock(text) ? parseYarnBerry(text, ctx) : parseYarnClassic(text, ctx);
    case 'pnpm':
      return parsePnpmLock(text, ctx);
    case 'bun':
      return parseBunLock(text, ctx);
    default:
      throw new Error(`not a lockfile name: ${baseName}`);
  }
}

import path from 'node:path';
import type { CliContext } from '../cli/runtime.js';
import { resolveConfig, type Config } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import type { StoreConfig } from './config.js';
import { storeConfigOf } from './settings.js';
import { openStore, type OpenStoreOptions, type Store } from './store.js';
import { resolveStoreUrl } from './url.js';

export interface StoreFlags {
  store?: string;
  config?: string;
}

export interface OpenedForCli {
  store: Store;
  config: Config;
  storeConfig: StoreConfig;
}

/**
 * Opens the store a command names: --store, then $APPWRITE_SECOPS_STORE, then `store.url` in the config
 * (found upward from the working directory), then `.appwrite-secops/state.db` in the working directory.
 * Reading commands pass `create: false`, so a mistyped path is an error rather than a new empty store.
 */
export async function openStoreForCli(flags: StoreFlags, ctx: CliContext, opts: Pick<OpenStoreOptions, 'create' | 'migrate'> = {}): Promise<OpenedForCli> {
  const cwd = ctx.io.cwd;
  const loaded = await resolveConfig({ configFile: flags.config ? path.resolve(cwd, flags.config) : undefined, startDir: cwd });
  const storeConfig = storeConfigOf(loaded.config);
  const url = resolveStoreUrl({ flag: flags.store, env: ctx.io.env, config: storeConfig.url });
  // A relative sqlite: path in a config file is relative to that file's folder, not to where you stand.
  const base = !flags.store && !ctx.io.env.APPWRITE_SECOPS_STORE && storeConfig.url && loaded.path ? path.dirname(loaded.path) : cwd;
  const store = await openStore(url, { cwd: base, redactor: ctx.redactor, tls: storeConfig.tls, ...opts });
  return { store, config: loaded.config, storeConfig };
}

/** Parses `--since`: a date (YYYY-MM-DD, UTC midnight) or a full ISO-8601 time. */
export function parseSince(value: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
  const d = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) {
    throw new UsageError(`--since "${value}" is not a date`, { hint: 'use YYYY-MM-DD or an ISO-8601 time such as 2025-03-01T12:00:00Z' });
  }
  return d;
}

/** Parses a positive whole number of days or runs from a flag. */
export function parseCount(flag: string, value: string, min = 0): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min) throw new UsageError(`${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${value}"`);
  return n;
}

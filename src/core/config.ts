/**
 * Finding and loading `appwrite-secops.yaml`. The schema lives in ./config-schema.ts; a file is validated
 * section by section (./config-lazy.ts), loading only the schemas of the sections it sets. Without a file
 * the built-in defaults (config-defaults.generated.ts, made by `npm run gen` from the schema) are used.
 */
import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { Config } from './config-schema.js';
import { DEFAULT_CONFIG_JSON } from './config-defaults.generated.js';
import { readTextFile } from './workspace.js';

export type { Config, ConfigInput, ExceptionConfig } from './config-schema.js';

export const CONFIG_FILE_NAMES = ['appwrite-secops.yaml', 'appwrite-secops.yml', 'appwrite-secops.json'] as const;

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file it came from; undefined for built-in defaults. */
  path?: string;
}

/** The configuration when no file sets anything: what the schema makes of `{}`. A fresh copy each call. */
export function defaultConfig(): Config {
  return JSON.parse(DEFAULT_CONFIG_JSON) as Config;
}

/** Looks for appwrite-secops.{yaml,yml,json} in `startDir` and each parent folder. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Loads and validates a config file; errors carry file:line. */
export async function loadConfigFile(file: string, shownAs = file): Promise<LoadedConfig> {
  const text = await readTextFile(path.resolve(file), shownAs, { maxBytes: 2 * 1024 * 1024 });
  const { parseConfigTextLazily } = await import('./config-lazy.js');
  return { config: await parseConfigTextLazily(text, shownAs), path: path.resolve(file) };
}

export async function resolveConfig(opts: { configFile?: string; startDir: string }): Promise<LoadedConfig> {
  if (opts.configFile) return loadConfigFile(opts.configFile);
  const found = findConfigFile(opts.startDir);
  if (!found) return { config: defaultConfig() };
  return loadConfigFile(found, path.relative(process.cwd(), found) || found);
}


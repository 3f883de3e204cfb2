/**
 * Validates a config file section by section, loading only the schemas of the sections it sets. The
 * result, and every error with its file:line, is what the whole schema (./config-schema.ts) gives for
 * the same file: the keys are walked in the schema's order, unknown keys are reported after them as a
 * strict object does, and a section the file leaves out takes the default the schema would give it.
 */
import type * as z from 'zod';
import type { Config } from './config-schema.js';
import { configIssuesError, readConfigDocument } from './config-text.js';
import { defaultConfig } from './config.js';
import { SECTION_LOADERS } from './config-section-loaders.js';

/** Like parseConfigText, without building the schemas of sections the file does not set. */
export async function parseConfigTextLazily(text: string, shownAs: string): Promise<Config> {
  const cd = readConfigDocument(text, shownAs);
  const raw = cd.raw;
  const defaults = defaultConfig() as unknown as Record<string, unknown>;
  const known = new Set(SECTION_LOADERS.map(([k]) => k));
  const out: Record<string, unknown> = {};
  const issues: z.core.$ZodIssue[] = [];
  for (const [key, load] of SECTION_LOADERS) {
    if (!Object.hasOwn(raw, key)) {
      if (Object.hasOwn(defaults, key)) out[key] = defaults[key];
      continue;
    }
    const schema = (await load())[key];
    if (!schema) throw new Error(`config section "${key}" is missing from its module`);
    // jitless: each section is parsed once per process; compiling zod's fast path would cost more than it saves.
    const r = schema.safeParse(raw[key], { jitless: true });
    if (r.success) {
      if (r.data !== undefined) out[key] = r.data;
    } else {
      for (const issue of r.error.issues) issues.push({ ...issue, path: [key, ...issue.path] } as z.core.$ZodIssue);
    }
  }
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    const { unknownKeysIssues } = await import('./config-core.js');
    issues.push(...unknownKeysIssues(Object.fromEntries(unknown.map((k) => [k, raw[k]]))));
  }
  if (issues.length > 0) throw configIssuesError(issues, cd, shownAs);
  return out as Config;
}

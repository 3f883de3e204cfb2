/**
 * The whole config schema (zod): the JSON Schema for editors, the library's `configSchema`, and the
 * reference that the section-by-section validation of the CLI (./config-lazy.ts) is tested against.
 */
import * as z from 'zod';
import { coreShape } from './config-core.js';
import { areaSections } from './config-sections.js';
import { configIssuesError, readConfigDocument } from './config-text.js';

export { exceptionSchema, type ExceptionConfig } from './config-core.js';

export const configSchema = z.strictObject({ ...coreShape, ...areaSections });

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** Parses and validates a config file's text against the whole schema; errors carry file:line. */
export function parseConfigText(text: string, shownAs: string): Config {
  const cd = readConfigDocument(text, shownAs);
  // jitless: a config is parsed once per process, so compiling zod's fast path would cost more than it saves.
  const parsed = configSchema.safeParse(cd.raw, { jitless: true });
  if (parsed.success) return parsed.data;
  throw configIssuesError(parsed.error.issues, cd, shownAs);
}

/** JSON Schema for editors (committed as schema/appwrite-secops.schema.json). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
}

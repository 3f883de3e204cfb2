/**
 * Regenerates the files derived from code: schema/appwrite-secops.schema.json (editor completion for the
 * config), src/core/config-defaults.generated.ts (the defaults, for start-up without zod) and the check catalog in README.md (between the `checks:start` / `checks:end` markers).
 * Run `npm run gen` after adding or changing a check or a config setting; a test fails while they are stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expectedConfigDefaults, expectedConfigSchema, expectedReadme } from './docs-content.js';

const root = fileURLToPath(new URL('..', import.meta.url));
await writeFile(`${root}schema/appwrite-secops.schema.json`, expectedConfigSchema());
await writeFile(`${root}src/core/config-defaults.generated.ts`, expectedConfigDefaults());
const readme = await readFile(`${root}README.md`, 'utf8');
await writeFile(`${root}README.md`, await expectedReadme(readme));
process.stdout.write('wrote schema/appwrite-secops.schema.json, src/core/config-defaults.generated.ts and the README check catalog\n');

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/core/config.js';
import { configSchema } from '../src/core/config-schema.js';
import { expectedConfigDefaults, expectedConfigSchema, expectedReadme } from './docs-content.js';

const root = new URL('..', import.meta.url);

describe('generated documentation is current (run `npm run gen` when this fails)', () => {
  it('schema/appwrite-secops.schema.json', async () => {
    expect(await readFile(new URL('schema/appwrite-secops.schema.json', root), 'utf8')).toBe(expectedConfigSchema());
  });
  it('src/core/config-defaults.generated.ts', async () => {
    expect(await readFile(new URL('src/core/config-defaults.generated.ts', root), 'utf8')).toBe(expectedConfigDefaults());
    expect(defaultConfig()).toEqual(configSchema.parse({}));
  });
  it('README check catalog', async () => {
    const readme = await readFile(new URL('README.md', root), 'utf8');
    expect(readme).toBe(await expectedReadme(readme));
  });
});

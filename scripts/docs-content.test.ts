import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectedConfigSchema, expectedReadme } from './docs-content.js';

const root = new URL('..', import.meta.url);

describe('generated documentation is current (run `npm run gen` when this fails)', () => {
  it('schema/appwrite-secops.schema.json', async () => {
    expect(await readFile(new URL('schema/appwrite-secops.schema.json', root), 'utf8')).toBe(expectedConfigSchema());
  });
  it('README check catalog', async () => {
    const readme = await readFile(new URL('README.md', root), 'utf8');
    expect(readme).toBe(await expectedReadme(readme));
  });
});

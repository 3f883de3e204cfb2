import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { clientChecks } from './index.js';

describe('client registry', () => {
  it('lists every check file of the area once, with an id matching its path', async () => {
    const files = (await readdir(new URL('.', import.meta.url))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');
    expect(clientChecks.map((c) => c.meta.id).sort()).toEqual(files.map((f) => `client/${f.replace(/\.ts$/, '')}`).sort());
  });
});

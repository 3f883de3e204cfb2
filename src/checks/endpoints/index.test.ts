import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { endpointsChecks } from './index.js';

describe('endpoints registry', () => {
  it('lists every check file of the area once, with an id matching its path', async () => {
    const files = (await readdir(new URL('.', import.meta.url))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');
    expect(endpointsChecks.map((c) => c.meta.id).sort()).toEqual(files.map((f) => `endpoints/${f.replace(/\.ts$/, '')}`).sort());
  });
});

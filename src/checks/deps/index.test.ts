import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { depsChecks } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('deps check registry', () => {
  it('lists every check file once, with an id that matches its path', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts').map((f) => `deps/${f.replace(/\.ts$/, '')}`);
    expect(depsChecks.map((c) => c.meta.id).sort()).toEqual(files.sort());
    expect(new Set(depsChecks.map((c) => c.meta.id)).size).toBe(depsChecks.length);
  });
});

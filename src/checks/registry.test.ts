import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allChecks } from './index.js';
import { allCollectors } from '../collectors/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function looksLikeCheck(v: unknown): v is { meta: { id: string }; needs: string[]; run: unknown } {
  return typeof v === 'object' && v !== null && 'meta' in v && 'run' in v && 'needs' in v;
}

describe('check registry', () => {
  it('has unique ids', () => {
    const ids = allChecks.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every check defined under checks/<area>/, with an id that matches its path', async () => {
    const registered = new Set(allChecks);
    const areas = (await readdir(here, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(areas.length).toBeGreaterThan(0);
    for (const area of areas) {
      const files = (await readdir(path.join(here, area))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');
      for (const file of files) {
        const mod = (await import(pathToFileURL(path.join(here, area, file)).href)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(mod)) {
          if (!looksLikeCheck(value)) continue;
          expect(value.meta.id, `${area}/${file} export ${name}`).toBe(`${area}/${file.replace(/\.ts$/, '')}`);
          expect(registered.has(value as never), `${value.meta.id} is not in checks/index.ts`).toBe(true);
        }
      }
    }
  });

  it('every fact a check needs has a collector', () => {
    const provided = new Set(allCollectors.map((c) => c.key as string));
    for (const c of allChecks) for (const k of c.needs as readonly string[]) expect(provided.has(k), `${c.meta.id} needs ${k}`).toBe(true);
  });

  it('every check has a test file beside it', async () => {
    for (const c of allChecks) {
      const [area, name] = c.meta.id.split('/');
      const files = await readdir(path.join(here, area!));
      expect(files, `${c.meta.id} has no ${name}.test.ts`).toContain(`${name}.test.ts`);
    }
  });
});

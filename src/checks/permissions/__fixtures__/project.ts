import type { AppwriteProjectFacts } from '../../../collectors/appwrite-config/schema.js';
import { parseProjectFile } from '../../../collectors/appwrite-config/parse.js';

export interface ProjectFixture {
  facts: { 'appwrite-project': AppwriteProjectFacts };
  text: string;
  /** 1-based line of the n-th line containing `needle` (found by plain line search, not by the parser). */
  line(needle: string, nth?: number): number;
}

/**
 * Builds `appwrite-project` facts the way the collector does: the project object is written out as the
 * Appwrite CLI writes it (4-space JSON) and parsed, so finding lines are real file lines.
 */
export async function project(config: Record<string, unknown>, path = 'appwrite.json'): Promise<ProjectFixture> {
  const text = `${JSON.stringify({ projectId: 'fixture', projectName: 'Fixture', ...config }, null, 4)}\n`;
  const parsed = await parseProjectFile(text, { path });
  const lines = text.split('\n');
  return {
    facts: { 'appwrite-project': { projects: [parsed.project], problems: parsed.problems, failures: [] } },
    text,
    line(needle, nth = 1) {
      let seen = 0;
      const i = lines.findIndex((l) => l.includes(needle) && ++seen === nth);
      if (i === -1) throw new Error(`fixture has no line with ${needle}`);
      return i + 1;
    },
  };
}

/** A 1.x collection with the given permissions. */
export function collection(id: string, permissions: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { $id: id, $permissions: permissions, databaseId: 'main', name: id, enabled: true, documentSecurity: false, attributes: [], indexes: [], ...extra };
}

/** A 1.8+ table with the given permissions. */
export function table(id: string, permissions: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { $id: id, $permissions: permissions, databaseId: 'main', name: id, enabled: true, rowSecurity: false, columns: [], indexes: [], ...extra };
}

export function bucket(id: string, permissions: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $id: id,
    $permissions: permissions,
    fileSecurity: true,
    name: id,
    enabled: true,
    maximumFileSize: 10_000_000,
    allowedFileExtensions: ['png', 'jpg'],
    compression: 'none',
    encryption: true,
    antivirus: true,
    ...extra,
  };
}

export function fn(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { $id: id, name: id, runtime: 'node-22', execute: [], events: [], scopes: [], schedule: '', timeout: 15, enabled: true, logging: true, entrypoint: 'src/main.js', commands: 'npm install', path: `functions/${id}`, ...extra };
}

export const attr = (key: string, type = 'string', extra: Record<string, unknown> = {}) => ({ key, type, required: false, array: false, size: 255, default: null, ...extra });

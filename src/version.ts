import { readFileSync } from 'node:fs';

export const TOOL_NAME = 'appwrite-secops';

/** Read from package.json at load time, so a release never reports a stale version. */
export const TOOL_VERSION: string = (() => {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === TOOL_NAME && pkg.version) return pkg.version;
    } catch {
      // not at this depth (src/ under tsx vs dist/ when built): try the next one
    }
  }
  return '0.0.0-unknown';
})();

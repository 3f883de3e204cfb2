import path from 'node:path';
import { defineCheck } from '../../core/check.js';
import { globMatch } from '../../core/glob.js';
import '../../collectors/lockfiles/schema.js';

/** `a/b` is `.` or below `base`: the relative part, else undefined. */
function relTo(dir: string, base: string): string | undefined {
  if (base === '.') return dir;
  if (dir === base) return '.';
  return dir.startsWith(`${base}/`) ? dir.slice(base.length + 1) : undefined;
}

export const lockfilePresent = defineCheck({
  meta: {
    id: 'deps/lockfile-present',
    title: 'Every package.json with dependencies has a committed lockfile',
    severity: 'medium',
    risk: 'Without a lockfile every install resolves the newest versions that match the ranges: builds are not reproducible, a compromised release is picked up silently, and nothing can be audited before it ships.',
    remediation: 'Run the install once with your package manager (npm install, pnpm install, yarn install or bun install) and commit the lockfile it writes; install with npm ci / --frozen-lockfile in CI.',
    references: ['https://docs.npmjs.com/cli/configuring-npm/package-lock-json', 'https://pnpm.io/git#lockfiles'],
    controls: ['supply-chain.lockfile'],
  },
  needs: ['lockfiles'],
  messages: {
    missing: '{{manifest}} declares {{count}} dependencies but no lockfile pins them (looked in {{dir}} and the workspace roots above it).',
  },
  run({ lockfiles }, { report }) {
    const lockDirs = new Set([...lockfiles.lockfiles.map((l) => l.dir), ...lockfiles.failures.filter((f) => !f.path.endsWith('package.json')).map((f) => path.posix.dirname(f.path) || '.'), ...lockfiles.unsupported.map((u) => path.posix.dirname(u.path) || '.')]);
    for (const m of lockfiles.manifests) {
      const deps = m.dependencies.filter((d) => d.group !== 'peer');
      if (deps.length === 0 || lockDirs.has(m.dir)) continue;
      // covered by a workspace root: its lockfile lists this folder as an importer, or its globs match it
      const covered =
        lockfiles.lockfiles.some((l) => {
          const rel = relTo(m.dir, l.dir);
          return rel !== undefined && l.importers.some((i) => i.dir === rel);
        }) ||
        lockfiles.manifests.some((root) => {
          if (!lockDirs.has(root.dir) || root === m) return false;
          const rel = relTo(m.dir, root.dir);
          return rel !== undefined && root.workspaces.some((g) => !g.startsWith('!') && globMatch(g.replace(/\/+$/, ''), rel));
        });
      if (covered) continue;
      report({
        messageId: 'missing',
        data: { manifest: m.path, count: deps.length, dir: m.dir },
        resource: { type: 'manifest', id: m.path, ...(m.name ? { name: m.name } : {}) },
        location: { path: m.path, line: 1 },
      });
    }
  },
});

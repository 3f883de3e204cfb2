import semver from 'semver';
import { defineCheck } from '../../core/check.js';
import { isRegistrySpec, registryRange } from '../../deps/manifest.js';
import type { Manifest, ParsedLockfile } from '../../deps/model.js';
import '../../collectors/lockfiles/schema.js';

function manifestFor(lock: ParsedLockfile, importerDir: string, manifests: readonly Manifest[]): Manifest | undefined {
  const dir = importerDir === '.' ? lock.dir : lock.dir === '.' ? importerDir : `${lock.dir}/${importerDir}`;
  return manifests.find((m) => m.dir === dir);
}

function satisfies(version: string, spec: string): boolean | undefined {
  const range = registryRange(spec).range;
  // a dist-tag such as `latest` is not a range: the lockfile cannot be judged against it
  if (semver.validRange(range, { loose: true }) === null) return undefined;
  return semver.satisfies(version, range, { includePrerelease: true, loose: true });
}

export const lockfileInSync = defineCheck({
  meta: {
    id: 'deps/lockfile-in-sync',
    title: 'Lockfiles match the dependencies their package.json declares',
    severity: 'medium',
    risk: 'A lockfile out of sync with package.json makes `npm ci` / frozen installs fail, or lets a plain install resolve something nobody reviewed; an audit of the lockfile then describes a different tree than the one that ships.',
    remediation: 'Run the install without the frozen flag once (npm install, pnpm install, yarn install, bun install), review the lockfile diff, and commit both files together.',
    references: ['https://docs.npmjs.com/cli/commands/npm-ci', 'https://pnpm.io/cli/install#--frozen-lockfile', 'https://yarnpkg.com/cli/install#options'],
    controls: ['supply-chain.lockfile'],
  },
  needs: ['lockfiles'],
  messages: {
    missing: '{{name}} ({{spec}}) is declared in {{manifest}} but {{lockfile}} does not lock it.',
    outOfRange: '{{name}} is declared as {{spec}} in {{manifest}} but {{lockfile}} locks {{version}}, outside that range.',
    changed: '{{name}} is declared as {{spec}} in {{manifest}} but {{lockfile}} was generated for {{locked}}: a frozen install fails.',
    unreadable: 'Could not read {{path}}: {{message}}',
  },
  run({ lockfiles }, { report }) {
    for (const f of lockfiles.failures) {
      report({ messageId: 'unreadable', status: 'error', data: { path: f.path, message: f.message }, location: { path: f.path, ...(f.line ? { line: f.line } : {}) }, resource: { type: 'lockfile', id: f.path } });
    }
    for (const lock of lockfiles.lockfiles) {
      for (const imp of lock.importers) {
        const m = manifestFor(lock, imp.dir, lockfiles.manifests);
        if (!m) continue;
        const siblings = new Set(lockfiles.manifests.map((x) => x.name).filter(Boolean));
        for (const d of m.dependencies) {
          if (d.group === 'peer' || !isRegistrySpec(d.spec) || siblings.has(d.name)) continue;
          const base = { name: d.name, spec: d.spec, manifest: m.path, lockfile: lock.path };
          const at = { resource: { type: 'package', id: d.name }, location: { path: m.path, ...(d.line ? { line: d.line } : {}) }, key: `${lock.path}|${d.name}` };
          const unresolved = imp.unresolved?.find((u) => u.name === d.name && u.spec === d.spec);
          if (unresolved) {
            if (unresolved.lockedSpecs.length === 0) report({ messageId: 'missing', data: base, ...at });
            else report({ messageId: 'changed', data: { ...base, locked: unresolved.lockedSpecs.join(' / ') }, ...at });
            continue;
          }
          const locked = imp.dependencies.find((x) => x.name === d.name);
          if (!locked || (!locked.version && lock.kind !== 'pnpm')) {
            if (lock.kind.startsWith('yarn')) continue; // yarn records importers only through `unresolved`
            report({ messageId: 'missing', data: base, ...at });
            continue;
          }
          // pnpm and bun refuse a frozen install when the recorded specifier differs
          if ((lock.kind === 'pnpm' || lock.kind === 'bun') && locked.spec !== undefined && locked.spec !== d.spec) {
            report({ messageId: 'changed', data: { ...base, locked: locked.spec }, ...at });
            continue;
          }
          if (locked.version && satisfies(locked.version, d.spec) === false) {
            report({ messageId: 'outOfRange', data: { ...base, version: locked.version }, ...at });
          }
        }
      }
    }
  },
});

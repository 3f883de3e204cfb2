import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAuditOutput } from './audit-output/index.js';
import { parseLockfile } from './lockfiles/index.js';
import { parseManifest } from './manifest.js';
import { matchVulnerabilities, mergeAdvisories, preferredId } from './match.js';
import type { Advisory } from './model.js';
import { loadOfflineDb } from './osv/offline.js';
import { parseOsvScannerOutput } from './osv-scanner.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const read = (...p: string[]) => readFileSync(path.join(here, ...p), 'utf8');

function basicLock(file = 'package-lock.v3.json', name = 'package-lock.json') {
  const manifest = parseManifest(read('lockfiles', '__fixtures__', 'basic', 'package.json'), 'package.json');
  return parseLockfile(name, read('lockfiles', '__fixtures__', 'basic', file), { path: name, dir: '.', manifest: (d) => (d === '.' ? manifest : undefined), workspaceDirs: [] });
}

const names = new Set(['qs', 'express', 'body-parser', 'send', 'minimist', 'ms', 'debug', 'left-pad', 'mkdirp', 'fsevents']);

describe('matching a lockfile against the offline database', () => {
  it('finds exactly the affected packages, with paths and scope', async () => {
    const db = await loadOfflineDb(path.join(here, '__fixtures__', 'osv'), 'osv', { names });
    const { vulnerabilities, unevaluated } = matchVulnerabilities([basicLock()], mergeAdvisories(db.advisories));
    expect(unevaluated).toEqual([]);
    const got = vulnerabilities.map((v) => `${v.package}@${v.versions.join()} ${v.id} ${v.dev ? 'dev' : 'prod'} ${v.path.join('>')}`).sort();
    expect(got).toEqual([
      'body-parser@1.19.0 GHSA-qwcr-r2fm-qrc7 prod express@4.17.1>body-parser@1.19.0',
      'express@4.17.1 GHSA-qw6h-vgh9-j6wx prod express@4.17.1',
      'minimist@0.0.8 GHSA-xvch-5gv4-984h dev mkdirp@0.5.1>minimist@0.0.8',
      'qs@6.7.0 GHSA-hrpp-h998-j3pp prod express@4.17.1>qs@6.7.0',
      'send@0.17.1 GHSA-m6fv-jmcg-4jfg prod express@4.17.1>send@0.17.1',
    ]);
    const qs = vulnerabilities.find((v) => v.package === 'qs')!;
    expect(qs.location).toEqual({ path: 'package-lock.json', line: read('lockfiles', '__fixtures__', 'basic', 'package-lock.v3.json').split('\n').findIndex((l) => l.includes('"node_modules/qs"')) + 1 });
    expect(qs.directDependency).toEqual({ name: 'express', version: '4.17.1', spec: '^4.17.1' });
    expect(qs.aliases).toEqual(['GHSA-hrpp-h998-j3pp', 'CVE-2022-24999']);
    expect(qs.severity).toBe('high');
  });
});

describe('alias-aware merging across sources', () => {
  it('one vulnerability from OSV, npm audit and yarn audit is one record listing all three', async () => {
    const db = await loadOfflineDb(path.join(here, '__fixtures__', 'osv'), 'osv', { names });
    const npm = parseAuditOutput(read('audit-output', '__fixtures__', 'npm7-v2.json'), { origin: 'npm.json' }).advisories;
    const yarn = parseAuditOutput(read('audit-output', '__fixtures__', 'yarn-classic.ndjson'), { origin: 'yarn.ndjson' }).advisories;
    const merged = mergeAdvisories([...db.advisories, ...npm, ...yarn]);
    const qs = merged.filter((m) => m.affected.has('qs'));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.sources).toEqual(['npm-audit', 'osv-offline', 'yarn-audit']);
    expect(qs[0]!.aliases).toEqual(['GHSA-hrpp-h998-j3pp', 'CVE-2022-24999', '1096470']);
    expect(qs[0]!.fixAvailable).toEqual({ name: 'express', version: '4.21.2', isSemVerMajor: false });
    // OSV's fuller text wins for the summary, the worst rating wins for severity
    expect(qs[0]!.summary).toBe('qs vulnerable to Prototype Pollution');
    const { vulnerabilities } = matchVulnerabilities([basicLock()], merged);
    expect(vulnerabilities.filter((v) => v.package === 'qs')).toHaveLength(1);
  });

  it('links records that only share a CVE', () => {
    const a: Advisory = { id: 'GHSA-aaaa-bbbb-cccc', aliases: ['CVE-2024-1'], cvss: [], affected: [{ name: 'p', ranges: [], semverRange: '<2', versions: [], fixed: [] }], references: [], source: 'osv-api', reported: [], origin: 'x', severity: 'low' };
    const b: Advisory = { ...a, id: 'CVE-2024-1', aliases: [], source: 'osv-scanner', severity: 'critical' };
    const c: Advisory = { ...a, id: 'OSV-2024-9', aliases: ['cve-2024-1'], source: 'osv-offline', severity: undefined };
    const merged = mergeAdvisories([a, b, c]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.id).toBe('GHSA-aaaa-bbbb-cccc');
    expect(merged[0]!.severity).toBe('critical');
    expect(merged[0]!.severitySource).toBe('osv-scanner');
  });

  it('prefers GHSA, then CVE, then other ids, then npm numbers', () => {
    expect(preferredId(['1096470', 'CVE-2022-24999', 'GHSA-hrpp-h998-j3pp'])).toBe('GHSA-hrpp-h998-j3pp');
    expect(preferredId(['NPM-1', 'PYSEC-1', 'CVE-1'])).toBe('CVE-1');
  });
});

describe('advisories about packages no lockfile has', () => {
  it('are kept, located at the report that named them', () => {
    const npm = parseAuditOutput(read('audit-output', '__fixtures__', 'yarn4.ndjson'), { origin: 'audit/yarn4.ndjson' }).advisories;
    const { vulnerabilities } = matchVulnerabilities([], mergeAdvisories(npm));
    const qs = vulnerabilities.find((v) => v.package === 'qs')!;
    expect(qs.location).toEqual({ path: 'audit/yarn4.ndjson' });
    expect(qs.versions).toEqual(['6.7.0']);
  });

  it('a git dependency cannot be evaluated: reported, not passed', () => {
    const lock = basicLock();
    lock.packages.push({ ...lock.packages.find((p) => p.name === 'qs')!, version: 'github:ljharb/qs#abc123' });
    const db: Advisory[] = [{ id: 'GHSA-hrpp-h998-j3pp', aliases: [], cvss: [], affected: [{ name: 'qs', ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '6.7.3' }] }], versions: [], fixed: [] }], references: [], source: 'osv-api', reported: [], origin: 'x' }];
    const { unevaluated } = matchVulnerabilities([lock], mergeAdvisories(db));
    expect(unevaluated).toEqual([expect.objectContaining({ package: 'qs', version: 'github:ljharb/qs#abc123', reason: expect.stringMatching(/not a registry version/) })]);
  });
});

describe('OSV-Scanner output', () => {
  it('reads results[].packages[].vulnerabilities and the group rating', () => {
    const advisories = parseOsvScannerOutput(read('__fixtures__', 'osv-scanner.json'), 'osv-scanner.json');
    expect(advisories.map((a) => a.id).sort()).toEqual(['GHSA-hrpp-h998-j3pp', 'GHSA-xvch-5gv4-984h']);
    const qs = advisories.find((a) => a.id === 'GHSA-hrpp-h998-j3pp')!;
    expect(qs.reported).toEqual([{ name: 'qs', version: '6.7.0', paths: ['/src/app/package-lock.json'] }]);
    expect(qs.source).toBe('osv-scanner');
    expect(advisories.find((a) => a.id === 'GHSA-xvch-5gv4-984h')).toMatchObject({ severity: 'critical', severitySource: 'OSV-Scanner group rating' });
  });
  it('rejects other JSON', () => {
    expect(() => parseOsvScannerOutput('{"auditReportVersion": 2}', 'x')).toThrow(/expected OSV-Scanner JSON/);
    expect(() => parseOsvScannerOutput('{"results": [{"packages": [{"package": {"ecosystem": "npm", "name": "qs"}, "vulnerabilities": [{"id": 3}]}]}]}', 'x')).toThrow(/vulnerabilities\[0\]: not an OSV record: id/);
  });
});

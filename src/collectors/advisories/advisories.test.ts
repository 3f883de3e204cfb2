import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditInputs, CollectContext } from '../../core/collector.js';
import { defaultConfig, type Config } from '../../core/config.js';
import { InputError } from '../../core/errors.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { startOsvStandIn, type OsvStandIn } from '../../deps/osv/__fixtures__/osv-server.js';
import type { AdvisoriesFacts } from '../../deps/model.js';
import { vulnerabilityFingerprint } from '../../deps/sla.js';
import { advisoriesCollector } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.resolve(here, '..', '..', '..', 'examples', 'deps-vulnerable');

function ctxFor(inputs: AuditInputs, config: Config = defaultConfig(), root = example): CollectContext {
  return {
    workspace: new Workspace(root),
    config,
    inputs,
    redactor: new Redactor(),
    now: new Date('2026-11-29T12:00:00Z'),
    diagnose: () => {},
    progress: () => {},
    recordInput: () => {},
  };
}

async function collect(inputs: AuditInputs, config?: Config): Promise<AdvisoriesFacts> {
  const s = await advisoriesCollector.collect(ctxFor(inputs, config));
  if (s.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(s)}`);
  return s.value;
}

const summary = (f: AdvisoriesFacts) => f.vulnerabilities.map((v) => `${v.package}@${v.versions.join()} ${v.id}`).sort();

const EXPECTED = [
  'body-parser@1.19.0 GHSA-qwcr-r2fm-qrc7',
  'express@4.17.1 GHSA-qw6h-vgh9-j6wx',
  'jsonwebtoken@8.5.1 GHSA-8cf7-32gw-wr33',
  'minimist@1.2.5 GHSA-xvch-5gv4-984h',
  'node-fetch@2.6.1 GHSA-r683-j2x4-v87g',
  'qs@6.7.0 GHSA-hrpp-h998-j3pp',
  'semver@5.7.1 GHSA-c2qf-rxjj-qqgw',
  'send@0.17.1 GHSA-m6fv-jmcg-4jfg',
];

describe('advisories collector on examples/deps-vulnerable', () => {
  it('offline OSV folder: the right advisories, nothing else', async () => {
    const f = await collect({ osvDb: path.join(example, 'osv') });
    expect(summary(f)).toEqual(EXPECTED);
    expect(f.sources).toEqual([{ source: 'osv-offline', origin: 'osv', ok: true, advisories: 10, message: '11 records read' }]);
    expect(f.packagesChecked).toBe(19);
  });

  it('npm audit output alone finds the same, and both together merge per vulnerability', async () => {
    const npm = await collect({ auditJson: [path.join(example, 'audit', 'npm-audit.json')] });
    expect(summary(npm)).toEqual(EXPECTED);
    const both = await collect({ auditJson: [path.join(example, 'audit', 'npm-audit.json')], osvDb: path.join(example, 'osv') });
    expect(summary(both)).toEqual(EXPECTED);
    expect(both.vulnerabilities.find((v) => v.package === 'qs')!.sources).toEqual(['npm-audit', 'osv-offline']);
    expect(both.sources.map((s) => `${s.source} ${s.message}`)).toEqual(['npm-audit npm-v2 format', 'osv-offline 11 records read']);
  });

  it('prod-only leaves dev packages out of the lookups', async () => {
    const f = await collect({ osvDb: path.join(example, 'osv'), prodOnly: true });
    expect(f.prodOnly).toBe(true);
    expect(f.packagesChecked).toBe(18);
  });

  it('the store\'s first-seen date is the earliest under any alias', async () => {
    const asked: string[] = [];
    const firstSeen = async (key: string) => {
      asked.push(key);
      if (key === 'npm:qs:CVE-2022-24999') return new Date('2026-10-01T00:00:00Z');
      if (key === 'npm:qs:GHSA-HRPP-H998-J3PP') return new Date('2026-11-01T00:00:00Z');
      return undefined;
    };
    const f = await collect({ osvDb: path.join(example, 'osv'), firstSeen: { firstSeen } });
    expect(f.vulnerabilities.find((v) => v.package === 'qs')!.firstSeen).toBe('2026-10-01T00:00:00.000Z');
    expect(f.vulnerabilities.find((v) => v.package === 'send')!.firstSeen).toBeUndefined();
    expect(asked).toContain('npm:send:CVE-2024-43799');
    // the finding's own fingerprint, which the store tracks for every recorded finding
    expect(asked).toContain(vulnerabilityFingerprint(f.vulnerabilities.find((v) => v.package === 'send')!));
  });

  it('is absent without any advisory source, saying how to add one', async () => {
    const s = await advisoriesCollector.collect(ctxFor({}));
    expect(s).toEqual({ state: 'absent', reason: expect.stringMatching(/--osv-db PATH, --osv-api URL/) });
  });

  it('a malformed --audit-json file stops the run with file:line (exit 2)', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'auditjson-'));
    try {
      const text = await readFile(path.join(example, 'audit', 'npm-audit.json'), 'utf8');
      await writeFile(path.join(tmp, 'cut.json'), text.slice(0, 2000));
      const err = await advisoriesCollector.collect(ctxFor({ auditJson: [path.join(tmp, 'cut.json')] })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).exitCode).toBe(2);
      expect((err as InputError).describe()).toMatch(/cut\.json:\d+:\d+: the JSON ends early/);
      const missing = await advisoriesCollector.collect(ctxFor({ auditJson: [path.join(tmp, 'nope.json')] })).catch((e: unknown) => e);
      expect((missing as InputError).describe()).toMatch(/nope\.json: cannot read .*no such file/);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('a broken --osv-db is an input error', async () => {
    await expect(advisoriesCollector.collect(ctxFor({ osvDb: path.join(example, 'package.json') }))).rejects.toThrow(/not a readable zip/);
  });
});

describe('advisories collector with the OSV API', () => {
  let osv: OsvStandIn;
  beforeAll(async () => {
    const dir = path.join(example, 'osv');
    const records = await Promise.all((await readdir(dir)).map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Record<string, unknown>));
    osv = await startOsvStandIn(records);
  });
  afterAll(async () => {
    await osv.close();
  });
  afterEach(() => {
    osv.failNext.length = 0;
  });

  it('finds the same advisories online', async () => {
    const f = await collect({ osvApi: osv.url });
    expect(summary(f)).toEqual(EXPECTED);
    expect(f.sources[0]).toMatchObject({ source: 'osv-api', ok: true, message: '19 packages queried' });
  });

  it('an API that keeps failing is a failed source, not an empty result', async () => {
    const config = { ...defaultConfig(), dependencies: { osv: { retries: 0 } } } as unknown as Config;
    osv.failNext.push({ status: 503 });
    const f = await collect({ osvApi: osv.url }, config);
    expect(f.vulnerabilities).toEqual([]);
    expect(f.sources).toEqual([expect.objectContaining({ source: 'osv-api', ok: false, message: expect.stringMatching(/HTTP 503/) })]);
  });
});

describe('advisories collector running the package manager', () => {
  let bin: string;
  beforeAll(async () => {
    bin = await mkdtemp(path.join(tmpdir(), 'fake-npm-'));
    await writeFile(path.join(bin, 'npm'), `#!/bin/sh\ncat "${path.join(example, 'audit', 'npm-audit.json')}"\nexit 1\n`);
    await chmod(path.join(bin, 'npm'), 0o755);
  });
  afterAll(async () => {
    await rm(bin, { recursive: true, force: true });
  });

  it('--run-audit runs npm audit next to the lockfile', async () => {
    const f = await collect({ runAudit: true, auditEnv: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(summary(f)).toEqual(EXPECTED);
    expect(f.sources[0]).toMatchObject({ source: 'npm-audit', ok: true, origin: 'npm audit --json (.)' });
    expect(f.vulnerabilities.find((v) => v.package === 'qs')!.location.path).toBe('package-lock.json');
  });

  it('a package manager that is missing is a failed source (exit 3), not a pass', async () => {
    const f = await collect({ runAudit: true, auditEnv: { PATH: bin + '-missing' } });
    expect(f.sources).toEqual([expect.objectContaining({ ok: false, message: expect.stringMatching(/npm is not installed/) })]);
  });
});

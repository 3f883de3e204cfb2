import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../audit.js';
import { appwriteConfigCollector } from '../../collectors/appwrite-config/index.js';
import { Redactor } from '../../core/redact.js';
import { authChecks } from '../auth/index.js';
import { bucketsChecks } from '../buckets/index.js';
import { functionsChecks } from '../functions/index.js';
import { permissionsChecks } from './index.js';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/appwrite-insecure');
const FAKE_KEY = 'SG.EXAMPLEexampleEXAMPLE0.NotARealKeyNotARealKeyNotARealKeyNotARealK';
const ALL = [...permissionsChecks, ...bucketsChecks, ...functionsChecks, ...authChecks];

describe('examples/appwrite-insecure through the real engine', async () => {
  const redactor = new Redactor();
  const result = await audit({ root: EXAMPLE, checks: ALL, collectors: [appwriteConfigCollector], redactor, now: new Date('2026-11-29T00:00:00Z') });

  it('fails every project check except config validity', () => {
    const failing = new Set(result.findings.filter((f) => f.status === 'fail').map((f) => f.checkId));
    const passing = result.findings.filter((f) => f.status === 'pass').map((f) => f.checkId);
    expect(passing).toEqual(['permissions/config-valid']);
    expect([...failing].sort()).toEqual(ALL.map((c) => c.meta.id).filter((id) => id !== 'permissions/config-valid').sort());
    expect(result.summary.complete).toBe(true);
    expect(result.inputs).toEqual([{ kind: 'appwrite-project', path: 'appwrite.json' }]);
  });

  it('locates findings at the permission line', () => {
    const f = result.findings.find((x) => x.checkId === 'permissions/no-public-write');
    expect(f).toMatchObject({ severity: 'high', resource: { type: 'collection', id: 'app/abuse_reports' }, location: { path: 'appwrite.json', line: 252 } });
  });

  it('never carries the committed key or the mock OTP', () => {
    const text = JSON.stringify(result);
    expect(text).not.toContain(FAKE_KEY);
    expect(text).not.toContain(FAKE_KEY.slice(3, 30));
    expect(redactor.scrub(`otp 123456 key ${FAKE_KEY}`)).not.toMatch(/123456|NotARealKey/);
  });
});

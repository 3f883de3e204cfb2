/**
 * A canary secret planted everywhere an env or compose file can hold one (valid lines, malformed
 * lines, duplicates, unterminated quotes, templates, compose inline values) must appear in no
 * finding, message, evidence or diagnostic of a full audit run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../audit.js';
import { composeChecks } from '../../checks/compose/index.js';
import { selfhostChecks } from '../../checks/selfhost/index.js';
import { errorMessage } from '../../core/errors.js';
import { Redactor } from '../../core/redact.js';
import { composeCollector } from '../compose/index.js';
import { selfhostEnvCollector } from './index.js';

const CANARY = 'CANARY-7f3a9c2e51b84d06a1e9f4c7b2d8e035';
const WEAK_CANARY = 'cnry-Pw-42';

const files: Record<string, string> = {
  '.env': [
    `_APP_ENV=production`,
    `_APP_OPENSSL_KEY_V1=${CANARY}-key`,
    `_APP_DB_PASS=${WEAK_CANARY}`,
    `BROKEN LINE ${CANARY}-malformed`,
    `_APP_SMTP_PASSWORD=${CANARY}-first`,
    `_APP_SMTP_PASSWORD="${CANARY}-second"`,
    `_APP_OPENSSL_KEY=${CANARY}-typo`,
    `_APP_REDIS_PASS="${CANARY}-unterminated`,
    `_APP_STORAGE_S3_SECRET=${CANARY}-s3 # trailing comment`,
    '_APP_DB_ROOT_PASS=pre${' + CANARY + '-unterminated-interpolation',
    '',
  ].join('\n'),
  '.env.example': `_APP_EXECUTOR_SECRET=${CANARY}-template\n`,
  'docker-compose.yml': [
    'services:',
    '  appwrite:',
    '    image: appwrite/appwrite:1.9.6',
    '    environment:',
    `      - _APP_EXECUTOR_SECRET=${CANARY}-inline`,
    '  mariadb:',
    '    image: mariadb:10.11',
    '    environment:',
    `      MYSQL_ROOT_PASSWORD: ${WEAK_CANARY}`,
    '',
  ].join('\n'),
};

describe('canary secret', () => {
  it('appears in no output of an audit, and the redactor knows every planted value', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'canary-'));
    for (const [rel, text] of Object.entries(files)) await writeFile(path.join(dir, rel), text);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-A'], { cwd: dir });
    const redactor = new Redactor();
    const result = await audit({ root: dir, checks: [...selfhostChecks, ...composeChecks], collectors: [selfhostEnvCollector, composeCollector], redactor });

    // the run saw the planted values: findings on them exist
    const ids = new Set(result.findings.filter((f) => f.status === 'fail').map((f) => f.checkId));
    for (const id of ['selfhost/no-tracked-secrets', 'selfhost/default-secrets-replaced', 'selfhost/template-secrets-empty', 'selfhost/env-names-known']) expect(ids).toContain(id);
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(3);

    const out = JSON.stringify(result);
    expect(out).not.toContain('CANARY-7f3a9c2e51b84d06a1e9f4c7b2d8e035');
    expect(out).not.toContain(WEAK_CANARY);
    // defence in depth: whatever a reporter prints is scrubbed of the values the collectors registered
    const scrubbed = redactor.scrub(`${CANARY}-key ${CANARY}-inline ${CANARY}-s3 ${WEAK_CANARY}`);
    expect(scrubbed).not.toContain(CANARY);
    expect(scrubbed).not.toContain(WEAK_CANARY);
  });

  it('appears in no error for an explicit file that cannot be read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'canary-err-'));
    await writeFile(path.join(dir, 'bad.yml'), `services:\n  a:\n    image: x\n    environment:\n      S: ${CANARY}\n  a:\n    image: y\n`);
    const err = await audit({ root: dir, checks: [...composeChecks], collectors: [selfhostEnvCollector, composeCollector], inputs: { composeFiles: [path.join(dir, 'bad.yml')] } }).catch((e: unknown) => e);
    expect(errorMessage(err)).toMatch(/bad\.yml:6/);
    expect(errorMessage(err)).not.toContain(CANARY);
  });
});

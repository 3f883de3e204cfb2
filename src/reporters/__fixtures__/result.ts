import type { CheckMeta } from '../../core/check.js';
import type { Diagnostic } from '../../core/collector.js';
import type { Finding } from '../../core/finding.js';
import { fingerprintOf } from '../../core/fingerprint.js';
import { redactSecret } from '../../core/redact.js';
import { summarize, type AuditResult } from '../../core/result.js';
import type { FailOn } from '../../core/severity.js';

/**
 * A realistic audit of a hasty self-hosted install plus a repository and a live project: every status,
 * findings with and without locations, several areas, a check-overridden remediation and severity,
 * an accepted risk, diagnostics. The metas mirror the shape of real checks (src/checks/<area>/*.ts).
 */

const DOCS = 'https://appwrite.io/docs/advanced/self-hosting/production/security';

export const METAS = {
  opensslKey: meta('selfhost/openssl-key-strong', 'critical', 'The encryption key _APP_OPENSSL_KEY_V1 is set, random and long', 'Anyone who knows the key can decrypt secrets at rest and mint scoped API keys.', 'Generate a random key with `openssl rand -hex 64` and set _APP_OPENSSL_KEY_V1. Never rotate it casually: keep it in the backup with the database.', ['security.encryption-key']),
  secretsNotDefault: meta('selfhost/secrets-not-default', 'critical', 'Database and executor secrets are not the installer placeholders', 'The placeholder passwords are published in the Appwrite repository.', 'Set _APP_DB_PASS, _APP_DB_ROOT_PASS and _APP_EXECUTOR_SECRET to long random values. Restart the stack afterwards.', ['security.default-secrets']),
  forceHttps: meta('selfhost/force-https', 'high', 'HTTPS is enforced for the API and console', 'Sessions and API keys cross the network in clear text.', 'Set _APP_OPTIONS_FORCE_HTTPS=enabled and restart Appwrite.', ['hardening.https']),
  consoleWhitelist: meta('selfhost/console-access-restricted', 'medium', 'Console sign-up is restricted to known people', 'Anyone who finds the console can create an account and a project on your server.', 'Set _APP_CONSOLE_WHITELIST_ROOT=enabled and list _APP_CONSOLE_WHITELIST_EMAILS or _APP_CONSOLE_WHITELIST_IPS.', ['hardening.console']),
  antivirus: meta('selfhost/antivirus-enabled', 'low', 'Uploaded files are scanned by ClamAV', 'Malware uploaded by one user is served to others.', 'Set _APP_STORAGE_ANTIVIRUS=enabled and run the clamav service.', ['hardening.storage']),
  securityEmail: meta('selfhost/security-email-set', 'info', 'A security contact address is configured', 'Researchers cannot reach you about a vulnerability.', 'Set _APP_SYSTEM_SECURITY_EMAIL_ADDRESS to a monitored mailbox.', []),
  graphql: meta('selfhost/graphql-introspection-off', 'medium', 'GraphQL introspection is off in production', 'Introspection hands an attacker the full schema.', 'Set _APP_GRAPHQL_INTROSPECTION=disabled.', ['hardening.api']),
  dbPort: meta('compose/db-port-not-published', 'high', 'Database, Redis and executor ports are not published to the host', 'A published database port is reachable from the network, bypassing Appwrite.', 'Remove the `ports:` entry of the service; Appwrite reaches it on the internal network.', ['hardening.network']),
  imagesPinned: meta('compose/images-pinned', 'medium', 'Images are pinned to a tag or digest', 'An unpinned image changes under you on the next pull.', 'Pin every image to a version tag, or better a digest.', ['supply-chain.pinning']),
  dockerSock: meta('compose/docker-sock-restricted', 'high', 'docker.sock is mounted only into traefik and the executor', 'A container with the Docker socket controls the host.', 'Remove the /var/run/docker.sock volume from the service.', ['hardening.host']),
  workflowPerms: meta('repo/workflow-permissions', 'medium', 'Workflows declare least-privilege token permissions', 'A compromised step can push code with a write token.', 'Add `permissions: { contents: read }` at the top of each workflow.', ['repository.token-permissions']),
  publicCollection: meta('permissions/collection-not-public-write', 'high', 'No collection can be written by anyone', 'Anyone on the internet can create or change documents.', 'Remove the `any` role from create and update permissions.', ['data.access-control']),
  keyExpiry: meta('keys/expiry-set', 'medium', 'API keys expire', 'A leaked key that never expires stays useful for ever.', 'Set an expiry on every API key and rotate before it.', ['keys.lifecycle']),
  depsVulns: meta('deps/no-known-vulnerabilities', 'high', 'No dependency has a known vulnerability', 'A known vulnerability has public exploits.', 'Upgrade the package to a fixed version.', ['supply-chain.vulnerabilities']),
  exceptionExpiring: meta('exceptions/expiring-soon', 'info', 'No accepted-risk exception is about to expire unnoticed', 'When the exception expires the finding fails the build again.', 'Plan the fix now, or review and extend the exception with its owner.', ['program.exceptions']),
} as const satisfies Record<string, CheckMeta>;

function meta(id: string, severity: CheckMeta['severity'], title: string, risk: string, remediation: string, controls: string[], references: string[] = [DOCS]): CheckMeta {
  return { id, title, severity, risk, remediation, references: id.startsWith('exceptions/') ? [] : references, controls };
}

/** A finding as the runner builds it; tests override what they exercise. */
export function finding(m: CheckMeta, over: Partial<Finding> = {}): Finding {
  const f: Finding = {
    checkId: m.id,
    area: m.id.split('/')[0]!,
    title: m.title,
    severity: m.severity,
    status: 'fail',
    message: 'No problem found.',
    remediation: m.remediation,
    references: [...m.references],
    controls: [...m.controls],
    fingerprint: '',
    ...over,
  };
  f.fingerprint ||= fingerprintOf({ checkId: f.checkId, resourceType: f.resource?.type, resourceId: f.resource?.id, path: f.location?.path, key: f.status });
  return f;
}

const M = METAS;
const env = (name: string) => ({ type: 'env-var', id: name });

export const FIXTURE_FINDINGS: Finding[] = [
  finding(M.opensslKey, {
    message: '_APP_OPENSSL_KEY_V1 is the installer placeholder "your-secret-key": anyone can decrypt your secrets.',
    resource: env('_APP_OPENSSL_KEY_V1'),
    location: { path: '.env', line: 7, column: 1 },
    evidence: { name: '_APP_OPENSSL_KEY_V1', value: 'your-secret-key', length: 15 },
  }),
  finding(M.secretsNotDefault, {
    message: '_APP_DB_ROOT_PASS is the placeholder "rootsecretpassword".',
    resource: env('_APP_DB_ROOT_PASS'),
    location: { path: '.env', line: 23 },
    evidence: { name: '_APP_DB_ROOT_PASS', placeholder: true },
  }),
  finding(M.secretsNotDefault, {
    message: '_APP_EXECUTOR_SECRET in .env.production is a real secret tracked by git.',
    resource: env('_APP_EXECUTOR_SECRET'),
    location: { path: 'deploy/.env.production', line: 3 },
    evidence: { name: '_APP_EXECUTOR_SECRET', value: redactSecret('fixture-executor-secret-not-real'), tracked: true },
  }),
  finding(M.forceHttps, {
    message: '_APP_OPTIONS_FORCE_HTTPS is "disabled"; HTTP requests are served without redirect.',
    resource: env('_APP_OPTIONS_FORCE_HTTPS'),
    location: { path: '.env', line: 12 },
    evidence: { value: 'disabled' },
  }),
  finding(M.dbPort, {
    message: 'Service "mariadb" publishes port 3306 to the host.',
    resource: { type: 'compose-service', id: 'mariadb' },
    location: { path: 'docker-compose.yml', line: 88, column: 9 },
    evidence: { published: '3306:3306' },
  }),
  finding(M.publicCollection, {
    severity: 'critical',
    message: 'Collection "Orders" grants create and update to any.',
    resource: { type: 'collection', id: 'orders', name: 'Orders' },
    location: { path: 'https://cloud.appwrite.io/v1/projects/shop' },
    evidence: { permission: 'create("any")' },
  }),
  finding(M.imagesPinned, {
    message: 'Image "appwrite/appwrite" has no tag: it means latest.',
    resource: { type: 'compose-service', id: 'appwrite' },
    location: { path: 'docker-compose.yml', line: 45, column: 12 },
    remediation: 'Use appwrite/appwrite:1.8.1 (the latest known release) or its digest.',
  }),
  finding(M.imagesPinned, {
    message: 'Image "redis:latest" uses the moving tag latest.',
    resource: { type: 'compose-service', id: 'redis' },
    location: { path: 'docker-compose.yml', line: 130, column: 12 },
  }),
  finding(M.keyExpiry, {
    message: 'API key "CI deploy" never expires.',
    resource: { type: 'api-key', id: '66a1f0c2e4b1', name: 'CI deploy' },
    evidence: { scopes: 12, expire: null },
  }),
  finding(M.antivirus, {
    message: '_APP_STORAGE_ANTIVIRUS is "disabled".',
    resource: env('_APP_STORAGE_ANTIVIRUS'),
    location: { path: '.env', line: 40 },
  }),
  finding(M.securityEmail, {
    message: '_APP_SYSTEM_SECURITY_EMAIL_ADDRESS is not set.',
    location: { path: '.env' },
  }),
  finding(M.workflowPerms, {
    status: 'error',
    message: 'Could not evaluate: GitHub workflows: .github/workflows/release.yml: excessive YAML alias count (resource exhaustion guard)',
    errorDetail: '.github/workflows/release.yml: excessive YAML alias count (resource exhaustion guard)',
    fingerprint: fingerprintOf({ checkId: M.workflowPerms.id, key: 'collector-error' }),
  }),
  finding(M.dockerSock, {
    status: 'error',
    message: 'docker-compose.override.yml could not be read: permission denied.',
    errorDetail: 'EACCES: run the audit as a user that can read the file, or name readable files with --compose.',
    location: { path: 'docker-compose.override.yml' },
  }),
  finding(M.graphql, { status: 'pass' }),
  finding(M.depsVulns, { status: 'skipped', message: 'Not applicable: no lockfile found' }),
  finding(M.consoleWhitelist, {
    status: 'excepted',
    message: '_APP_CONSOLE_WHITELIST_ROOT is "disabled": anyone can sign up to the console.',
    resource: env('_APP_CONSOLE_WHITELIST_ROOT'),
    location: { path: '.env', line: 18 },
    exception: { reason: 'Console is only reachable over the VPN (INFRA-412).', owner: 'platform-team@example.com', expires: '2026-12-10', index: 0 },
  }),
  finding(M.exceptionExpiring, {
    message: 'Exception #1 for selfhost/console-access-restricted (owner platform-team@example.com) expires on 2026-12-10.',
    resource: { type: 'exception', id: 'exceptions[0]', name: 'selfhost/console-access-restricted' },
    evidence: { owner: 'platform-team@example.com', expires: '2026-12-10' },
  }),
];

export const FIXTURE_DIAGNOSTICS: Diagnostic[] = [
  { level: 'warning', message: 'line is not NAME=value; it was skipped', path: '.env', line: 31, source: 'collector' },
  { level: 'warning', message: '_APP_DOMAIN is set twice; the last value (line 9) wins', path: '.env', line: 4, source: 'collector' },
  { level: 'error', message: 'not valid YAML: unexpected end of the stream within a flow collection', path: 'docker-compose.override.yml', line: 4, column: 3, source: 'collector' },
];

export function makeResult(over: { findings?: Finding[]; diagnostics?: Diagnostic[]; checks?: CheckMeta[]; failOn?: FailOn } & Partial<Omit<AuditResult, 'findings' | 'diagnostics' | 'checks' | 'summary'>> = {}): AuditResult {
  const { findings = FIXTURE_FINDINGS, diagnostics = FIXTURE_DIAGNOSTICS, checks = Object.values(METAS), failOn = 'high', ...rest } = over;
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'appwrite-secops', version: '0.1.0' },
    root: '/srv/appwrite',
    startedAt: '2026-11-29T12:00:00.000Z',
    durationMs: 412,
    configPath: '/srv/appwrite/appwrite-secops.yaml',
    inputs: [
      { kind: 'selfhost-env', path: '.env' },
      { kind: 'selfhost-env', path: 'deploy/.env.production' },
      { kind: 'selfhost-compose', path: 'docker-compose.yml' },
      { kind: 'github-repo', path: '.github/workflows/release.yml' },
    ],
    checks,
    findings,
    diagnostics,
    summary: summarize(findings, failOn),
    ...rest,
  };
}

export const FIXTURE_RESULT: AuditResult = makeResult();

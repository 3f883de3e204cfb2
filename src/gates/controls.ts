import type { Config } from '../core/config.js';
import type { Finding } from '../core/finding.js';
import { globMatch } from '../core/glob.js';
import type { AuditResult } from '../core/result.js';
import type { AuthzTestCase } from './authz-results.js';
import type { ControlEvidence, ControlResult, ControlStatus } from './model.js';

export interface GateInput {
  audit: AuditResult;
  config: Config;
  /** Workspace files (relative), for runbooks and other evidence. */
  files: readonly string[];
  authz: { file: string; cases: AuthzTestCase[] }[];
  now: Date;
}

export interface ControlDef {
  id: string;
  title: string;
  family: string;
  weight: number;
  critical: boolean;
  evaluate(input: GateInput): Omit<ControlResult, 'id' | 'title' | 'family' | 'weight' | 'critical'>;
}

const DAY = 86_400_000;

/** Status of a family of checks: missing on a high/critical fail, partial on lesser fails or "could not tell". */
export function statusFromFindings(findings: readonly Finding[], patterns: readonly string[]): { status: ControlStatus; summary: string; evidence: ControlEvidence[] } {
  const mine = findings.filter((f) => patterns.some((p) => globMatch(p, f.checkId)));
  const ran = mine.filter((f) => f.status !== 'skipped');
  if (ran.length === 0) return { status: 'not-applicable', summary: mine.length ? 'No input of this kind in the workspace.' : 'No check of this family ran.', evidence: [] };
  const fails = ran.filter((f) => f.status === 'fail');
  const errors = ran.filter((f) => f.status === 'error');
  const excepted = ran.filter((f) => f.status === 'excepted');
  const evidence: ControlEvidence[] = [...fails, ...errors].slice(0, 20).map((f) => ({
    kind: 'finding' as const,
    ref: `${f.checkId}#${f.fingerprint.slice(0, 12)}`,
    detail: `${f.status} ${f.severity}: ${f.message}${f.location ? ` (${f.location.path}${f.location.line ? `:${f.location.line}` : ''})` : ''}`,
  }));
  const checks = new Set(ran.map((f) => f.checkId)).size;
  const serious = fails.filter((f) => f.severity === 'critical' || f.severity === 'high');
  const tail = `${checks} checks ran; ${fails.length} failing, ${errors.length} could not tell, ${excepted.length} excepted.`;
  if (serious.length) return { status: 'missing', summary: `${serious.length} high or critical finding(s). ${tail}`, evidence };
  if (fails.length || errors.length) return { status: 'partial', summary: tail, evidence };
  return { status: 'met', summary: tail, evidence: excepted.map((f) => ({ kind: 'finding', ref: `${f.checkId}#${f.fingerprint.slice(0, 12)}`, detail: `excepted until ${f.exception?.expires} (owner ${f.exception?.owner})` })) };
}

const family = (id: string, title: string, fam: string, weight: number, critical: boolean, patterns: string[]): ControlDef => ({
  id,
  title,
  family: fam,
  weight,
  critical,
  evaluate: ({ audit }) => statusFromFindings(audit.findings, patterns),
});

/** Check-id patterns per control; a check joins a control by its id, so new checks need no gate change. */
export const CONTROL_PATTERNS = {
  G2: ['endpoints/call-sites-mapped', 'endpoints/covered-by-threat-model', 'endpoints/matches-threat-model'],
  G4: ['client/*', 'secrets/no-keys-in-bundles', 'endpoints/no-key-only-calls-from-client', 'endpoints/privileged-writes-use-key', 'functions/no-public-privileged-execute'],
  'hardening.selfhost': ['selfhost/*', 'compose/*'],
  'hardening.project': ['permissions/*', 'buckets/*', 'functions/*', 'auth/*', 'settings/*', 'live/*'],
  'keys.lifecycle': ['keys/*', 'secrets/*', 'scopes/*', 'live/key*', 'live/*-key*'],
  'dependencies.program': ['deps/*', 'exceptions/not-expired', 'exceptions/within-horizon'],
  'repository.controls': ['repo/*'],
} as const;

export const CONTROLS: ControlDef[] = [
  {
    id: 'G1',
    title: 'Threat model and trust boundaries defined per service path',
    family: 'release',
    weight: 10,
    critical: false,
    evaluate({ config, audit }) {
      const paths = config.threatModel.servicePaths;
      if (paths.length === 0) return { status: 'missing', summary: 'No threatModel.servicePaths in the config; draft one with `appwrite-secops threat-model init`.', evidence: [] };
      const gaps = statusFromFindings(audit.findings, ['endpoints/covered-by-threat-model', 'endpoints/matches-threat-model']);
      const evidence: ControlEvidence[] = [{ kind: 'config', ref: 'threatModel.servicePaths', detail: `${paths.length} service path(s)` }, ...gaps.evidence];
      if (gaps.status === 'missing' || gaps.status === 'partial') return { status: 'partial', summary: `Threat model defines ${paths.length} service path(s), but some call sites are outside it.`, evidence };
      return { status: 'met', summary: `Threat model defines ${paths.length} service path(s) and covers every call site found.`, evidence };
    },
  },
  family('G2', 'Every Appwrite call site mapped to its auth mode and permission boundary', 'release', 10, false, [...CONTROL_PATTERNS.G2]),
  {
    id: 'G3',
    title: 'Negative authorization tests for cross-tenant and cross-role abuse ran and passed',
    family: 'release',
    weight: 15,
    critical: true,
    evaluate({ authz }) {
      const cases = authz.flatMap((a) => a.cases);
      if (authz.length === 0) return { status: 'missing', summary: 'No negative authorization test results (gates.authzResults) were given.', evidence: [] };
      const evidence: ControlEvidence[] = authz.map((a) => ({ kind: 'test-results', ref: a.file, detail: `${a.cases.length} test(s), ${a.cases.filter((c) => !c.passed).length} failed` }));
      const failed = cases.filter((c) => !c.passed);
      if (cases.length === 0) return { status: 'missing', summary: 'The result files hold no executed test.', evidence };
      if (failed.length) return { status: 'missing', summary: `${failed.length} negative authorization test(s) failed: ${failed.slice(0, 3).map((c) => c.name).join('; ')}.`, evidence };
      const tenant = cases.some((c) => /tenant|other user|another user|cross[- ]?user/i.test(c.name));
      const role = cases.some((c) => /role|privilege|guest|admin|member/i.test(c.name));
      if (tenant && role) return { status: 'met', summary: `${cases.length} test(s) passed, covering cross-tenant and cross-role abuse.`, evidence };
      return { status: 'partial', summary: `${cases.length} test(s) passed, but none named for ${tenant ? 'cross-role' : 'cross-tenant'} abuse.`, evidence };
    },
  },
  family('G4', 'Privileged writes execute only in trusted server runtimes', 'release', 15, true, [...CONTROL_PATTERNS.G4]),
  family('hardening.selfhost', 'Self-hosted deployment hardened', 'hardening', 10, true, [...CONTROL_PATTERNS['hardening.selfhost']]),
  family('hardening.project', 'Project permissions and settings hardened', 'hardening', 10, true, [...CONTROL_PATTERNS['hardening.project']]),
  family('keys.lifecycle', 'API keys scoped, expiring, rotated and never in code', 'keys', 10, true, [...CONTROL_PATTERNS['keys.lifecycle']]),
  family('dependencies.program', 'Dependency program: lockfiles, audits, SLAs, no expired exceptions', 'dependencies', 10, false, [...CONTROL_PATTERNS['dependencies.program']]),
  {
    id: 'monitoring.response',
    title: 'Monitoring and response: audit-log mirror, alert routes, runbooks, drills',
    family: 'operations',
    weight: 5,
    critical: false,
    evaluate({ config, files, now }) {
      const m = config.monitoring;
      const parts: [string, boolean, ControlEvidence][] = [];
      parts.push(['audit-log mirror', !!config.evidence.mirror, { kind: 'config', ref: 'evidence.mirror', detail: config.evidence.mirror ? config.evidence.mirror.kind : 'not set' }]);
      parts.push(['alert routes', m.alertRoutes.length > 0, { kind: 'config', ref: 'monitoring.alertRoutes', detail: `${m.alertRoutes.length} route(s)` }]);
      const dir = m.runbooksDir.replace(/\/$/, '');
      const runbooks = ['key-leak', 'account-takeover', 'data-exposure'].map((name) => [name, files.find((f) => f.startsWith(`${dir}/`) && f.toLowerCase().includes(name))] as const);
      const missingRunbooks = runbooks.filter(([, f]) => !f).map(([n]) => n);
      parts.push(['runbooks', missingRunbooks.length === 0, { kind: 'file', ref: `${dir}/`, detail: missingRunbooks.length ? `missing: ${missingRunbooks.join(', ')}` : runbooks.map(([, f]) => f).join(', ') }]);
      const recent = m.drills.filter((d) => now.getTime() - Date.parse(`${d.date}T00:00:00Z`) <= m.drillCadenceDays * DAY);
      parts.push(['drills within cadence', recent.length > 0, { kind: 'config', ref: 'monitoring.drills', detail: recent.length ? `last: ${recent.map((d) => d.date).sort().at(-1)}` : `none in the last ${m.drillCadenceDays} days` }]);
      const ok = parts.filter(([, v]) => v).length;
      const evidence = parts.map(([, , e]) => e);
      const missing = parts.filter(([, v]) => !v).map(([n]) => n);
      if (ok === parts.length) return { status: 'met', summary: 'Mirror, alert routes, runbooks and a recent drill are in place.', evidence };
      return { status: ok === 0 ? 'missing' : 'partial', summary: `Missing: ${missing.join(', ')}.`, evidence };
    },
  },
  family('repository.controls', 'Repository controls: security CI, pinned actions, Dependabot, reviews', 'repository', 5, false, [...CONTROL_PATTERNS['repository.controls']]),
];

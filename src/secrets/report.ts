import type { ReportInput } from '../core/check.js';
import type { Severity } from '../core/severity.js';
import type { SecretScanResult } from './scan.js';
import type { SecretFamily, SecretFinding } from './types.js';

/** Message templates shared by every `secrets/*` check (each check lists them in its `messages`). */
export const SECRET_MESSAGES = {
  committed: '{{rule}} {{secret}} in {{path}}:{{line}}{{context}}.{{verdict}}',
  inHistory: '{{rule}} {{secret}} was committed in {{commit}} by {{author}} on {{date}} ({{path}}:{{line}}, {{presence}}).{{verdict}}',
  staged: '{{rule}} {{secret}} is staged for commit in {{path}}:{{line}}{{context}}.{{verdict}}',
  piped: '{{rule}} {{secret}} in {{path}}:{{line}} (standard input){{context}}.{{verdict}}',
} as const;

export type SecretMessageId = keyof typeof SECRET_MESSAGES;

const HISTORY_REMEDIATION =
  'Rotate the credential now: it stays readable in every clone of the history even after the file changes. Then remove it from the tree, and rewrite history (git filter-repo) only if the repository is private and every clone can be replaced.';

/**
 * Reports the scan's findings selected by `pick` through a check's `report`: redacted value only,
 * the scanner's fingerprint as the resource id (so baselines, exceptions and history agree).
 */
export function reportSecretFindings(
  facts: SecretScanResult,
  pick: (f: SecretFinding) => boolean,
  report: (r: ReportInput<SecretMessageId>) => void,
): void {
  for (const f of facts.findings) {
    if (!pick(f)) continue;
    const messageId: SecretMessageId = f.source === 'history' ? 'inHistory' : f.source === 'staged' ? 'staged' : f.source === 'stdin' ? 'piped' : 'committed';
    const verdict =
      f.liveness === 'live' ? ' Verified: the key works.' : f.liveness === 'dead' ? ' Verified: the key no longer works.' : f.liveness === 'unknown' ? ' Verification could not tell whether the key works.' : '';
    report({
      messageId,
      data: {
        rule: f.ruleTitle,
        secret: f.redacted,
        path: f.path,
        line: f.line,
        context: f.context ? ` (${f.context})` : '',
        verdict,
        commit: f.commit?.sha.slice(0, 12) ?? '',
        author: f.commit?.author ?? '',
        date: f.commit?.date.slice(0, 10) ?? '',
        presence: f.stillPresent === undefined ? 'presence in the working tree unknown' : f.stillPresent ? 'still in the working tree' : 'no longer in the working tree',
      },
      resource: { type: 'secret', id: f.fingerprint, name: f.ruleId },
      location: { path: f.path, line: f.line, column: f.column, ...(f.endLine !== f.line ? { endLine: f.endLine } : {}) },
      evidence: {
        rule: f.ruleId,
        secret: f.redacted,
        fingerprint: f.fingerprint,
        source: f.source,
        inBundle: f.inBundle,
        ...(f.context ? { context: f.context } : {}),
        ...(f.commit ? { commit: f.commit.sha, author: f.commit.author, date: f.commit.date, commits: f.commits ?? 1 } : {}),
        ...(f.stillPresent !== undefined ? { stillPresent: f.stillPresent } : {}),
        ...(f.liveness ? { liveness: f.liveness, livenessDetail: f.livenessDetail ?? '' } : {}),
      },
      severity: severityOf(f),
      key: 'secret',
      ...(f.source === 'history' && !f.stillPresent ? { remediation: HISTORY_REMEDIATION } : {}),
    });
  }
}

/** A verified-live key is critical whatever its kind; a verified-dead one is low (remove it, no rotation needed). */
export function severityOf(f: SecretFinding): Severity {
  if (f.liveness === 'live') return 'critical';
  if (f.liveness === 'dead') return 'low';
  return f.severity;
}

/** Findings of one family outside built output (bundles have their own check). */
export function inFamily(family: SecretFamily): (f: SecretFinding) => boolean {
  return (f) => f.family === family && !f.inBundle;
}

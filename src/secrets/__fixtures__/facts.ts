import type { SecretScanResult } from '../scan.js';
import type { SecretFinding } from '../types.js';

/** A scan result for check tests: findings are already redacted, so no secret appears here. */
export function scanFacts(findings: Array<Partial<SecretFinding> & Pick<SecretFinding, 'ruleId' | 'family' | 'path'>>, extra: Partial<SecretScanResult> = {}): SecretScanResult {
  return {
    mode: 'tree',
    root: '/repo',
    filesScanned: 10,
    bytesScanned: 1000,
    suppressed: [],
    skipped: [],
    durationMs: 1,
    ...extra,
    findings: findings.map((f, i) => ({
      ruleTitle: f.ruleId,
      severity: 'high',
      source: 'tree',
      line: 3,
      column: 5,
      endLine: 3,
      redacted: `abcd…#0000000${i}`,
      fingerprint: `${String(i).padStart(2, '0')}${'f'.repeat(30)}`,
      inBundle: false,
      ...f,
    })),
  };
}

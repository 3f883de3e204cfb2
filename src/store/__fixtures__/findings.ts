import type { Finding } from '../../core/finding.js';
import { fingerprintOf } from '../../core/fingerprint.js';
import type { Severity } from '../../core/severity.js';

/** A finding shaped exactly like the runner builds them (src/core/runner.ts). */
export function finding(over: Partial<Finding> & { checkId: string; resourceId?: string }): Finding {
  const { resourceId, ...rest } = over;
  const id = resourceId ?? 'r1';
  const checkId = over.checkId;
  return {
    area: checkId.split('/')[0]!,
    title: `title of ${checkId}`,
    severity: 'high' as Severity,
    status: 'fail',
    message: `${checkId} failed on ${id}`,
    resource: { type: 'env-var', id },
    location: { path: '.env', line: 3 },
    evidence: { value: 'stan…#1a2b3c4d' },
    remediation: 'fix it',
    references: ['https://appwrite.io/docs/advanced/self-hosting/production/security'],
    controls: ['hardening.https'],
    fingerprint: fingerprintOf({ checkId, resourceType: 'env-var', resourceId: id, path: '.env' }),
    ...rest,
    checkId,
  };
}

/** `n` distinct failing findings of one check. */
export function manyFindings(n: number, checkId = 'selfhost/force-https', over: Partial<Finding> = {}): Finding[] {
  return Array.from({ length: n }, (_, i) => finding({ checkId, resourceId: `r${i}`, ...over }));
}

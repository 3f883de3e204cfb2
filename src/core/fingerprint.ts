import { sha256Hex } from './redact.js';

/**
 * A stable identity for a finding across runs: the check, the resource and the file it is in, plus an
 * optional discriminator the check chooses (a variable name, a permission). Line numbers are left out
 * on purpose, so that editing an unrelated line does not turn a known finding into a new one.
 */
export function fingerprintOf(parts: {
  checkId: string;
  resourceType?: string;
  resourceId?: string;
  path?: string;
  key?: string;
}): string {
  const material = [parts.checkId, parts.resourceType ?? '', parts.resourceId ?? '', parts.path ?? '', parts.key ?? ''].join('\u0000');
  return sha256Hex(material).slice(0, 32);
}

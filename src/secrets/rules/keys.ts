import { isLiteralValue, isPlaceholder } from '../placeholder.js';
import type { SecretRule } from '../types.js';
import { pemBody } from './cloud.js';
import { re, VALUE } from './shared.js';

/** Private keys and signing secrets. */
export const keyRules: SecretRule[] = [
  {
    id: 'private-key',
    family: 'private-key',
    title: 'Private key (PEM)',
    severity: 'high',
    keywords: ['-----begin'],
    pattern: re(
      String.raw`(?<s>-----BEGIN[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----[\s\S]{40,20000}?-----END[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----)`,
    ),
    skipPlaceholderCheck: true,
    minEntropy: 4.5,
    entropyOf: pemBody,
    severityFor: (s) => (/^-----BEGIN (?:ENCRYPTED|PGP) /.test(s) || s.includes('Proc-Type: 4,ENCRYPTED') ? 'medium' : undefined),
    validate: (s) => pemBody(s).length >= 40 && !isPlaceholder(pemBody(s)),
  },
  {
    id: 'jwt-secret',
    family: 'jwt',
    title: 'JWT signing secret',
    severity: 'high',
    keywords: ['jwt'],
    pattern: re(
      String.raw`jwt[-_]?(?:secret|signing[-_]?(?:key|secret)|key|private[-_]?key|token[-_]?secret|hmac[-_]?(?:key|secret))(?![a-z0-9])[\w-]{0,20}?['"\x60]?[ \t]{0,8}(?:=>|:=|[:=])[ \t]{0,8}(?<q>['"\x60]?)${VALUE}`,
      'i',
    ),
    minEntropy: 3.3,
    validate: (s, ctx) => s.length >= 12 && isLiteralValue(s, ctx),
  },
];

import type { SecretRule } from '../types.js';
import { re } from './shared.js';

/** Cloud provider credentials. */
export const cloudRules: SecretRule[] = [
  {
    id: 'aws-access-key',
    family: 'cloud',
    title: 'AWS access key',
    // An access key id alone cannot sign requests; the engine raises it to critical when the secret
    // access key is found beside it (see AWS_SECRET_NEAR in the matcher).
    severity: 'high',
    keywords: ['akia', 'asia'],
    pattern: re(String.raw`(?<![A-Za-z0-9])(?<s>(?:AKIA|ASIA)[A-Z2-7]{16})(?![A-Za-z0-9])`),
    minEntropy: 2.8,
  },
  {
    id: 'aws-secret-key',
    family: 'cloud',
    title: 'AWS secret access key',
    severity: 'critical',
    keywords: ['aws_secret', 'awssecret', 'secretaccesskey', 'secret_access_key'],
    pattern: re(
      String.raw`(?:aws_?secret(?:_?access)?_?key|secret_?access_?key)[\w-]{0,20}?['"\x60]?\s{0,8}(?:=>|:=|[:=,(])\s{0,8}(?<q>['"\x60]?)(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      'i',
    ),
    minEntropy: 4.0,
  },
  {
    id: 'gcp-service-account',
    family: 'cloud',
    title: 'Google Cloud service-account key',
    severity: 'critical',
    keywords: ['"private_key"'],
    documentRequires: /"type"\s{0,20}:\s{0,20}"service_account"/,
    pattern: re(
      String.raw`"private_key"\s{0,20}:\s{0,20}"(?<s>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\n|\s){1,4}[A-Za-z0-9+/=\\\s]{64,8000}?-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"`,
    ),
    skipPlaceholderCheck: true,
    minEntropy: 4.5,
    entropyOf: pemBody,
  },
];

/** The base64 body of a PEM block (escaped `\n` included), without armour lines or headers. */
export function pemBody(pem: string): string {
  return pem
    .replace(/\\n/g, '\n')
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('-----') && !l.includes(':'))
    .join('')
    .replace(/\s/g, '');
}

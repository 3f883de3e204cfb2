import type { SecretRule } from '../types.js';
import { re } from './shared.js';

/** Tokens of services an Appwrite project commonly integrates with. */
export const tokenRules: SecretRule[] = [
  {
    id: 'github-token',
    family: 'service-token',
    title: 'GitHub token',
    severity: 'high',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?<s>gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])`),
    minEntropy: 3.5,
    entropyOf: (s) => s.slice(s.startsWith('github_pat_') ? 11 : 4),
  },
  {
    id: 'slack-token',
    family: 'service-token',
    title: 'Slack token',
    severity: 'high',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-'],
    pattern: re(String.raw`(?<![A-Za-z0-9])(?<s>xox[bpars]-[0-9]{1,15}(?:-[0-9A-Za-z]{1,64}){1,4})(?![A-Za-z0-9-])`),
    minEntropy: 3.0,
    validate: (s) => s.length >= 30,
  },
  {
    id: 'slack-webhook',
    family: 'service-token',
    title: 'Slack incoming webhook URL',
    severity: 'medium',
    keywords: ['hooks.slack.com/'],
    pattern: re(String.raw`(?<s>hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_-]{6,20}/[A-Za-z0-9_-]{6,20}/[A-Za-z0-9_-]{16,64})(?![A-Za-z0-9_-])`),
    minEntropy: 3.0,
    entropyOf: (s) => s.slice(s.lastIndexOf('/') + 1),
  },
  {
    id: 'stripe-key',
    family: 'service-token',
    title: 'Stripe live secret key',
    severity: 'critical',
    keywords: ['sk_live_', 'rk_live_'],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?<s>[sr]k_live_[0-9A-Za-z]{20,247})(?![A-Za-z0-9_])`),
    minEntropy: 3.5,
    entropyOf: (s) => s.slice(8),
  },
  {
    id: 'npm-token',
    family: 'service-token',
    title: 'npm access token',
    severity: 'high',
    keywords: ['npm_'],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?<s>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])`),
    minEntropy: 3.5,
    entropyOf: (s) => s.slice(4),
  },
];

import { createHash } from 'node:crypto';
import { escapeRegExp } from './text.js';

/** Characters of a secret that may be shown. Four is enough to recognise a key type, never enough to use it. */
export const SHOWN_PREFIX = 4;

export function sha256Hex(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * The only way a secret is ever shown: its first characters plus a short hash.
 * `standard_9f3a…` becomes `stan…#1a2b3c4d`. Short secrets show no prefix at all.
 */
export function redactSecret(secret: string): string {
  const hash = sha256Hex(secret).slice(0, 8);
  const prefix = secret.length >= 12 ? secret.slice(0, SHOWN_PREFIX) : '';
  return `${prefix}…#${hash}`;
}

/**
 * Collects every secret value seen during a run so that anything written out can be scrubbed a
 * second time (defence in depth: a check that forgets to redact still cannot leak).
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /**
   * Registers a value as secret. Values that could be ordinary words of a report are refused: shorter
   * than 6 characters, letters only and shorter than 16 (`critical`, `password`, `production`), or one
   * character repeated. Scrubbing those would corrupt every report, and a value that plain is caught by
   * the checks' own redaction, which this scrub only backs up.
   */
  add(secret: string | undefined | null): void {
    if (!secret || secret.length < 6) return;
    if (secret.length < 16 && /^[A-Za-z]+$/.test(secret)) return;
    if (/^(.)\1*$/.test(secret)) return;
    if (!this.secrets.has(secret)) {
      this.secrets.add(secret);
      this.pattern = undefined;
    }
  }

  get size(): number {
    return this.secrets.size;
  }

  /** Replaces every registered secret in `text` with its redacted form. */
  scrub(text: string): string {
    if (this.secrets.size === 0) return text;
    if (!this.pattern) {
      const sorted = [...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.pattern = new RegExp(sorted.join('|'), 'g');
    }
    return text.replace(this.pattern, (m) => redactSecret(m));
  }
}

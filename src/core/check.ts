import type { Config } from './config.js';
import type { Facts, FactKey } from './facts.js';
import type { Finding, Location, ResourceRef } from './finding.js';
import type { Redactor } from './redact.js';
import type { Severity } from './severity.js';

export interface CheckMeta {
  /** `<area>/<file name>`, naming the secure state: `selfhost/force-https`. */
  id: string;
  /** What the secure state is, in a sentence fragment. Never starts with "Ensure". */
  title: string;
  /** Default severity; a report may raise or lower it when the check says why (e.g. by principal). */
  severity: Severity;
  /** What goes wrong when this control is missing. */
  risk: string;
  /** How to fix it. */
  remediation: string;
  /** Documentation links (Appwrite docs first). */
  references: readonly string[];
  /** Gate controls this check is evidence for, e.g. `hardening.https`. */
  controls: readonly string[];
}

export type Evidence = Record<string, string | number | boolean | null>;

export interface ReportInput<M extends string> {
  messageId: M;
  /** Values for `{{name}}` placeholders in the message. Never a raw secret. */
  data?: Record<string, string | number | boolean>;
  resource?: ResourceRef;
  location?: Location;
  /** Redacted evidence (use `redactSecret` for anything secret). */
  evidence?: Evidence;
  /** Overrides meta.severity for this finding (e.g. public write is critical, public read medium). */
  severity?: Severity;
  /** Extra discriminator for the fingerprint when one resource can fail in several ways. */
  key?: string;
  /** Advisory ids and aliases, for dependency findings. */
  aliases?: string[];
  /** Overrides meta.remediation for this finding (e.g. a concrete upgrade command). */
  remediation?: string;
  /** `error` means "could not tell" for this resource; default `fail`. */
  status?: 'fail' | 'error';
}

export interface CheckContext<M extends string> {
  report(r: ReportInput<M>): void;
  config: Config;
  /** Injected clock: checks never call `new Date()` themselves. */
  now: Date;
  redactor: Redactor;
}

export type FactsFor<K extends FactKey> = { [P in K]: Facts[P] };

export interface Check<K extends FactKey = FactKey, M extends string = string> {
  meta: CheckMeta;
  /** Facts this check reads. When one is absent the check is skipped; when one failed, it reports `error`. */
  needs: readonly K[];
  messages: Record<M, string>;
  run(facts: FactsFor<K>, ctx: CheckContext<M>): void | Promise<void>;
}

// The registry holds checks of many fact keys; variance makes `Check<K, M>` not assignable to a common
// supertype, so the registry stores them through this erased view.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = Check<FactKey, any>;

export function defineCheck<K extends FactKey, M extends string>(check: Check<K, M>): Check<K, M> {
  return check;
}

/** `{{name}}` interpolation for message templates. Missing keys stay visible, so a typo shows in tests. */
export function formatMessage(template: string, data: Record<string, string | number | boolean> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const v = data?.[key];
    return v === undefined ? whole : String(v);
  });
}

export function areaOf(checkId: string): string {
  const i = checkId.indexOf('/');
  return i === -1 ? checkId : checkId.slice(0, i);
}

export type { Finding };

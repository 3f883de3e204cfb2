/**
 * The persisted state of one key rotation (workflow-state kind `key-rotation`, id `<env>:<old key id>`).
 * It is written after every step, holds key ids, names, scopes and secret hashes, and never a secret:
 * on resume the new key's secret is read again from the server.
 */
import type { Flavour } from '../../keys/admin.js';
import type { SinkSpec } from '../sinks/types.js';

export const ROTATION_KIND = 'key-rotation';

/** Completed steps, in order. `planned` is the first record; `done` the last. */
export const ROTATION_STEPS = ['planned', 'created', 'delivered', 'validated', 'old-deleted', 'done'] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

export interface KeyMeta {
  id: string;
  name: string;
  scopes: string[];
  expire: string | null;
  createdAt?: string;
  accessedAt?: string | null;
  sdks?: string[];
  secretHash?: string;
  secretPreview?: string;
}

export interface ValidationResult {
  at: string;
  passed: boolean;
  /** `usage` (accessedAt/sdks), `probe` (--validate-with), `forced` (--force). */
  method: 'usage' | 'probe' | 'forced';
  reasons: string[];
  /** When another check could pass (the old key's idle window ends, the next 24-hour accessedAt update). */
  retryAfter?: string;
}

export interface RotationRecord {
  schema: 1;
  env: string;
  endpoint: string;
  projectId: string;
  flavour: Flavour;
  service?: string;
  step: RotationStep;
  old: KeyMeta;
  next: KeyMeta;
  /** Keys that existed at plan time: a key of the new name that is not among them is ours. */
  preexisting: string[];
  sink: SinkSpec;
  sinkLabel: string;
  delivery?: { at: string; secretHash: string; skipped?: boolean };
  idleWindowMs: number;
  validateWith?: string;
  validation?: ValidationResult;
  forced?: boolean;
  deletion?: { at: string; outcome: 'deleted' | 'absent' };
  history: { step: RotationStep; at: string; by: string }[];
  startedAt: string;
  finishedAt?: string;
}

export function rotationId(env: string, oldKeyId: string): string {
  return `${env}:${oldKeyId}`;
}

export function stepIndex(s: RotationStep): number {
  return ROTATION_STEPS.indexOf(s);
}

/** A valid Appwrite key id (36 characters at most, `[A-Za-z0-9._-]`, not starting with a special one) derived from the rotation. */
export function newKeyId(oldKeyId: string, startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:T.Z]/g, '').slice(0, 14);
  const base = oldKeyId.replace(/[^A-Za-z0-9]/g, '').slice(0, 17) || 'key';
  return `r${stamp}${base}`.slice(0, 36);
}

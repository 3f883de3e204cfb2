export const CONTROL_STATUSES = ['met', 'partial', 'missing', 'not-applicable'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export interface ControlEvidence {
  kind: 'finding' | 'file' | 'config' | 'test-results' | 'run' | 'note';
  /** What it points at: a check id + fingerprint, a path, a config key, a run id. */
  ref: string;
  detail?: string;
}

export interface ControlResult {
  id: string;
  title: string;
  family: string;
  status: ControlStatus;
  weight: number;
  critical: boolean;
  /** One sentence: why this status. */
  summary: string;
  evidence: ControlEvidence[];
}

export interface GateResult {
  schemaVersion: string;
  /** 0-100, over the applicable controls. */
  score: number;
  minScore: number;
  /** pass: ship; fail: score below minScore; blocked: a critical control is missing (whatever the score). */
  decision: 'pass' | 'fail' | 'blocked';
  controls: ControlResult[];
  /** The audit run the gate judged (id from the store when one is configured). */
  auditRun?: string;
  generatedAt: string;
}

export const STATUS_VALUE: Record<ControlStatus, number> = { met: 1, partial: 0.5, missing: 0, 'not-applicable': 0 };

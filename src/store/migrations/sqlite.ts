import type { Migration } from './index.js';

/**
 * SQLite schema, version by version. Times are ISO-8601 UTC text in both backends: they sort as text, and
 * the evidence hash covers exactly the stored string, so no driver can change it by re-formatting.
 * Never edit a released migration: add a new one.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, findings, tracking, evidence log, workflow state',
    additive: true,
    sql: `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scope TEXT NOT NULL,
  command TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'abandoned')),
  complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  duration_ms INTEGER,
  tool_version TEXT NOT NULL,
  root TEXT,
  inputs TEXT NOT NULL,
  environment TEXT NOT NULL,
  inputs_digest TEXT NOT NULL,
  findings_digest TEXT NOT NULL,
  summary TEXT NOT NULL,
  checks TEXT,
  owner_host TEXT NOT NULL,
  owner_pid INTEGER NOT NULL,
  lease_expires_at TEXT NOT NULL
);
CREATE INDEX runs_scope_id ON runs (scope, id);
CREATE INDEX runs_state ON runs (state);

CREATE TABLE run_findings (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  check_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL,
  transition TEXT,
  finding TEXT NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE run_fixed (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (run_id, fingerprint)
);

CREATE TABLE tracked_findings (
  scope TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  check_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'excepted', 'fixed')),
  prev_state TEXT,
  first_seen_run INTEGER NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_run INTEGER NOT NULL,
  last_seen_at TEXT NOT NULL,
  fixed_run INTEGER,
  fixed_at TEXT,
  reopen_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (fingerprint, scope)
) WITHOUT ROWID;

CREATE TABLE first_seen (
  key TEXT PRIMARY KEY,
  first_seen_at TEXT NOT NULL
);

CREATE TABLE evidence (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  actor TEXT,
  data TEXT NOT NULL,
  inputs_digest TEXT,
  findings_digest TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX evidence_at ON evidence (at);

-- The chain head (last seq and hash) and the anchor left by an explicit prune of old records.
CREATE TABLE evidence_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  anchor_seq INTEGER NOT NULL,
  anchor_hash TEXT NOT NULL,
  prune_allowed INTEGER NOT NULL DEFAULT 0
);
INSERT INTO evidence_head (id, seq, hash, anchor_seq, anchor_hash) VALUES (1, 0, '${'0'.repeat(64)}', 0, '${'0'.repeat(64)}');

-- Append-only by default: an edit or delete fails unless a prune transaction opened the gate. This stops
-- mistakes, not an attacker with write access to the file; the hash chain is what detects those.
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
WHEN (SELECT prune_allowed FROM evidence_head WHERE id = 1) = 0
BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only (prune it with store prune --include-evidence)'); END;

CREATE TABLE workflow_state (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
`,
  },
];

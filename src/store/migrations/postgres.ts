import type { Migration } from './index.js';

/** PostgreSQL schema; the same tables and meanings as migrations/sqlite.ts. */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, findings, tracking, evidence log, workflow state',
    additive: true,
    sql: `
CREATE TABLE runs (
  id BIGSERIAL PRIMARY KEY,
  scope TEXT NOT NULL,
  command TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'abandoned')),
  complete BOOLEAN NOT NULL DEFAULT FALSE,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  duration_ms BIGINT,
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
  run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
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
  run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
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
  first_seen_run BIGINT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_run BIGINT NOT NULL,
  last_seen_at TEXT NOT NULL,
  fixed_run BIGINT,
  fixed_at TEXT,
  reopen_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (fingerprint, scope)
);

CREATE TABLE first_seen (
  key TEXT PRIMARY KEY,
  first_seen_at TEXT NOT NULL
);

CREATE TABLE evidence (
  seq BIGINT PRIMARY KEY,
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

CREATE TABLE evidence_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  anchor_seq BIGINT NOT NULL,
  anchor_hash TEXT NOT NULL,
  prune_allowed BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO evidence_head (id, seq, hash, anchor_seq, anchor_hash) VALUES (1, 0, '${'0'.repeat(64)}', 0, '${'0'.repeat(64)}');

-- Append-only by default (see the SQLite migration): stops mistakes; the hash chain detects tampering.
CREATE FUNCTION secops_evidence_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND (SELECT prune_allowed FROM evidence_head WHERE id = 1) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the evidence log is append-only';
END;
$$;
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence
FOR EACH ROW EXECUTE FUNCTION secops_evidence_guard();

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

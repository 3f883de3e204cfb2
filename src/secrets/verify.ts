import { decodeJwtPayload } from './rules/appwrite.js';
import type { HeldSecret, Liveness, SecretFinding } from './types.js';

/** Rules whose secrets are Appwrite project keys that one request can test. */
export const VERIFIABLE_RULES = new Set(['appwrite-standard-key', 'appwrite-legacy-key', 'appwrite-ephemeral-key']);

export interface VerifyTarget {
  /** `https://appwrite.example.com/v1`: the only host ever contacted. */
  endpoint: string;
  /** Project the key belongs to; when absent, the project id found beside the key (or in an ephemeral key's payload) is used. */
  projectId?: string;
  timeoutMs?: number;
}

export interface VerifyOutcome {
  liveness: Liveness;
  detail: string;
}

/**
 * Tells whether an Appwrite project key works, with the least effect possible: `GET /health` needs the
 * `health.read` scope, which Appwrite grants to every project key implicitly (app/config/roles.php), and
 * reads nothing of the project. An unknown key is treated as a guest, which lacks that scope (401); an
 * expired key gets 401 `project_key_expired`. Redirects are not followed, so no other host is contacted.
 */
export async function verifyAppwriteKey(secret: string, target: VerifyTarget, projectHint?: string): Promise<VerifyOutcome> {
  const projectId = target.projectId ?? projectHint ?? projectFromEphemeral(secret);
  if (!projectId) return { liveness: 'unknown', detail: 'no project id: set secrets.verify.projectId in the config' };
  let url: URL;
  try {
    url = new URL(`${target.endpoint.replace(/\/+$/, '')}/health`);
  } catch (err) {
    return { liveness: 'unknown', detail: `invalid endpoint ${target.endpoint}: ${(err as Error).message}` };
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'GET',
      redirect: 'manual',
      headers: { 'X-Appwrite-Project': projectId, 'X-Appwrite-Key': secret, 'X-Appwrite-Response-Format': '1.8.0', 'User-Agent': 'appwrite-secops (secret verification)' },
      signal: AbortSignal.timeout(target.timeoutMs ?? 8000),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { liveness: 'unknown', detail: `request failed: ${e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message)}` };
  }
  // A non-JSON body (a proxy's error page) leaves the type empty; the status alone decides then.
  const body = (await res.json().catch((err: Error) => ({ parseError: err.message }))) as { type?: unknown } | null;
  const type = body && typeof body.type === 'string' ? body.type : '';
  return classify(res.status, type, projectId);
}

export function classify(status: number, type: string, projectId: string): VerifyOutcome {
  if (status === 200) return { liveness: 'live', detail: `the key authenticated to project ${projectId} (GET /health answered 200)` };
  if (status === 401 && type === 'project_key_expired') return { liveness: 'dead', detail: 'the key has expired (401 project_key_expired)' };
  if (status === 401 && (type === 'general_unauthorized_scope' || type === 'user_unauthorized' || type === '')) {
    return { liveness: 'dead', detail: `the key was not accepted by project ${projectId} (401${type ? ` ${type}` : ''})` };
  }
  if (status === 404 && type === 'project_not_found') return { liveness: 'unknown', detail: `project ${projectId} does not exist on this endpoint` };
  if (status >= 300 && status < 400) return { liveness: 'unknown', detail: `the endpoint redirected (${status}); redirects are not followed` };
  return { liveness: 'unknown', detail: `unexpected answer ${status}${type ? ` ${type}` : ''}` };
}

function projectFromEphemeral(secret: string): string | undefined {
  if (!/^(?:ephemeral|dynamic)_/.test(secret)) return undefined;
  const p = decodeJwtPayload(secret.slice(secret.indexOf('_') + 1))?.projectId;
  return typeof p === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/.test(p) ? p : undefined;
}

export interface VerificationSummary {
  endpoint: string;
  checked: number;
  live: number;
  dead: number;
  unknown: number;
}

/** Verifies each distinct Appwrite key among the findings once, four at a time, and records the verdicts. */
export async function verifyFindings(findings: Map<string, SecretFinding>, held: Map<string, HeldSecret>, target: VerifyTarget, progress: (m: string) => void): Promise<VerificationSummary> {
  const todo = [...findings.values()].filter((f) => VERIFIABLE_RULES.has(f.ruleId));
  const summary: VerificationSummary = { endpoint: target.endpoint, checked: 0, live: 0, dead: 0, unknown: 0 };
  if (todo.length) progress(`verifying ${todo.length} Appwrite key(s) against ${target.endpoint}`);
  // One request per distinct key (the same key in ten files is one call), four at a time.
  const byKey = new Map<string, SecretFinding[]>();
  for (const f of todo) {
    const s = held.get(f.fingerprint)!.secret;
    byKey.set(s, [...(byKey.get(s) ?? []), f]);
  }
  const queue = [...byKey.entries()];
  const workerCount = Math.min(4, queue.length);
  await Promise.all(
    Array.from({ length: workerCount }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [secret, fs] = next;
        const outcome = await verifyAppwriteKey(secret, target, held.get(fs[0]!.fingerprint)?.projectHint);
        summary.checked++;
        summary[outcome.liveness]++;
        for (const f of fs) {
          f.liveness = outcome.liveness;
          f.livenessDetail = outcome.detail;
        }
      }
    }),
  );
  return summary;
}

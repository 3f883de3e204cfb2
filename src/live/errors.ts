/**
 * Turns what an SDK call threw into something a report can say: which operation, what went wrong,
 * which scope would fix it. Both SDKs throw their own `AppwriteException` class, so errors are
 * recognised by shape, not by class.
 */
import { OPERATIONS, type OperationId } from './operations.js';
import type { ResponseMeta } from './transport.js';

export type FailureKind =
  | 'missing-scope'
  | 'invalid-credential'
  | 'key-expired'
  | 'needs-console'
  | 'route-missing'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'other';

export interface LiveErrorInfo {
  operation: OperationId;
  /** `GET /v1/project/keys` */
  request: string;
  kind: FailureKind;
  message: string;
  /** How to make it readable. */
  hint: string;
  code?: number;
  type?: string;
  /** For missing-scope: the scopes that would allow the call (any one). */
  scopes?: string[];
}

export interface SdkError {
  name?: string;
  message?: string;
  code?: number;
  type?: string;
  responseMeta?: ResponseMeta;
  cause?: unknown;
}

export function isAppwriteError(err: unknown): err is SdkError & { code: number } {
  return !!err && typeof err === 'object' && (err as SdkError).name === 'AppwriteException' && typeof (err as SdkError).code === 'number';
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED']);

/** The code of a network failure (`fetch failed` wraps it in `cause`), or undefined. */
export function networkCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  if (err instanceof TypeError && /fetch failed|terminated|other side closed/i.test(err.message)) return 'UND_ERR_SOCKET';
  return undefined;
}

export function isRetryable(err: unknown): boolean {
  if (isAppwriteError(err)) return err.code === 429 || err.code === 500 || err.code === 502 || err.code === 503 || err.code === 504;
  return networkCode(err) !== undefined;
}

export function describeFailure(operation: OperationId, err: unknown, ctx: { version?: string; endpoint: string }): LiveErrorInfo {
  const op = OPERATIONS[operation];
  const request = `${op.method} ${op.path}`;
  const base = { operation, request };
  if (isAppwriteError(err)) {
    const what = `${err.code} ${err.type || 'error'}`;
    if (err.code === 401 && err.type === 'project_key_expired') {
      return { ...base, kind: 'key-expired', code: err.code, type: err.type, message: `${request}: the audit key has expired (${what})`, hint: 'create a new audit key with the scopes from `appwrite-secops keys required-scopes` and put it in the credential variable' };
    }
    if (err.code === 401 && err.type === 'general_unauthorized_scope') {
      if (/\(role: guests?\)/i.test(err.message ?? '')) {
        return { ...base, kind: 'invalid-credential', code: err.code, type: err.type, message: `${request}: the server did not accept the credential for this project and treated the request as a guest (${what})`, hint: 'check that the credential variable holds a key of this project (or a valid console session)' };
      }
      if (op.auth === 'console') {
        return { ...base, kind: 'missing-scope', code: err.code, type: err.type, scopes: [...op.scopes], message: `${request}: the console session lacks ${op.scopes.join(' or ')} (${what})`, hint: 'use a session of a project member with the owner or developer role' };
      }
      return { ...base, kind: 'missing-scope', code: err.code, type: err.type, scopes: [...op.scopes], message: `${request}: the audit key lacks scope ${op.scopes.join(' (or ')}${op.scopes.length > 1 ? ')' : ''} (${what})`, hint: `add ${op.scopes[0]} to the audit key; \`appwrite-secops keys required-scopes\` lists every scope the audit reads with` };
    }
    if (err.code === 404 && err.type === 'general_route_not_found') {
      return { ...base, kind: 'route-missing', code: err.code, type: err.type, message: `${request}: this server has no such route${ctx.version ? ` (Appwrite ${ctx.version})` : ''} (${what})`, hint: 'upgrade the server, or use a console session (consoleSessionEnv) for servers before 1.9.5' };
    }
    if (err.code === 429) {
      const reset = err.responseMeta?.rateLimitReset;
      return { ...base, kind: 'rate-limited', code: err.code, type: err.type, message: `${request}: rate limited${reset ? ` until ${new Date(reset * 1000).toISOString()}` : ''} (${what}), retries exhausted`, hint: 'run the audit again later, or raise live.maxRateLimitWaitSeconds' };
    }
    if (err.code >= 500) {
      return { ...base, kind: 'server-error', code: err.code, type: err.type, message: `${request}: the server failed (${what}) after retries`, hint: `check the health of ${ctx.endpoint} and run the audit again` };
    }
    return { ...base, kind: 'other', code: err.code, type: err.type, message: `${request}: ${err.message ?? 'request failed'} (${what})`, hint: 'see the Appwrite error type above' };
  }
  const net = networkCode(err);
  if (net) {
    return { ...base, kind: 'network', message: `${request}: could not reach ${ctx.endpoint} (${net}) after retries`, hint: 'check the endpoint URL, the network path and TLS settings (selfSigned for self-signed certificates)' };
  }
  return { ...base, kind: 'other', message: `${request}: ${err instanceof Error ? err.message : String(err)}`, hint: 'run with --verbose and report the problem if it persists' };
}

/** An error whose info is already described (thrown inside the reader so that sections can fail alone). */
export class LiveReadError extends Error {
  readonly info: LiveErrorInfo;
  constructor(info: LiveErrorInfo) {
    super(info.message);
    this.name = 'LiveReadError';
    this.info = info;
  }
}

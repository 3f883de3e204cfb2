/**
 * A stand-in for the Appwrite REST API on 127.0.0.1, for tests that drive the official SDKs against a
 * real HTTP server (node-appwrite uses undici's own fetch, so stubbing fetch would test nothing).
 *
 * What it models: project / key / JWT / console-session callers; scope enforcement (any one of a route's
 * scopes); key expiry (401 project_key_expired, checked before scopes), `accessedAt` (updated at most
 * once per 24 hours) and `sdks` (from `x-sdk-name`); JSON `queries[n]` with limit/offset/cursor paging;
 * response formats (`X-Appwrite-Response-Format`) and a server version switch (1.8.x: key and project
 * management only under the console's /v1/projects/{id}; 1.9.5+: /v1/project/* and /v1/webhooks for
 * keys holding the scopes, old paths aliased; 2.x: Cloud, adds the deny-* e-mail policies); error bodies
 * `{message, code, type, version}`; and injected faults (latency, 5xx, connection resets, 429 with
 * X-RateLimit-* headers). It does not model per-document permissions for user or guest callers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERRORS, FakeError } from './errors.js';
import { compareVersions, cookieValue, toJson } from './wire.js';
import type { ModelFormat } from './models.js';
import { parseQueries } from './queries.js';
import { matchPath, ROUTES, type Caller, type Route } from './routes.js';
import { buildState, type FakeSeed } from './seed.js';
import type { FakeKey, FakeProject, FakeState } from './state.js';

export interface FakeAppwriteOptions {
  /** Server version, e.g. 1.8.1, 1.9.6 (self-hosted) or 2.4.0 (Cloud). Default 1.9.6. */
  version?: string;
  seed?: FakeSeed;
  /** Clock for key expiry and accessedAt; the wall clock when omitted. Rate-limit resets use the wall clock. */
  now?: () => Date;
  /** Host name used in scope-error messages. */
  hostname?: string;
}

interface FaultMatch {
  method?: string;
  /** Exact path (`/v1/project/keys`) or a pattern. */
  path?: string | RegExp;
}

export type Fault = { match?: FaultMatch; /** How many requests it affects; every one when omitted. */ times?: number } & (
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; /** `json`: an Appwrite error body; `html`: what a proxy in front returns. */ body?: 'json' | 'html' }
  | { kind: 'reset' }
  | { kind: 'rate-limit'; resetInSeconds?: number; limit?: number }
);

export interface RecordedExchange {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  status: number;
  format: ModelFormat;
  /** Response model this body should match (spec-derived schema name), when there is one. */
  model?: string;
  body: string;
}

export interface FakeAppwrite {
  /** e.g. http://127.0.0.1:41234/v1 */
  endpoint: string;
  version: string;
  state: FakeState;
  exchanges: RecordedExchange[];
  project(id?: string): FakeProject;
  inject(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const UNLIMITED: ReadonlySet<string> = new (class extends Set<string> {
  override has(): boolean {
    return true;
  }
})();

// What roles.php grants a guest, minus the data scopes whose per-document filtering is not modelled here.
const GUEST_SCOPES = new Set(['global', 'public', 'home', 'console', 'graphql', 'sessions.write', 'account', 'locale.read', 'avatars.read']);
// Every project key implicitly holds these (roles.php ROLE_KEYS).
const KEY_IMPLICIT = ['global', 'health.read', 'graphql'];
const DAY_MS = 24 * 60 * 60 * 1000;

export async function startFakeAppwrite(opts: FakeAppwriteOptions = {}): Promise<FakeAppwrite> {
  const version = opts.version ?? '1.9.6';
  const state = buildState(opts.seed);
  const now = opts.now ?? (() => new Date());
  const hostname = opts.hostname ?? 'localhost';
  const faults: (Fault & { left: number })[] = [];
  const exchanges: RecordedExchange[] = [];
  const cloud = compareVersions(version, '2.0.0') >= 0;

  const formatFor = (req: IncomingMessage): ModelFormat => {
    if (compareVersions(version, '1.9.5') < 0) return '1.8';
    const asked = req.headers['x-appwrite-response-format'];
    return typeof asked === 'string' && compareVersions(asked, '1.9.5') < 0 ? '1.8' : '1.9.5';
  };

  const send = (req: IncomingMessage, res: ServerResponse, url: URL, status: number, body: unknown, extra: { model?: string; headers?: Record<string, string> } = {}) => {
    const text = status === 204 ? '' : toJson(body);
    exchanges.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      status,
      format: formatFor(req),
      ...(extra.model ? { model: extra.model } : {}),
      body: text,
    });
    res.writeHead(status, { ...(status === 204 ? {} : { 'content-type': 'application/json; charset=UTF-8' }), ...extra.headers });
    res.end(text);
  };

  const sendError = (req: IncomingMessage, res: ServerResponse, url: URL, err: FakeError, status: number = err.code) => {
    send(req, res, url, status, { message: err.message, code: status, type: err.type, version }, { model: 'error', headers: err.headers });
  };

  /** Records a key use the way Appwrite does: accessedAt at most once a day, each SDK name once. */
  const touchKey = (k: FakeKey, sdk: string | undefined) => {
    const t = now();
    if (!k.accessedAt || t.getTime() - Date.parse(k.accessedAt) > DAY_MS) k.accessedAt = t.toISOString().replace('Z', '+00:00');
    if (sdk && !k.sdks.includes(sdk)) k.sdks.push(sdk);
  };

  const resolveCaller = (req: IncomingMessage, projectHeader: string | undefined): { caller: Caller; projectId?: string } => {
    const h = req.headers;
    const cookie = h.cookie;
    const key = h['x-appwrite-key'];
    const jwt = h['x-appwrite-jwt'];
    const consoleSecret = (typeof h['x-appwrite-session'] === 'string' ? h['x-appwrite-session'] : undefined) ?? cookieValue(cookie, 'a_session_console');
    const guest: Caller = { kind: 'guest', scopes: GUEST_SCOPES, label: 'User', role: 'guests' };
    const consoleMember = () => {
      const s = state.consoleSessions.find((x) => x.secret === consoleSecret && (!x.expire || Date.parse(x.expire) > now().getTime()));
      return s ? ({ kind: 'admin', scopes: s.scopes ? new Set(s.scopes) : UNLIMITED, label: `${s.userId}@console.test`, role: s.scopes ? 'developer' : 'owner' } satisfies Caller) : undefined;
    };
    if (projectHeader === 'console' || projectHeader === undefined) {
      if (typeof key === 'string') throw new FakeError('project_not_found');
      return { caller: consoleMember() ?? guest };
    }
    const project = state.projects.get(projectHeader);
    if (!project) throw new FakeError('project_not_found');
    if (typeof key === 'string') {
      const k = project.keys.find((x) => x.secret === key);
      // An unknown key leaves the caller a guest, as Appwrite does.
      if (!k) return { caller: guest, projectId: project.$id };
      if (k.expire && Date.parse(k.expire) < now().getTime()) throw new FakeError('project_key_expired');
      touchKey(k, typeof h['x-sdk-name'] === 'string' ? h['x-sdk-name'] : undefined);
      return { caller: { kind: 'key', scopes: new Set([...k.scopes, ...KEY_IMPLICIT]), label: `app.${project.$id}@service.${hostname}`, role: 'applications' }, projectId: project.$id };
    }
    if (typeof jwt === 'string') {
      if (cookieValue(cookie, `a_session_${project.$id}`)) throw new FakeError('user_jwt_and_cookie_set');
      const j = state.jwts.get(jwt);
      if (!j || j.projectId !== project.$id || Date.parse(j.expire) < now().getTime()) throw new FakeError('user_jwt_invalid');
      return { caller: { kind: 'user', scopes: new Set([...GUEST_SCOPES]), label: `${j.userId}`, role: 'users' }, projectId: project.$id };
    }
    if (h['x-appwrite-mode'] === 'admin') {
      const m = consoleMember();
      if (m) return { caller: m, projectId: project.$id };
    }
    return { caller: guest, projectId: project.$id };
  };

  const findRoute = (method: string, path: string): { route: Route; params: Record<string, string> } | undefined => {
    for (const route of ROUTES) {
      if (route.method !== method) continue;
      const params = matchPath(route.path, path);
      if (params) return { route, params };
    }
    return undefined;
  };

  const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (chunks.length === 0) return {};
    try {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      throw new FakeError('general_argument_invalid', 'Invalid JSON body');
    }
  };

  const applyFaults = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    for (const f of faults) {
      if (f.left <= 0) continue;
      if (f.match?.method && f.match.method.toUpperCase() !== req.method) continue;
      const p = f.match?.path;
      if (p !== undefined && (typeof p === 'string' ? p !== url.pathname : !p.test(url.pathname))) continue;
      f.left -= 1;
      if (f.kind === 'latency') {
        await new Promise((r) => setTimeout(r, f.ms));
        continue;
      }
      if (f.kind === 'reset') {
        req.socket.destroy();
        return true;
      }
      if (f.kind === 'rate-limit') {
        const reset = Math.floor(Date.now() / 1000) + (f.resetInSeconds ?? 1);
        sendError(req, res, url, new FakeError('general_rate_limit_exceeded', undefined, { 'x-ratelimit-limit': String(f.limit ?? 60), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }));
        return true;
      }
      if (f.body === 'html') {
        res.writeHead(f.status, { 'content-type': 'text/html' });
        res.end(`<html><body><h1>${f.status} Bad Gateway</h1></body></html>`);
        exchanges.push({ method: req.method ?? 'GET', path: url.pathname, search: url.search, headers: {}, status: f.status, format: formatFor(req), body: '' });
      } else {
        sendError(req, res, url, new FakeError('general_unknown'), f.status);
      }
      return true;
    }
    return false;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (await applyFaults(req, res, url)) return;
      const method = (req.method ?? 'GET').toUpperCase();
      const found = findRoute(method, url.pathname);
      if (!found || (found.route.since && compareVersions(version, found.route.since) < 0)) throw new FakeError('general_route_not_found');
      const { route, params } = found;
      const body = method === 'GET' ? {} : await readBody(req);
      const projectHeader = typeof req.headers['x-appwrite-project'] === 'string' ? req.headers['x-appwrite-project'] : undefined;
      const { caller, projectId } = resolveCaller(req, projectHeader);

      let project: FakeProject | undefined;
      if (route.access === 'console') {
        project = state.projects.get(params.projectId ?? '');
        const keyAlias = caller.kind === 'key' && route.keysSince && compareVersions(version, route.keysSince) >= 0 && projectId === params.projectId;
        if (caller.kind !== 'admin' && !keyAlias) throw scopeError(caller, route);
        if (!project) throw new FakeError('project_not_found');
      } else if (route.access === 'any') {
        project = projectId ? state.projects.get(projectId) : undefined;
        if (!project) throw new FakeError('project_not_found');
      }
      if (!route.scopes.some((s) => caller.scopes.has(s))) throw scopeError(caller, route);

      if (route.access === 'public') {
        send(req, res, url, 200, { version });
        return;
      }
      const format = formatFor(req);
      const result = route.handle({
        state,
        project: project!,
        params,
        queries: parseQueries(url),
        countTotal: url.searchParams.get('total') !== 'false',
        format,
        cloud,
        now: now(),
        body,
        caller,
      });
      send(req, res, url, route.status ?? 200, result, { model: route.model?.[format] });
    } catch (err) {
      if (err instanceof FakeError) sendError(req, res, url, err);
      else sendError(req, res, url, new FakeError('general_unknown', (err as Error).message));
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    endpoint: `http://127.0.0.1:${port}/v1`,
    version,
    state,
    exchanges,
    project(id) {
      const p = id ? state.projects.get(id) : state.projects.values().next().value;
      if (!p) throw new Error(`no project ${id ?? '(first)'} in the stand-in`);
      return p;
    },
    inject(fault) {
      faults.push({ ...fault, left: fault.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function scopeError(caller: Caller, route: Route): FakeError {
  return new FakeError('general_unauthorized_scope', `${caller.label} (role: ${caller.role}) missing scopes (${JSON.stringify(route.scopes)})`);
}

export { ERRORS };

import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

/**
 * A local stand-in for api.osv.dev (node:http on 127.0.0.1:0): /v1/querybatch answers from the OSV
 * records in src/deps/__fixtures__/osv by evaluating their ranges, /v1/vulns/{id} serves them. Tests
 * script failures with `failNext` (status codes, Retry-After, bad bodies, hangs).
 */
export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface OsvStandIn {
  url: string;
  requests: { method: string; path: string; body?: unknown }[];
  failNext: Scripted[];
  /** Results per query that come back with a next_page_token first (name@version -> extra ids on page 2). */
  paged: Map<string, string[]>;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const recordsDir = path.join(here, '..', '..', '__fixtures__', 'osv');

function loadRecords(): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const f of readdirSync(recordsDir)) {
    const r = JSON.parse(readFileSync(path.join(recordsDir, f), 'utf8')) as Record<string, unknown>;
    out.set(r.id as string, r);
  }
  return out;
}

type Rec = { id: string; modified: string; affected: { package: { name: string }; ranges: { events: Record<string, string>[] }[] }[] };

function affects(rec: Rec, name: string, version: string): boolean {
  return rec.affected.some(
    (a) =>
      a.package.name === name &&
      a.ranges.some((r) => {
        const intro = r.events.find((e) => e.introduced)?.introduced ?? '0';
        const fixed = r.events.find((e) => e.fixed)?.fixed;
        const last = r.events.find((e) => e.last_affected)?.last_affected;
        const lo = intro === '0' ? true : semver.gte(version, semver.coerce(intro)!);
        return lo && (fixed ? semver.lt(version, fixed) : last ? semver.lte(version, last) : true);
      }),
  );
}

export async function startOsvStandIn(extra: Record<string, unknown>[] = []): Promise<OsvStandIn> {
  const records = loadRecords();
  for (const r of extra) records.set(r.id as string, r);
  const state: Omit<OsvStandIn, 'url' | 'close'> = { requests: [], failNext: [], paged: new Map() };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? (JSON.parse(raw) as unknown) : undefined;
      state.requests.push({ method: req.method ?? '', path: req.url ?? '', body });
      const scripted = state.failNext.shift();
      if (scripted?.hang) return; // leave the socket open: the client must time out
      if (scripted) {
        res.writeHead(scripted.status ?? 500, { 'content-type': 'application/json', ...scripted.headers });
        res.end(scripted.body ?? '{"code":13,"message":"internal error"}');
        return;
      }
      const send = (status: number, obj: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(obj));
      };
      if (req.method === 'POST' && req.url === '/v1/querybatch') {
        const queries = (body as { queries: { package: { name: string; ecosystem: string }; version: string; page_token?: string }[] }).queries;
        const results = queries.map((q) => {
          const key = `${q.package.name}@${q.version}`;
          const page2 = state.paged.get(key);
          if (page2 && q.page_token === 'page-2') return { vulns: page2.map((id) => ({ id, modified: (records.get(id)?.modified as string) ?? '' })) };
          const ids = [...records.values()].filter((r) => q.package.ecosystem === 'npm' && affects(r as unknown as Rec, q.package.name, q.version)).map((r) => ({ id: r.id as string, modified: r.modified as string }));
          const first = page2 ? ids.filter((v) => !page2.includes(v.id)) : ids;
          return first.length || page2 ? { vulns: first, ...(page2 ? { next_page_token: 'page-2' } : {}) } : {};
        });
        return send(200, { results });
      }
      const m = /^\/v1\/vulns\/(.+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && m) {
        const rec = records.get(decodeURIComponent(m[1]!));
        return rec ? send(200, rec) : send(404, { code: 5, message: 'Bug not found.' });
      }
      send(404, { code: 5, message: 'Not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    ...state,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

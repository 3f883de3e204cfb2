import * as z from 'zod';
import { IncompleteError } from '../../core/errors.js';
import type { Advisory } from '../model.js';
import { advisoryFromOsv, NPM_ECOSYSTEM } from './record.js';

export const DEFAULT_OSV_API = 'https://api.osv.dev';

export interface OsvClientOptions {
  baseUrl?: string;
  /** Queries per /v1/querybatch request (the API accepts up to 1000). */
  batchSize?: number;
  /** Parallel /v1/vulns/{id} requests. */
  concurrency?: number;
  /** Retries after 429, 5xx and network errors. */
  retries?: number;
  timeoutMs?: number;
  /** A `Retry-After` longer than this fails the source instead of stalling the run. */
  maxRetryAfterMs?: number;
  /** First backoff when the server gives no Retry-After; doubles per attempt. */
  backoffMs?: number;
  /** Injected for tests that assert waits without spending them. */
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
  signal?: AbortSignal;
}

const batchResponse = z.object({
  results: z.array(
    z.looseObject({
      vulns: z.array(z.looseObject({ id: z.string(), modified: z.string().optional() })).optional(),
      next_page_token: z.string().optional(),
    }),
  ),
});

export interface PackageQuery {
  name: string;
  version: string;
}

/**
 * OSV API client: `/v1/querybatch` for which advisories affect each name@version (with paging), then
 * `/v1/vulns/{id}` for each record. Results are cached for the life of the client (one run).
 * Failures that outlast the retries throw IncompleteError: the run reports "could not tell".
 */
export class OsvClient {
  private readonly base: string;
  private readonly opts: Required<Omit<OsvClientOptions, 'signal' | 'baseUrl'>> & { signal?: AbortSignal };
  private readonly vulnCache = new Map<string, Promise<unknown>>();
  private readonly queryCache = new Map<string, string[]>();
  /** HTTP requests made, for tests and progress. */
  requests = 0;

  constructor(opts: OsvClientOptions = {}) {
    this.base = (opts.baseUrl ?? DEFAULT_OSV_API).replace(/\/+$/, '');
    this.opts = {
      batchSize: opts.batchSize ?? 1000,
      concurrency: opts.concurrency ?? 8,
      retries: opts.retries ?? 4,
      timeoutMs: opts.timeoutMs ?? 30_000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 60_000,
      backoffMs: opts.backoffMs ?? 500,
      sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      userAgent: opts.userAgent ?? 'appwrite-secops',
      signal: opts.signal,
    };
  }

  /** The advisories affecting any of the packages, normalised. */
  async advisoriesFor(packages: readonly PackageQuery[]): Promise<Advisory[]> {
    const ids = await this.queryBatch(packages);
    const unique = [...new Set([...ids.values()].flat())].sort();
    const records = await this.mapLimited(unique, (id) => this.vuln(id));
    const out: Advisory[] = [];
    for (let i = 0; i < unique.length; i++) {
      const origin = `${this.base}/v1/vulns/${unique[i]}`;
      let adv: Advisory | undefined;
      try {
        adv = advisoryFromOsv(records[i], 'osv-api', origin);
      } catch (err) {
        throw new IncompleteError(`${origin} returned ${(err as Error).message}`, { hint: 'check --osv-api points at an OSV API' });
      }
      if (adv) out.push(adv);
    }
    return out;
  }

  /** name@version -> advisory ids, paging through `next_page_token`. */
  async queryBatch(packages: readonly PackageQuery[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    const todo: PackageQuery[] = [];
    for (const p of packages) {
      const key = `${p.name}@${p.version}`;
      const hit = this.queryCache.get(key);
      if (hit) result.set(key, hit);
      else if (!result.has(key)) {
        result.set(key, []);
        todo.push(p);
      }
    }
    let pending: { q: PackageQuery; token?: string }[] = todo.map((q) => ({ q }));
    for (let page = 0; pending.length > 0; page++) {
      if (page > 100) throw new IncompleteError(`${this.base}/v1/querybatch kept returning next_page_token after 100 pages`);
      const next: typeof pending = [];
      for (let i = 0; i < pending.length; i += this.opts.batchSize) {
        const chunk = pending.slice(i, i + this.opts.batchSize);
        const body = {
          queries: chunk.map(({ q, token }) => ({ package: { name: q.name, ecosystem: NPM_ECOSYSTEM }, version: q.version, ...(token ? { page_token: token } : {}) })),
        };
        const json = await this.request('POST', '/v1/querybatch', body);
        const parsed = batchResponse.safeParse(json);
        if (!parsed.success || parsed.data.results.length !== chunk.length) {
          throw new IncompleteError(`${this.base}/v1/querybatch answered with an unexpected shape (${parsed.success ? `${parsed.data.results.length} results for ${chunk.length} queries` : parsed.error.issues[0]!.message})`, {
            hint: 'check that --osv-api points at an OSV API (https://api.osv.dev)',
          });
        }
        parsed.data.results.forEach((r, j) => {
          const { q } = chunk[j]!;
          const list = result.get(`${q.name}@${q.version}`)!;
          for (const v of r.vulns ?? []) if (!list.includes(v.id)) list.push(v.id);
          if (r.next_page_token) next.push({ q, token: r.next_page_token });
        });
      }
      pending = next;
    }
    for (const p of todo) this.queryCache.set(`${p.name}@${p.version}`, result.get(`${p.name}@${p.version}`)!);
    return result;
  }

  /** One full OSV record, fetched once per run. */
  vuln(id: string): Promise<unknown> {
    let p = this.vulnCache.get(id);
    if (!p) {
      p = this.request('GET', `/v1/vulns/${encodeURIComponent(id)}`);
      this.vulnCache.set(id, p);
    }
    return p;
  }

  private async mapLimited<T, R>(items: readonly T[], fn: (t: T) => Promise<R>): Promise<R[]> {
    const out: R[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, items.length) }, worker));
    return out;
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = `${this.base}${path}`;
    let lastProblem = '';
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      this.requests++;
      try {
        const signals = [AbortSignal.timeout(this.opts.timeoutMs), ...(this.opts.signal ? [this.opts.signal] : [])];
        res = await fetch(url, {
          method,
          headers: { accept: 'application/json', 'user-agent': this.opts.userAgent, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.any(signals),
        });
      } catch (err) {
        if (this.opts.signal?.aborted) throw new IncompleteError(`${method} ${url} was cancelled`);
        const e = err as Error & { cause?: { code?: string } };
        lastProblem = e.name === 'TimeoutError' ? `no answer within ${this.opts.timeoutMs} ms` : `${e.cause?.code ?? e.message}`;
        if (attempt < this.opts.retries) {
          await this.opts.sleep(this.backoff(attempt));
          continue;
        }
        throw new IncompleteError(`${method} ${url} failed after ${attempt + 1} attempts: ${lastProblem}`, { hint: 'check the network or proxy, or use --osv-db for an offline database' });
      }
      if (res.ok) {
        const text = await res.text();
        try {
          return JSON.parse(text);
        } catch {
          throw new IncompleteError(`${method} ${url} answered ${res.status} with a body that is not JSON`, { hint: 'check that --osv-api points at an OSV API' });
        }
      }
      const retryable = res.status === 429 || res.status === 408 || res.status >= 500;
      const detail = (await res.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
      lastProblem = `HTTP ${res.status}${detail ? ` ${detail}` : ''}`;
      if (!retryable || attempt >= this.opts.retries) {
        throw new IncompleteError(`${method} ${url} failed: ${lastProblem}${retryable ? ` (after ${attempt + 1} attempts)` : ''}`, {
          hint: res.status === 404 && method === 'POST' ? 'check that --osv-api points at an OSV API (https://api.osv.dev)' : 'try again later, or use --osv-db for an offline database',
        });
      }
      const wait = retryAfterMs(res.headers.get('retry-after'), Date.now()) ?? this.backoff(attempt);
      if (wait > this.opts.maxRetryAfterMs) {
        throw new IncompleteError(`${method} ${url} asked to retry after ${Math.ceil(wait / 1000)} s (HTTP ${res.status}), longer than the ${Math.ceil(this.opts.maxRetryAfterMs / 1000)} s allowed`, {
          hint: 'run again later, or use --osv-db for an offline database',
        });
      }
      await this.opts.sleep(wait);
    }
  }

  private backoff(attempt: number): number {
    return Math.min(this.opts.backoffMs * 2 ** attempt, 8_000);
  }
}

/** `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const h = header.trim();
  if (/^\d+$/.test(h)) return Number(h) * 1000;
  const at = Date.parse(h);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

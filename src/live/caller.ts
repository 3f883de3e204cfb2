/**
 * How the reader calls the API: every SDK call goes through `call` (bounded concurrency, retries,
 * failures described by operation) and every list through `listAll` (cursor paging to the end).
 */
import { Query } from 'node-appwrite';
import { describeFailure, LiveReadError } from './errors.js';
import { OPERATIONS, type OperationId } from './operations.js';
import { withRetry, type RetryOptions } from './retry.js';

type Raw = Record<string, unknown>;

export interface CallerOptions extends Omit<RetryOptions, 'onRetry'> {
  endpoint: string;
  concurrency: number;
  pageSize: number;
  /** Known server version, for messages. */
  version?: () => string | undefined;
  onRetry?: (op: OperationId, info: { attempt: number; delayMs: number; reason: string }) => void;
}

export interface ApiCaller {
  call<T>(op: OperationId, fn: () => Promise<T>): Promise<T>;
  /** Every item of a list endpoint; `field` is the list's key (`keys`, `platforms`, …). */
  listAll(op: OperationId, fetchPage: (queries: string[]) => Promise<unknown>, field: string, opts?: { paging?: 'cursor' | 'offset' }): Promise<Raw[]>;
}

export function createCaller(opts: CallerOptions): ApiCaller {
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (active >= opts.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
  };
  const release = () => {
    active--;
    waiting.shift()?.();
  };

  const call = async <T>(op: OperationId, fn: () => Promise<T>): Promise<T> => {
    await acquire();
    try {
      return await withRetry(fn, { ...opts, onRetry: (info) => opts.onRetry?.(op, info) });
    } catch (err) {
      throw new LiveReadError(describeFailure(op, err, { version: opts.version?.(), endpoint: opts.endpoint }));
    } finally {
      release();
    }
  };

  const listAll: ApiCaller['listAll'] = async (op, fetchPage, field, lo = {}) => {
    const out: Raw[] = [];
    const seen = new Set<string>();
    const size = opts.pageSize;
    let cursor: string | undefined;
    // A hard stop far above any real project, in case a server ignores the cursor and repeats pages.
    for (let page = 0; page < 100_000; page++) {
      const queries = [Query.limit(size), ...(lo.paging === 'offset' ? [Query.offset(out.length)] : cursor ? [Query.cursorAfter(cursor)] : [])];
      const res = (await call(op, () => fetchPage(queries))) as Raw;
      const items = Array.isArray(res[field]) ? (res[field] as Raw[]) : [];
      for (const item of items) {
        const id = lo.paging === 'offset' ? `${out.length}` : String(item.$id ?? '');
        if (lo.paging !== 'offset' && seen.has(id)) {
          const o = OPERATIONS[op];
          throw new LiveReadError({ operation: op, request: `${o.method} ${o.path}`, kind: 'other', message: `${o.method} ${o.path}: the server returned "${id}" twice while paging`, hint: 'the server ignored the cursor; report this with the server version' });
        }
        seen.add(id);
        out.push(item);
      }
      if (items.length < size) break;
      cursor = String(items[items.length - 1]!.$id ?? '');
    }
    return out;
  };

  return { call, listAll };
}

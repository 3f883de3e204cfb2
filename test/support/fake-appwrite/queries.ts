/**
 * Appwrite list queries: `queries[n]` are JSON strings such as {"method":"limit","values":[25]}.
 * Supported: limit, offset, cursorAfter, cursorBefore, equal, orderAsc/orderDesc (ordering by an
 * attribute), select (accepted, ignored). Lists default to 25 items, like APP_LIMIT_LIST_DEFAULT.
 */
import { FakeError } from './errors.js';

export interface ParsedQuery {
  method: string;
  attribute?: string;
  values: unknown[];
}

const METHODS = new Set(['limit', 'offset', 'cursorAfter', 'cursorBefore', 'equal', 'orderAsc', 'orderDesc', 'select']);
export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 5000;

export function parseQueries(url: URL): ParsedQuery[] {
  const out: ParsedQuery[] = [];
  const entries = [...url.searchParams.entries()].filter(([k]) => /^queries\[\d+\]$/.test(k) || k === 'queries[]');
  for (const [, raw] of entries) {
    let q: unknown;
    try {
      q = JSON.parse(raw);
    } catch {
      throw new FakeError('general_query_invalid', `Invalid query: Syntax error in ${raw.slice(0, 60)}`);
    }
    if (!q || typeof q !== 'object' || typeof (q as ParsedQuery).method !== 'string') throw new FakeError('general_query_invalid', 'Invalid query: Query must have a method');
    const pq = q as ParsedQuery;
    if (!METHODS.has(pq.method)) throw new FakeError('general_query_invalid', `Invalid query: Query method not valid: ${pq.method}`);
    if (!Array.isArray(pq.values)) pq.values = [];
    out.push(pq);
  }
  return out;
}

export interface ListResult<T> {
  total: number;
  items: T[];
}

/** Filters, orders and pages a list the way Appwrite's list endpoints do. */
export function applyQueries<T extends { $id: string }>(all: readonly T[], queries: ParsedQuery[], opts: { countTotal: boolean }): ListResult<T> {
  let items = [...all];
  for (const q of queries.filter((x) => x.method === 'equal')) {
    items = items.filter((it) => q.values.includes((it as Record<string, unknown>)[q.attribute ?? '']));
  }
  const order = queries.find((q) => q.method === 'orderAsc' || q.method === 'orderDesc');
  if (order?.attribute) {
    const a = order.attribute;
    const dir = order.method === 'orderAsc' ? 1 : -1;
    items.sort((x, y) => dir * String((x as Record<string, unknown>)[a]).localeCompare(String((y as Record<string, unknown>)[a])));
  }
  const total = items.length;
  const after = queries.find((q) => q.method === 'cursorAfter');
  const before = queries.find((q) => q.method === 'cursorBefore');
  if (after) {
    const i = items.findIndex((it) => it.$id === after.values[0]);
    if (i === -1) throw new FakeError('general_cursor_not_found', `Cursor document with ID "${String(after.values[0])}" could not be found.`);
    items = items.slice(i + 1);
  } else if (before) {
    const i = items.findIndex((it) => it.$id === before.values[0]);
    if (i === -1) throw new FakeError('general_cursor_not_found', `Cursor document with ID "${String(before.values[0])}" could not be found.`);
    items = items.slice(0, i);
  }
  const limitQ = queries.find((q) => q.method === 'limit');
  const offsetQ = queries.find((q) => q.method === 'offset');
  const limit = limitQ ? Number(limitQ.values[0]) : DEFAULT_LIMIT;
  const offset = offsetQ ? Number(offsetQ.values[0]) : 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) throw new FakeError('general_query_invalid', `Invalid query: Invalid limit: Value must be a valid range between 0 and ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0) throw new FakeError('general_query_invalid', 'Invalid query: Invalid offset: Value must be a valid range between 0 and 5,000');
  if (before && !after) items = items.slice(Math.max(0, items.length - offset - limit), items.length - offset);
  else items = items.slice(offset, offset + limit);
  return { total: opts.countTotal ? total : 0, items };
}

import { createHash } from 'node:crypto';

/**
 * JSON for the store. Two needs that JSON.stringify does not meet:
 * - node-appwrite parses integers above 2^53 into BigInt, and `JSON.stringify` throws on BigInt. We write
 *   a BigInt as its decimal string: lossless, and every JSON reader can load it back.
 * - Digests and the evidence hash chain must not depend on key order, so `canonicalJson` sorts object keys
 *   and emits no whitespace. Parsing canonical text and serialising it again gives the same text, which
 *   is what lets anyone re-verify an exported evidence log.
 */
export function canonicalJson(value: unknown): string {
  const out = serialise(value, new Set());
  return out ?? 'null';
}

/** Plain JSON (insertion order kept) with the same BigInt / Date handling, for human-facing exports. */
export function toJson(value: unknown, space?: number): string {
  // A replacer function slows JSON.stringify down by half; BigInt is rare, so only pay for it when met.
  try {
    return JSON.stringify(value, undefined, space) ?? 'null';
  } catch (err) {
    if (err instanceof TypeError && /BigInt/i.test(err.message)) return JSON.stringify(value, jsonReplacer, space) ?? 'null';
    throw err;
  }
}

export function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** sha256 (hex) of the canonical JSON of `value`. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function serialise(value: unknown, stack: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // NaN and Infinity have no JSON form; JSON.stringify writes null for them, and so do we.
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') {
    return serialise((obj as { toJSON(): unknown }).toJSON(), stack);
  }
  if (stack.has(obj)) throw new TypeError('cannot serialise a value that contains itself (circular reference)');
  stack.add(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${obj.map((v) => serialise(v, stack) ?? 'null').join(',')}]`;
    }
    if (obj instanceof Map) {
      return serialise(Object.fromEntries(obj), stack);
    }
    if (obj instanceof Set) {
      return serialise([...obj], stack);
    }
    const parts: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const v = serialise((obj as Record<string, unknown>)[key], stack);
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    stack.delete(obj);
  }
}

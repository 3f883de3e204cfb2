import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { ADMIN, keysNamed, OLD_SECRET, storeDump, type Env } from './harness.js';

/** The end state of every rotation: one valid key with the policy scopes, in the sink, no secret stored. */
export async function expectRotated(env: Env, dotenv = env.dotenv) {
  const keys = keysNamed(env, 'orders-api-prod');
  expect(keys.map((k) => k.$id)).toHaveLength(1);
  expect(keys[0]!.$id).not.toBe('oldkey');
  expect([...keys[0]!.scopes].sort()).toEqual(['rows.read', 'rows.write']);
  const text = await readFile(dotenv, 'utf8');
  expect(/APPWRITE_API_KEY=(.*)/.exec(text)?.[1]).toBe(keys[0]!.secret);
  const dump = await storeDump(env);
  for (const s of [ADMIN, OLD_SECRET, keys[0]!.secret]) expect(dump.includes(s), 'a raw secret in the store').toBe(false);
  expect(dump).toContain('key.rotated');
}


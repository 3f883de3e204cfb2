import { describe, expect, it } from 'vitest';
import { retryDelay, withRetry, type RetryOptions } from './retry.js';

const appwriteError = (code: number, type = 'x', reset?: number) => Object.assign(new Error('e'), { name: 'AppwriteException', code, type, ...(reset !== undefined ? { responseMeta: { rateLimitReset: reset } } : {}) });
const NOW = 1_800_000_000_000;
const opts: RetryOptions = { maxRetries: 3, maxRateLimitWaitMs: 60_000, now: () => NOW, random: () => 1 };

describe('retryDelay', () => {
  it('waits until X-RateLimit-Reset for a 429', () => {
    expect(retryDelay(appwriteError(429, 'general_rate_limit_exceeded', NOW / 1000 + 30), 0, opts)?.delayMs).toBe(30_100);
  });
  it('gives up at once when the window ends beyond the limit', () => {
    expect(retryDelay(appwriteError(429, 'general_rate_limit_exceeded', NOW / 1000 + 3600), 0, opts)).toBeUndefined();
  });
  it('backs off exponentially for 5xx, a 429 without reset, and dropped connections', () => {
    expect(retryDelay(appwriteError(503), 0, opts)?.delayMs).toBe(250);
    expect(retryDelay(appwriteError(502), 2, opts)?.delayMs).toBe(1000);
    expect(retryDelay(appwriteError(429), 1, opts)?.delayMs).toBe(500);
    expect(retryDelay(appwriteError(500), 10, opts)?.delayMs).toBe(8000);
    expect(retryDelay(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), 0, opts)?.reason).toBe('connection failed');
  });
  it('never retries what waiting cannot fix', () => {
    expect(retryDelay(appwriteError(401, 'general_unauthorized_scope'), 0, opts)).toBeUndefined();
    expect(retryDelay(appwriteError(404, 'general_route_not_found'), 0, opts)).toBeUndefined();
    expect(retryDelay(new Error('bug'), 0, opts)).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('retries until success, sleeping the computed delays', async () => {
    const slept: number[] = [];
    let calls = 0;
    const r = await withRetry(async () => {
      calls++;
      if (calls < 3) throw appwriteError(503);
      return 'ok';
    }, { ...opts, sleep: async (ms) => void slept.push(ms) });
    expect([r, calls, slept]).toEqual(['ok', 3, [250, 500]]);
  });
  it('stops after maxRetries and rethrows the last error', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw appwriteError(500); }, { ...opts, sleep: async () => {} })).rejects.toMatchObject({ code: 500 });
    expect(calls).toBe(4);
  });
});

/**
 * Retries for reads that failed for reasons that pass: 429 (wait for the window in X-RateLimit-Reset),
 * 5xx and dropped connections (exponential backoff with jitter). Anything else fails at once: a missing
 * scope does not fix itself.
 */
import { isAppwriteError, isRetryable } from './errors.js';

export interface RetryOptions {
  maxRetries: number;
  /** First backoff delay; doubles each attempt. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest wait for a rate-limit window; a later reset fails the read instead of stalling the audit. */
  maxRateLimitWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  /** Wall clock in ms (X-RateLimit-Reset is a Unix time). */
  now?: () => number;
  /** 0..1; injectable so that tests are deterministic. */
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  signal?: AbortSignal;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The delay before the next attempt, or undefined when the error must not be retried now. */
export function retryDelay(err: unknown, attempt: number, opts: RetryOptions): { delayMs: number; reason: string } | undefined {
  if (!isRetryable(err)) return undefined;
  const base = opts.baseDelayMs ?? 250;
  const max = opts.maxDelayMs ?? 8000;
  const backoff = Math.min(max, base * 2 ** attempt) * (0.5 + 0.5 * (opts.random ?? Math.random)());
  if (isAppwriteError(err) && err.code === 429) {
    const reset = err.responseMeta?.rateLimitReset;
    if (reset !== undefined && Number.isFinite(reset)) {
      // The window ends at `reset` (whole seconds); a little slack avoids landing just before it.
      const wait = Math.max(0, reset * 1000 - (opts.now ?? Date.now)()) + 100;
      if (wait > opts.maxRateLimitWaitMs) return undefined;
      return { delayMs: wait, reason: `rate limited (429), window resets at ${new Date(reset * 1000).toISOString()}` };
    }
    return { delayMs: backoff, reason: 'rate limited (429) without X-RateLimit-Reset' };
  }
  if (isAppwriteError(err)) return { delayMs: backoff, reason: `server error ${err.code}` };
  return { delayMs: backoff, reason: 'connection failed' };
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= opts.maxRetries || opts.signal?.aborted) throw err;
      const next = retryDelay(err, attempt, opts);
      if (!next) throw err;
      opts.onRetry?.({ attempt: attempt + 1, delayMs: Math.round(next.delayMs), reason: next.reason });
      await sleep(next.delayMs);
    }
  }
}

/**
 * The SDK clients the live collectors use, with one addition: the response headers of each call are
 * kept, because the SDKs drop them and a 429 must be retried after `X-RateLimit-Reset`.
 *
 * Both SDKs build their fetch options in `prepareRequest`; the subclasses below add an undici
 * dispatcher there. node-appwrite calls undici's fetch and the console SDK calls the global fetch,
 * and both honour `dispatcher`. The dispatcher also bounds every request (connect, headers and body
 * timeouts) and is closed when the audit ends, so no socket outlives it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client as ConsoleClient } from '@appwrite.io/console';
import { Client as ServerClient } from 'node-appwrite';
import { Agent, type Dispatcher } from 'undici';

export interface ResponseMeta {
  status?: number;
  /** Unix seconds at which the rate-limit window resets. */
  rateLimitReset?: number;
  rateLimitRemaining?: number;
}

const current = new AsyncLocalStorage<ResponseMeta>();

/** An undici Agent that notes status and rate-limit headers of every response into the current call's meta. */
class TapAgent extends Agent {
  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
    const meta = current.getStore();
    if (!meta) return super.dispatch(opts, handler);
    const wrapped = new Proxy(handler, {
      get(target, prop, receiver) {
        if (prop === 'onHeaders') {
          return (statusCode: number, headers: Buffer[] | string[], resume: () => void, statusText: string) => {
            meta.status = statusCode;
            for (let i = 0; i + 1 < headers.length; i += 2) {
              const name = headers[i]!.toString().toLowerCase();
              if (name === 'x-ratelimit-reset') meta.rateLimitReset = Number(headers[i + 1]!.toString());
              if (name === 'x-ratelimit-remaining') meta.rateLimitRemaining = Number(headers[i + 1]!.toString());
            }
            return target.onHeaders ? target.onHeaders(statusCode, headers as Buffer[], resume, statusText) : true;
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    return super.dispatch(opts, wrapped);
  }
}

export interface TransportOptions {
  timeoutMs: number;
  selfSigned?: boolean;
}

export function createAgent(opts: TransportOptions): Agent {
  return new TapAgent({
    connect: { timeout: Math.min(opts.timeoutMs, 10_000), rejectUnauthorized: !opts.selfSigned },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    keepAliveTimeout: 4_000,
  });
}

/** An error thrown by an SDK call, with the response headers the SDK dropped. */
export type WithMeta<E> = E & { responseMeta?: ResponseMeta };

async function tapped<T>(fn: () => Promise<T>): Promise<T> {
  const meta: ResponseMeta = {};
  try {
    return await current.run(meta, fn);
  } catch (err) {
    if (err && typeof err === 'object') (err as WithMeta<object>).responseMeta = meta;
    throw err;
  }
}

type ServerPrepare = ReturnType<ServerClient['prepareRequest']>;
type ConsolePrepare = ReturnType<ConsoleClient['prepareRequest']>;

/** node-appwrite's Client (API key), routed through our agent. */
export class TappedServerClient extends ServerClient {
  private readonly agent: Agent;
  constructor(agent: Agent) {
    super();
    this.agent = agent;
  }
  override prepareRequest(...args: Parameters<ServerClient['prepareRequest']>): ServerPrepare {
    const r = super.prepareRequest(...args);
    (r.options as { dispatcher?: Dispatcher }).dispatcher = this.agent;
    return r;
  }
  override call(...args: Parameters<ServerClient['call']>): Promise<unknown> {
    return tapped(() => super.call(...args));
  }
}

/** The console SDK's Client (console session cookie), routed through our agent. */
export class TappedConsoleClient extends ConsoleClient {
  private readonly agent: Agent;
  constructor(agent: Agent) {
    super();
    this.agent = agent;
  }
  override prepareRequest(...args: Parameters<ConsoleClient['prepareRequest']>): ConsolePrepare {
    const r = super.prepareRequest(...args);
    (r.options as { dispatcher?: unknown }).dispatcher = this.agent;
    // The SDK asks for browser credential handling; meaningless in Node and rejected by some fetch builds.
    delete (r.options as { credentials?: unknown }).credentials;
    return r;
  }
  override call(...args: Parameters<ConsoleClient['call']>): Promise<unknown> {
    return tapped(() => super.call(...args));
  }
}

/**
 * The key inventory behind `keys list`: API keys and dev keys of each environment, read the same way
 * the audit reads them (1.9.5+: the key lists keys; before: the console does), secrets reduced to a
 * redacted preview.
 */
import { Projects } from '@appwrite.io/console';
import { Project } from 'node-appwrite';
import type { Redactor } from '../core/redact.js';
import { createCaller } from './caller.js';
import type { LiveSettings } from './config.js';
import type { ResolvedEnvironment } from './environments.js';
import { LiveReadError, type LiveErrorInfo } from './errors.js';
import { devKeyFrom, keyFrom } from './normalize.js';
import { compareVersions, OPERATIONS } from './operations.js';
import type { LiveDevKey, LiveKey } from './snapshot.js';
import { createAgent, TappedConsoleClient, TappedServerClient } from './transport.js';

type Raw = Record<string, unknown>;

export interface KeyInventory {
  environment: string;
  endpoint: string;
  projectId: string;
  production: boolean;
  version?: string;
  keys?: LiveKey[];
  devKeys?: LiveDevKey[];
  errors: LiveErrorInfo[];
}

export async function readKeyInventory(env: ResolvedEnvironment, opts: { redactor: Redactor; settings: LiveSettings; progress?: (m: string) => void }): Promise<KeyInventory> {
  const cfg = env.config;
  const endpoint = cfg.endpoint.replace(/\/+$/, '');
  const agent = createAgent({ timeoutMs: opts.settings.requestTimeoutMs, selfSigned: cfg.selfSigned });
  let version: string | undefined;
  const api = createCaller({
    endpoint,
    concurrency: 4,
    pageSize: opts.settings.pageSize,
    maxRetries: opts.settings.maxRetries,
    maxRateLimitWaitMs: opts.settings.maxRateLimitWaitSeconds * 1000,
    version: () => version,
    onRetry: (op, i) => opts.progress?.(`${env.name}: ${OPERATIONS[op].path}: ${i.reason}; retry ${i.attempt}`),
  });
  const out: KeyInventory = { environment: env.name, endpoint, projectId: cfg.projectId, production: cfg.production, errors: [] };
  const attempt = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      if (err instanceof LiveReadError) out.errors.push(err.info);
      else throw err;
    }
  };
  try {
    await attempt(async () => {
      const r = (await api.call('health.version', () => new TappedServerClient(agent).setEndpoint(endpoint).call('get', new URL(`${endpoint}/health/version`)))) as Raw;
      if (typeof r.version === 'string') version = r.version;
    });
    if (out.errors.length === 0) out.version = version;
    const modern = version === undefined || compareVersions(version, '1.9.5') >= 0;
    let legacy = !modern;
    if (modern) {
      const project = new Project(new TappedServerClient(agent).setEndpoint(endpoint).setProject(cfg.projectId).setKey(env.secret));
      await attempt(async () => {
        try {
          out.keys = (await api.listAll('project.listKeys', (queries) => project.listKeys({ queries }), 'keys')).map((k) => keyFrom(k, opts.redactor));
        } catch (err) {
          // Unknown version and no /v1/project routes: an older server, read it the console way.
          if (version === undefined && err instanceof LiveReadError && err.info.kind === 'route-missing') legacy = true;
          else throw err;
        }
      });
      if (!legacy) await attempt(async () => void (out.devKeys = (((await api.call('project.get', () => project.get() as Promise<unknown>)) as Raw).devKeys as Raw[] | undefined ?? []).map((k) => devKeyFrom(k, opts.redactor))));
    }
    if (legacy) {
      if (!env.consoleSession) {
        const o = OPERATIONS['console.getProject'];
        out.errors.push({ operation: 'console.getProject', request: `${o.method} ${o.path}`, kind: 'needs-console', message: `Appwrite ${version ?? '(version unknown)'} lists keys only to the console (before 1.9.5)`, hint: `set consoleSessionEnv for environment "${env.name}", or upgrade to 1.9.5+` });
      } else {
        const client = new TappedConsoleClient(agent).setEndpoint(endpoint).setProject('console').setMode('admin').setCookie(`a_session_console=${env.consoleSession}`);
        await attempt(async () => {
          const p = (await api.call('console.getProject', () => new Projects(client).get({ projectId: cfg.projectId }) as Promise<unknown>)) as Raw;
          out.keys = ((p.keys as Raw[] | undefined) ?? []).map((k) => keyFrom(k, opts.redactor));
          out.devKeys = ((p.devKeys as Raw[] | undefined) ?? []).map((k) => devKeyFrom(k, opts.redactor));
        });
      }
    }
    return out;
  } finally {
    await agent.close();
  }
}

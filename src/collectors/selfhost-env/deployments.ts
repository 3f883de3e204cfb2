import { isAppwriteVarName, isSecretVarName } from '../../appwrite/env-vars.js';
import type { ComposeFile, ComposeService } from '../compose/schema.js';
import type { Deployment, EnvFileFact, ProxyFact, Setting } from './schema.js';
import { compareText } from '../../core/compare.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

export function isAppwriteImage(repository: string | undefined): boolean {
  return repository === 'appwrite/appwrite' || repository?.endsWith('/appwrite/appwrite') === true;
}

/** A service that runs Appwrite: the official image, a name from the config, or `_APP_*` settings of its own. */
export function isAppwriteService(s: ComposeService, extraNames: readonly string[]): boolean {
  return isAppwriteImage(s.image?.repository) || extraNames.includes(s.name) || s.environment.some((e) => e.key.startsWith('_APP_'));
}

/** Published on an interface other than loopback (a port with no host IP listens on all of them). */
export function isExternallyPublished(p: { hostIp?: string }): boolean {
  return p.hostIp === undefined || p.hostIp === '' || !LOOPBACK.test(p.hostIp);
}

/**
 * Builds the merged per-deployment view. A deployment is a compose project (the compose files of one
 * folder, the `.env` beside them and the env_file files of its Appwrite services) or a stand-alone env
 * file. Precedence follows compose: inline `environment:` values of Appwrite services override the
 * `.env`; among services, `appwrite` (the API) wins over workers. Known simplification: a `.env` value
 * counts even when no service lists the variable (Appwrite's own compose lists them all).
 */
export function buildDeployments(envFiles: readonly EnvFileFact[], composeFiles: readonly ComposeFile[], extraAppwriteServices: readonly string[]): Deployment[] {
  const envByPath = new Map(envFiles.map((f) => [f.path, f]));
  const claimed = new Set<string>();
  const out: Deployment[] = [];

  const projects = new Map<string, ComposeFile[]>();
  for (const f of composeFiles) projects.set(f.project, [...(projects.get(f.project) ?? []), f]);

  for (const [dir, files] of projects) {
    const ordered = [...files].sort((a, b) => (a.role === b.role ? compareText(a.path, b.path) : a.role === 'base' ? -1 : 1));
    const services = ordered.flatMap((f) => f.services.map((s) => ({ file: f.path, s })));
    const appwriteSvcs = services.filter(({ s }) => isAppwriteService(s, extraAppwriteServices));
    const beside = dir === '.' ? '.env' : `${dir}/.env`;
    const interpolation = ordered.find((f) => f.interpolationEnv)?.interpolationEnv;
    const dotenv = envByPath.get(interpolation ?? beside);
    const envFileRefs = [...new Set(appwriteSvcs.flatMap(({ s }) => s.envFiles.map((r) => r.path)))];
    const sourceFiles = [dotenv?.path, ...envFileRefs].filter((p): p is string => !!p && envByPath.has(p) && envByPath.get(p)!.kind === 'env');
    for (const p of sourceFiles) claimed.add(p);

    const settings: Record<string, Setting> = {};
    for (const p of sourceFiles) addFileSettings(settings, envByPath.get(p)!);
    // Workers first, the API service last: its inline values win.
    const byPriority = [...appwriteSvcs].sort((a, b) => (a.s.name === 'appwrite' ? 1 : 0) - (b.s.name === 'appwrite' ? 1 : 0));
    for (const { file, s } of byPriority) {
      for (const e of s.environment) {
        if (e.bare) continue; // resolved from the .env, already counted
        const passThrough = e.refs.length === 1 && e.refs[0] === e.key && !e.fromEnvironment && settings[e.key]?.value === e.value;
        if (passThrough) continue; // `_APP_X=${_APP_X}`: the value and its line live in the .env
        settings[e.key] = {
          name: e.key,
          value: e.value,
          fromEnvironment: e.fromEnvironment,
          location: { path: file, line: e.line, column: e.column },
          origin: 'compose',
          service: s.name,
        };
      }
    }
    const containerSecrets: Setting[] = [];
    for (const { file, s } of services) {
      if (isAppwriteService(s, extraAppwriteServices)) continue;
      for (const e of s.environment) {
        if (e.bare || !isSecretVarName(e.key)) continue;
        // `MYSQL_PASSWORD=${_APP_DB_PASS}`: the Appwrite setting is judged itself; do not report it twice.
        if (e.refs.length === 1 && isAppwriteVarName(e.refs[0]!) && (e.fromEnvironment || settings[e.refs[0]!]?.value === e.value)) continue;
        containerSecrets.push({ name: e.key, value: e.value, fromEnvironment: e.fromEnvironment, location: { path: file, line: e.line, column: e.column }, origin: 'compose', service: s.name });
      }
    }
    const hasAppwriteSettings = Object.keys(settings).some((k) => k.startsWith('_APP_'));
    const direct = appwriteSvcs.flatMap(({ file, s }) => s.ports.filter(isExternallyPublished).map((p) => ({ service: s.name, location: { path: file, line: p.line, column: p.column } })))[0];
    const proxy = findProxy(services);
    out.push({
      id: dir,
      primary: dotenv?.path ?? ordered[0]!.path,
      envFiles: sourceFiles,
      composeFiles: ordered.map((f) => f.path),
      appwrite: appwriteSvcs.length > 0 || hasAppwriteSettings,
      settings,
      containerSecrets,
      appwriteServices: appwriteSvcs.map(({ s }) => s.name),
      composeVariables: [...new Set(ordered.flatMap((f) => f.variables))].sort(),
      ...(proxy ? { proxy } : {}),
      ...(direct ? { directlyPublished: direct } : {}),
    });
  }

  for (const f of envFiles) {
    if (f.kind !== 'env' || f.error || claimed.has(f.path)) continue;
    const settings: Record<string, Setting> = {};
    addFileSettings(settings, f);
    out.push({
      id: f.path,
      primary: f.path,
      envFiles: [f.path],
      composeFiles: [],
      appwrite: f.entries.some((e) => e.key.startsWith('_APP_')),
      settings,
      containerSecrets: [],
      appwriteServices: [],
      composeVariables: [],
    });
  }
  return out.sort((a, b) => compareText(a.id, b.id));
}

function addFileSettings(settings: Record<string, Setting>, f: EnvFileFact): void {
  for (const e of f.entries) {
    if (e.overridden || !isAppwriteVarName(e.key)) continue;
    settings[e.key] = {
      name: e.key,
      value: e.value,
      fromEnvironment: e.inherited || e.fromEnvironment,
      location: { path: f.path, line: e.line, column: e.column },
      origin: 'env-file',
    };
  }
}

function findProxy(services: { file: string; s: ComposeService }[]): ProxyFact | undefined {
  const t = services.find(({ s }) => /(^|\/)traefik$/.test(s.image?.repository ?? ''));
  if (!t) return undefined;
  const insecure = t.s.command.some((c) => /forwardedheaders\.insecure(=true)?$/i.test(c));
  return { service: t.s.name, kind: 'traefik', passesClientForwardedHeaders: insecure, location: { path: t.file, line: t.s.line, column: t.s.column } };
}


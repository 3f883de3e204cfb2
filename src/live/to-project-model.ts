/**
 * A live snapshot as the source-independent project model (src/appwrite/project-model.ts), so that the
 * permission, bucket, function and auth checks written for appwrite.json run unchanged on the deployed
 * state. Locations are API addresses of the resources. Parts that could not be read become `failures`,
 * which the checks report as `error`: a partial model never passes silently.
 */
import type { ConfigFailure } from '../collectors/appwrite-config/schema.js';
import type { DataResourceModel, PermissionRef, ProjectModel, SettingsModel, SourceRef } from '../appwrite/project-model.js';
import type { LiveSnapshot, Section } from './snapshot.js';

export function liveSource(s: Pick<LiveSnapshot, 'endpoint' | 'projectId' | 'environment'>): string {
  return `${s.endpoint}/projects/${s.projectId} (env ${s.environment})`;
}

const at = (path: string): SourceRef => ({ path });

function perms(values: readonly string[], location: SourceRef): PermissionRef[] {
  return values.map((value) => ({ value, location }));
}

/** The parts of a snapshot the project model carries; their failures make the model incomplete. */
const MODEL_SECTIONS = ['databases', 'buckets', 'functions', 'webhooks', 'policies', 'authMethods', 'services', 'protocols', 'mockNumbers'] as const;

export function toProjectModel(s: LiveSnapshot): { project: ProjectModel; failures: ConfigFailure[] } {
  const ep = s.endpoint;
  const source = liveSource(s);
  const ok = <T>(sec: Section<T>): T | undefined => (sec.state === 'ok' ? sec.value : undefined);

  const databases = ok(s.databases) ?? [];
  const dataResources: DataResourceModel[] = databases.flatMap((db) =>
    db.collections.map((c) => {
      const location = at(c.kind === 'table' ? `${ep}/tablesdb/${db.id}/tables/${c.id}` : `${ep}/databases/${db.id}/collections/${c.id}`);
      return {
        kind: c.kind,
        id: c.id,
        name: c.name,
        databaseId: db.id,
        enabled: c.enabled,
        security: c.security,
        permissions: perms(c.permissions, location),
        fields: c.fields.map((f) => ({ key: f.key, type: f.type, ...(f.format ? { format: f.format } : {}), ...(f.encrypt ? { encrypt: true } : {}) })),
        location,
      };
    }),
  );

  const policies = ok(s.policies);
  const mocks = ok(s.mockNumbers);
  const settings: SettingsModel = {
    location: at(`${ep}/project`),
    positions: {},
    ...(ok(s.services) ? { services: ok(s.services) } : {}),
    ...(ok(s.protocols) ? { protocols: ok(s.protocols) } : {}),
    ...(ok(s.authMethods) ? { authMethods: ok(s.authMethods) } : {}),
    ...(policies || mocks
      ? {
          security: {
            ...(policies
              ? {
                  duration: policies.sessionDuration,
                  limit: policies.userLimit,
                  sessionsLimit: policies.sessionsLimit,
                  passwordHistory: policies.passwordHistory,
                  passwordDictionary: policies.passwordDictionary,
                  personalDataCheck: policies.personalDataCheck,
                  sessionAlerts: policies.sessionAlerts,
                }
              : {}),
            // The fixed codes are not kept: a live audit has no business holding them.
            ...(mocks ? { mockNumbers: mocks.map((m) => ({ phone: m.phone, otp: '' })) } : {}),
          },
        }
      : {}),
  };

  const project: ProjectModel = {
    origin: 'live-api',
    source,
    format: '1.8+',
    projectId: s.projectId,
    ...(ok(s.project)?.name ? { projectName: ok(s.project)!.name } : {}),
    endpoint: ep,
    databases: databases.map((d) => ({ id: d.id, name: d.name, enabled: d.enabled, kind: d.type === 'legacy' ? 'databases' : 'tablesDB', location: at(`${ep}/tablesdb/${d.id}`) })),
    dataResources,
    buckets: (ok(s.buckets) ?? []).map((b) => {
      const location = at(`${ep}/storage/buckets/${b.id}`);
      return {
        id: b.id,
        name: b.name,
        enabled: b.enabled,
        fileSecurity: b.fileSecurity,
        permissions: perms(b.permissions, location),
        maximumFileSize: b.maximumFileSize,
        allowedFileExtensions: b.allowedFileExtensions,
        encryption: b.encryption,
        antivirus: b.antivirus,
        location,
      };
    }),
    functions: (ok(s.functions) ?? []).map((f) => {
      const location = at(`${ep}/functions/${f.id}`);
      return {
        id: f.id,
        name: f.name,
        runtime: f.runtime,
        enabled: f.enabled,
        execute: perms(f.execute, location),
        scopes: f.scopes,
        events: f.events,
        ...(f.schedule ? { schedule: f.schedule } : {}),
        // Names only: the live audit never keeps variable values.
        vars: f.variableNames.map((key) => ({ key, value: '' })),
        location,
        executeLocation: location,
        scopesLocation: location,
      };
    }),
    sites: [],
    teams: [],
    topics: [],
    webhooks: (ok(s.webhooks) ?? []).map((w) => ({ id: w.id, name: w.name, url: w.url, events: w.events, enabled: w.enabled, tls: w.tls, location: at(`${ep}/webhooks/${w.id}`) })),
    settings,
  };

  const failures: ConfigFailure[] = [];
  for (const name of MODEL_SECTIONS) {
    const sec = s[name];
    // The request's own URL, so that two unreadable parts of one project stay two findings.
    if (sec.state === 'error') failures.push({ path: `${new URL(ep).origin}${sec.error.request.replace(/^\S+ /, '').replace('{projectId}', s.projectId)}`, message: `${sec.error.message} (env ${s.environment}). Fix: ${sec.error.hint}` });
  }
  return { project, failures: dedupe(failures) };
}

/** One failure per distinct message: on 1.8 a missing console session fails many parts for one reason. */
function dedupe(failures: ConfigFailure[]): ConfigFailure[] {
  const seen = new Set<string>();
  return failures.filter((f) => (seen.has(f.message) ? false : (seen.add(f.message), true)));
}

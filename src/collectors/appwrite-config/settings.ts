import type { MockNumberModel, SettingsModel, SourceRef } from '../../appwrite/project-model.js';
import { PositionIndex } from './positions.js';
import { isObject, ObjectReader, type JsonObject, type ReadContext } from './reader.js';

const SERVICES = new Set(['account', 'avatars', 'databases', 'locale', 'health', 'storage', 'teams', 'users', 'sites', 'functions', 'graphql', 'messaging', 'proxy', 'vcs', 'migrations', 'tokens']);
const PROTOCOLS = new Set(['rest', 'graphql', 'websocket']);
const METHODS = new Set(['jwt', 'phone', 'invites', 'anonymous', 'email-otp', 'magic-url', 'email-password']);
const SECURITY = new Set(['duration', 'limit', 'sessionsLimit', 'passwordHistory', 'passwordDictionary', 'personalDataCheck', 'sessionAlerts', 'mockNumbers', 'membershipsUserName', 'membershipsUserEmail', 'membershipsMfa', 'invalidateSessions']);

/**
 * `settings` (CLI 6+): services, protocols (1.8+), auth methods and auth security. Settings have no `$id`,
 * so positions come from the first `"settings"` key onwards.
 */
export function readSettings(ctx: ReadContext, raw: JsonObject): SettingsModel {
  const start = findKey(ctx.pos, '"settings"', 0) ?? 0;
  const span = { start, end: ctx.pos.text.length };
  const positions: Record<string, SourceRef> = {};
  const at = (key: string, from = start): SourceRef => {
    const off = findKey(ctx.pos, JSON.stringify(key), from);
    return off === undefined ? { path: ctx.path, line: ctx.pos.lineOf(start) } : { path: ctx.path, line: ctx.pos.lineOf(off) };
  };
  const root = new ObjectReader(ctx, raw, span, 'settings');
  root.unknownKeys(new Set(['services', 'protocols', 'auth']));
  const model: SettingsModel = { location: { path: ctx.path, line: ctx.pos.lineOf(start) }, positions };

  const flags = (obj: JsonObject | undefined, name: string, known: ReadonlySet<string>): Record<string, boolean> | undefined => {
    if (!obj) return undefined;
    const from = findKey(ctx.pos, JSON.stringify(name), start) ?? start;
    const out: Record<string, boolean> = {};
    for (const [k, v] of Object.entries(obj)) {
      const where = at(k, from);
      if (!known.has(k)) ctx.warn(`settings.${name}: unknown key "${k}" (ignored)`, where.line);
      if (typeof v !== 'boolean') {
        ctx.problems.push({ kind: 'invalid-value', path: ctx.path, line: where.line, message: `settings.${name}.${k} must be true or false, got ${JSON.stringify(v)}. Fix: use true or false` });
        continue;
      }
      out[k] = v;
      positions[`${name}.${k}`] = where;
    }
    return out;
  };
  model.services = flags(root.object('services'), 'services', SERVICES);
  model.protocols = flags(root.object('protocols'), 'protocols', PROTOCOLS);

  const auth = root.object('auth');
  if (auth) {
    const authReader = new ObjectReader(ctx, auth, span, 'settings.auth');
    authReader.unknownKeys(new Set(['methods', 'security']));
    const methods = flags(authReader.object('methods'), 'methods', METHODS);
    if (methods) {
      model.authMethods = methods;
      for (const k of Object.keys(methods)) positions[`auth.methods.${k}`] = positions[`methods.${k}`]!;
    }
    const security = authReader.object('security');
    if (security) {
      const secFrom = findKey(ctx.pos, '"security"', start) ?? start;
      const s = new ObjectReader(ctx, security, { start: secFrom, end: span.end }, 'settings.auth.security');
      s.unknownKeys(SECURITY);
      for (const k of Object.keys(security)) positions[`auth.security.${k}`] = at(k, secFrom);
      const num = (k: string) => s.num(k);
      const duration = num('duration');
      model.security = {
        ...(typeof duration === 'number' ? { duration } : {}),
        ...(s.has('limit') ? { limit: num('limit') } : {}),
        ...(s.has('sessionsLimit') ? { sessionsLimit: num('sessionsLimit') } : {}),
        ...(s.has('passwordHistory') ? { passwordHistory: num('passwordHistory') } : {}),
        passwordDictionary: s.bool('passwordDictionary'),
        personalDataCheck: s.bool('personalDataCheck'),
        sessionAlerts: s.bool('sessionAlerts'),
        ...(s.has('mockNumbers') ? { mockNumbers: readMockNumbers(ctx, security.mockNumbers, positions['auth.security.mockNumbers']) } : {}),
      };
    }
  }
  return model;
}

function readMockNumbers(ctx: ReadContext, raw: unknown, where: SourceRef | undefined): MockNumberModel[] {
  if (!Array.isArray(raw)) {
    ctx.problems.push({ kind: 'invalid-value', path: ctx.path, line: where?.line, message: 'settings.auth.security.mockNumbers must be a list of { "phone", "otp" }. Fix: write it as [] when unused' });
    return [];
  }
  const out: MockNumberModel[] = [];
  for (const m of raw) {
    if (!isObject(m) || typeof m.phone !== 'string' || typeof m.otp !== 'string') {
      ctx.problems.push({ kind: 'invalid-value', path: ctx.path, line: where?.line, message: 'settings.auth.security.mockNumbers entries must be { "phone": "+1…", "otp": "123456" }. Fix: correct or remove the entry' });
      continue;
    }
    // A mock OTP is a standing password for that phone number.
    ctx.secret(m.otp);
    out.push({ phone: m.phone, otp: m.otp });
  }
  return out;
}

function findKey(pos: PositionIndex, needle: string, from: number): number | undefined {
  let at = pos.text.indexOf(needle, from);
  while (at !== -1) {
    if (/^\s*:/.test(pos.text.slice(at + needle.length, at + needle.length + 8))) return at;
    at = pos.text.indexOf(needle, at + needle.length);
  }
  return undefined;
}

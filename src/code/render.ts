/**
 * The endpoint inventory as text, Markdown or JSON (`appwrite-secops endpoints`). Findings go through
 * src/reporters; this renders the inventory itself, which is evidence rather than findings.
 */
import { formatRateLimit } from '../appwrite/endpoints.js';
import { compareScopes } from './least-privilege.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CallSite, Runtime, SourceInventory } from './types.js';

export const INVENTORY_FORMATS = ['text', 'markdown', 'json'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];
export const INVENTORY_SCHEMA_VERSION = 1;

const RUNTIME_ORDER: Runtime[] = ['client', 'server', 'function', 'unknown'];

export function renderInventory(inv: SourceInventory, format: InventoryFormat, opts: { root?: string } = {}): string {
  if (format === 'json') return `${JSON.stringify(inventoryJson(inv, opts.root), null, 2)}\n`;
  if (format === 'markdown') return renderMarkdown(inv);
  return renderText(inv);
}

export function inventorySummary(inv: SourceInventory): { callSites: number; files: number; byRuntime: Record<Runtime, number>; clientKeyUses: number; incomplete: number } {
  const byRuntime = Object.fromEntries(RUNTIME_ORDER.map((r) => [r, 0])) as Record<Runtime, number>;
  for (const s of inv.callSites) byRuntime[s.runtime]++;
  return {
    callSites: inv.callSites.length,
    files: new Set(inv.callSites.map((s) => s.path)).size,
    byRuntime,
    clientKeyUses: inv.keyUses.filter((k) => k.runtime === 'client').length,
    incomplete: inv.incomplete.length,
  };
}

/**
 * The key scopes each server-side component needs: every Appwrite function, and every server file that
 * makes key calls (an API route, a server action, a load function), as the minimal set for its calls.
 */
export function keyScopesNeeded(inv: SourceInventory): { component: string; kind: 'function' | 'server-file'; needed: string[]; declared: string[] | null }[] {
  const out: ReturnType<typeof keyScopesNeeded> = [];
  for (const f of inv.functions) {
    const sites = inv.callSites.filter((s) => s.functionId === f.id);
    out.push({ component: f.id, kind: 'function', needed: compareScopes([], sites).minimal, declared: f.scopes });
  }
  const files = [...new Set(inv.callSites.filter((s) => s.runtime === 'server' && s.auth === 'key').map((s) => s.path))];
  for (const file of files) out.push({ component: file, kind: 'server-file', needed: compareScopes([], inv.callSites.filter((s) => s.path === file && s.runtime === 'server')).minimal, declared: null });
  return out;
}

export function inventoryJson(inv: SourceInventory, root?: string): Record<string, unknown> {
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ...(root ? { root } : {}),
    catalog: inv.catalog,
    summary: inventorySummary(inv),
    callSites: inv.callSites,
    keyUses: inv.keyUses,
    sdkImports: inv.sdkImports,
    functions: inv.functions,
    keyScopes: keyScopesNeeded(inv),
    files: inv.files,
    incomplete: inv.incomplete,
  };
}

function headline(inv: SourceInventory): string {
  const s = inventorySummary(inv);
  const parts = RUNTIME_ORDER.filter((r) => s.byRuntime[r] > 0).map((r) => `${r} ${s.byRuntime[r]}`);
  return `${s.callSites} Appwrite call site(s) in ${s.files} file(s)${parts.length ? ` (${parts.join(', ')})` : ''}; catalog: Appwrite ${inv.catalog.appwrite} specs`;
}

function authText(s: CallSite): string {
  return s.auth === 'unknown' ? 'auth unknown' : `with ${s.auth}`;
}

function scopeText(s: CallSite): string {
  if (!s.operationId) return 'not in catalog';
  return s.scopes.length ? s.scopes.join(' or ') : 'none';
}

function renderText(inv: SourceInventory): string {
  const lines = [`Appwrite endpoint inventory: ${headline(inv)}`];
  for (const runtime of RUNTIME_ORDER) {
    const sites = inv.callSites.filter((s) => s.runtime === runtime);
    if (!sites.length) continue;
    lines.push('', `${runtime.toUpperCase()} (${sites.length})`);
    let file = '';
    for (const s of sites) {
      if (s.path !== file) {
        file = s.path;
        lines.push(`  ${file}  [${s.runtimeReason}]`);
      }
      const op = s.operationId ?? `${s.service}.${s.method}`;
      const http = s.http ? `${s.http} ${s.apiPath}` : '';
      lines.push(`    ${s.line}:${s.column}  ${op}  ${http}`.trimEnd());
      lines.push(`        ${authText(s)}; accepts ${s.authModes.join(', ') || '?'}; scope ${scopeText(s)}; rate limit ${s.rateLimit ? formatRateLimit(s.rateLimit) : '?'}${s.deprecated ? `; deprecated since ${s.deprecated.since}, use ${s.deprecated.replaceWith}` : ''}${s.resolution === 'name' || s.resolution === 'method' ? `; mapped by ${s.resolution}` : ''}`);
    }
  }
  const clientKeys = inv.keyUses.filter((k) => k.runtime === 'client');
  if (clientKeys.length) {
    lines.push('', `API KEYS IN CLIENT CODE (${clientKeys.length})`);
    for (const k of clientKeys) lines.push(`  ${k.path}:${k.line}  ${k.kind}`);
  }
  const needs = keyScopesNeeded(inv);
  if (needs.length) {
    lines.push('', 'KEY SCOPES NEEDED (minimal set for the calls found)');
    for (const n of needs) lines.push(`  ${n.kind === 'function' ? `function ${n.component}` : n.component}: ${n.needed.join(', ') || '(none)'}${n.kind === 'function' ? `; declared: ${n.declared === null ? '(not declared)' : n.declared.join(', ') || '(none)'}` : ''}`);
  }
  if (inv.incomplete.length) {
    lines.push('', 'NOT ANALYSED');
    for (const i of inv.incomplete) lines.push(`  ${i.path}: ${i.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function renderMarkdown(inv: SourceInventory): string {
  const out = ['# Appwrite endpoint inventory', '', headline(inv), ''];
  if (inv.callSites.length) {
    out.push('| Location | Operation | HTTP | Runtime | Auth here | Accepts | Scope (any) | Rate limit |', '|---|---|---|---|---|---|---|---|');
    for (const s of inv.callSites) {
      out.push(
        `| \`${cell(`${s.path}:${s.line}`)}\` | \`${cell(s.operationId ?? `${s.service}.${s.method}`)}\` | ${cell(s.http ? `${s.http} ${s.apiPath}` : '')} | ${s.runtime} | ${s.auth} | ${cell(s.authModes.join(', '))} | ${cell(scopeText(s))} | ${cell(s.rateLimit ? formatRateLimit(s.rateLimit) : '')} |`,
      );
    }
    out.push('');
  }
  const needs = keyScopesNeeded(inv);
  if (needs.length) {
    out.push('## Key scopes needed', '', '| Component | Needed (minimal) | Declared |', '|---|---|---|');
    for (const n of needs) out.push(`| ${n.kind === 'function' ? 'function ' : ''}\`${cell(n.component)}\` | ${cell(n.needed.join(', ') || '(none)')} | ${cell(n.declared === null ? (n.kind === 'function' ? '(not declared)' : '(see threat model)') : n.declared.join(', ') || '(none)')} |`);
    out.push('');
  }
  if (inv.incomplete.length) {
    out.push('## Not analysed', '');
    for (const i of inv.incomplete) out.push(`- \`${cell(i.path)}\`: ${cell(i.reason)}`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

import type { Finding } from '../core/finding.js';
import { compareVersions } from './ranges.js';
import { FIX_KINDS, type FixKind } from './remediation.js';
import { VULN_CHECK_ID } from './sla.js';
import { compareText } from '../core/compare.js';

export { VULN_CHECK_ID };

export interface PlanAction {
  kind: FixKind;
  /** Lockfile (or audit file) the action applies to. */
  location: string;
  /** `upgrade`: the package to change (a direct dependency, or the transitive one for refresh/override). */
  package: string;
  from: string;
  to?: string;
  /** Advisory ids this action fixes. */
  advisories: string[];
  /** Why it costs what it costs: the declared range, or the dependent that blocks it. */
  note?: string;
  /** For `override` grouped under a direct dependency: the transitive packages it holds back. */
  heldBack?: { name: string; from: string; to?: string }[];
}

const KIND_ORDER = Object.fromEntries(FIX_KINDS.map((k, i) => [k, i])) as Record<FixKind, number>;

function ev(f: Finding, key: string): string | undefined {
  const v = f.evidence?.[key];
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

/**
 * Groups failing vulnerability findings into actions by direct dependency: one upgrade of a direct
 * dependency that fixes several advisories is one line ("upgrade express 4.17.1 -> 4.21.2 fixes 3
 * advisories"). Built from findings' evidence, so it works on any saved JSON report too.
 */
export function buildPlan(findings: readonly Finding[]): PlanAction[] {
  const actions = new Map<string, PlanAction>();
  for (const f of findings) {
    if (f.checkId !== VULN_CHECK_ID || f.status !== 'fail') continue;
    const kind = (ev(f, 'fixKind') ?? 'none') as FixKind;
    const pkg = ev(f, 'package') ?? f.resource?.id ?? '?';
    const location = f.location?.path ?? '';
    const advisory = ev(f, 'advisory') ?? f.aliases?.[0] ?? '?';
    const direct = ev(f, 'direct');
    const directTarget = ev(f, 'directTarget');
    // an upgrade of the direct dependency groups everything it fixes; packages a direct dependency holds
    // back group under it; the rest stays per package
    const grouped = !!(directTarget && direct);
    const heldBack = !grouped && kind === 'override' && !!direct;
    const target = grouped
      ? { name: direct!, from: ev(f, 'directVersion') ?? '?', to: directTarget }
      : heldBack
        ? { name: direct!, from: ev(f, 'directVersion') ?? '?', to: undefined }
        : { name: pkg, from: ev(f, 'installed') ?? '?', to: ev(f, 'fixedIn') };
    const key = `${location}\u0000${target.name}\u0000${grouped ? 'direct' : kind}`;
    const note = kind === 'refresh' && ev(f, 'directSpec') && direct === target.name ? `inside ${ev(f, 'directSpec')}` : undefined;
    const held = heldBack ? [{ name: pkg, from: ev(f, 'installed') ?? '?', ...(ev(f, 'fixedIn') ? { to: ev(f, 'fixedIn') } : {}) }] : undefined;
    const prev = actions.get(key);
    if (!prev) {
      actions.set(key, { kind, location, package: target.name, from: target.from, ...(target.to ? { to: target.to } : {}), advisories: [advisory], ...(note ? { note } : {}), ...(held ? { heldBack: held } : {}) });
      continue;
    }
    if (!prev.advisories.includes(advisory)) prev.advisories.push(advisory);
    if (KIND_ORDER[kind] > KIND_ORDER[prev.kind]) prev.kind = kind;
    if (target.to && (!prev.to || compareVersions(target.to, prev.to) > 0)) prev.to = target.to;
    prev.note ??= note;
    for (const h of held ?? []) if (!prev.heldBack?.some((x) => x.name === h.name && x.from === h.from)) (prev.heldBack ??= []).push(h);
  }
  return [...actions.values()].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareText(a.location, b.location) || b.advisories.length - a.advisories.length || compareText(a.package, b.package),
  );
}

const HEADINGS: Record<FixKind, string> = {
  refresh: 'Lockfile refresh (no package.json change)',
  minor: 'Minor/patch upgrades (raise the range in package.json)',
  override: 'Blocked by a dependent (upgrade the parent, or override)',
  major: 'Controlled upgrades (MAJOR: review breaking changes)',
  none: 'No fix published (remove, replace, or accept with an owner and expiry)',
};

/** The plan as text: minimal upgrades first, majors flagged. */
export function renderPlan(actions: readonly PlanAction[]): string {
  if (actions.length === 0) return 'Remediation plan: nothing to upgrade.\n';
  const lines = ['Remediation plan (smallest change first):'];
  for (const kind of FIX_KINDS) {
    const group = actions.filter((a) => a.kind === kind);
    if (!group.length) continue;
    lines.push(`  ${HEADINGS[kind]}:`);
    for (const a of group) {
      const n = a.advisories.length;
      const fixes = `fixes ${n} advisor${n === 1 ? 'y' : 'ies'} (${a.advisories.join(', ')})`;
      const what =
        kind === 'none'
          ? `${a.package} ${a.from}: ${a.advisories.join(', ')}`
          : a.heldBack
            ? `${a.package} ${a.from} holds back ${a.heldBack.map((h) => `${h.name} ${h.from}${h.to ? ` (needs >=${h.to})` : ''}`).join(', ')}: upgrade ${a.package} to a release that allows them, or override them; ${fixes}`
            : `${kind === 'override' ? 'override' : 'upgrade'} ${a.package} ${a.from} -> ${a.to ?? '?'} ${fixes}`;
      lines.push(`    ${what}${a.note ? ` [${a.note}]` : ''}${kind === 'major' ? ' [MAJOR]' : ''}  (${a.location})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

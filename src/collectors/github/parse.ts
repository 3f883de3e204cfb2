import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { DependabotConfig, DependabotUpdate, Workflow, WorkflowJob, WorkflowStep } from './schema.js';

export class WorkflowParseError extends Error {
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

function load(text: string, path: string): { root: YAMLMap; lineOf: (n: Node | null | undefined) => number } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) throw new WorkflowParseError(doc.errors[0]!.message.split('\n')[0]!, lc.linePos(doc.errors[0]!.pos[0]).line);
  // Evaluate aliases under the library's limit so an alias bomb fails fast instead of exhausting memory.
  doc.toJS({ maxAliasCount: 100 });
  if (!isMap(doc.contents)) throw new WorkflowParseError(`${path} is not a YAML mapping`, 1);
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
  return { root: doc.contents, lineOf };
}

function str(n: unknown): string | undefined {
  if (isScalar(n)) return n.value === null || n.value === undefined ? undefined : String(n.value);
  return undefined;
}

function stringMap(n: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(n)) for (const p of n.items) if (isScalar(p.key)) out[String(p.key.value)] = isScalar(p.value) ? String(p.value.value ?? '') : JSON.stringify((p.value as Node | null)?.toJSON?.() ?? null);
  return out;
}

function permissionsOf(n: unknown): string | Record<string, string> | undefined {
  if (n === undefined || n === null) return undefined;
  if (isScalar(n)) return String(n.value ?? '');
  if (isMap(n)) return stringMap(n);
  return undefined;
}

function pair(map: YAMLMap, key: string): { value: unknown; keyNode?: Node } {
  const p = map.items.find((i) => isScalar(i.key) && String(i.key.value) === key);
  return { value: p?.value, keyNode: p?.key as Node | undefined };
}

/** Reads one workflow file into the facts the repo checks judge. */
export function parseWorkflow(text: string, path: string): Workflow {
  const { root, lineOf } = load(text, path);
  const on = pair(root, 'on');
  const events: string[] = [];
  if (isScalar(on.value)) {
    events.push(String(on.value.value));
  } else if (isSeq(on.value)) {
    for (const i of on.value.items) if (isScalar(i)) events.push(String(i.value));
  } else if (isMap(on.value)) {
    for (const p of on.value.items) if (isScalar(p.key)) events.push(String(p.key.value));
  }
  const perms = pair(root, 'permissions');
  const jobsNode = pair(root, 'jobs').value;
  const jobs: WorkflowJob[] = [];
  if (isMap(jobsNode)) {
    for (const jp of jobsNode.items) {
      if (!isScalar(jp.key) || !isMap(jp.value)) continue;
      const job = jp.value;
      const jperm = pair(job, 'permissions');
      const steps: WorkflowStep[] = [];
      const stepsNode = pair(job, 'steps').value;
      if (isSeq(stepsNode)) {
        for (const s of stepsNode.items) {
          if (!isMap(s)) continue;
          const uses = pair(s, 'uses');
          const run = pair(s, 'run');
          steps.push({
            uses: str(uses.value),
            run: str(run.value),
            with: stringMap(pair(s, 'with').value),
            env: stringMap(pair(s, 'env').value),
            name: str(pair(s, 'name').value),
            line: lineOf(s as Node),
            ...(uses.value ? { usesLine: lineOf(uses.value as Node) } : {}),
            ...(run.value ? { runLine: lineOf(run.value as Node) } : {}),
          });
        }
      }
      const secrets = pair(job, 'secrets').value;
      jobs.push({
        id: String(jp.key.value),
        line: lineOf(jp.key as Node),
        permissions: permissionsOf(jperm.value),
        ...(jperm.keyNode ? { permissionsLine: lineOf(jperm.keyNode) } : {}),
        uses: str(pair(job, 'uses').value),
        secretsInherit: isScalar(secrets) && secrets.value === 'inherit',
        steps,
      });
    }
  }
  return {
    path,
    name: str(pair(root, 'name').value),
    on: events,
    ...(on.keyNode ? { onLine: lineOf(on.keyNode) } : {}),
    permissions: permissionsOf(perms.value),
    ...(perms.keyNode ? { permissionsLine: lineOf(perms.keyNode) } : {}),
    jobs,
  };
}

export function parseDependabot(text: string, path: string): DependabotConfig {
  const { root, lineOf } = load(text, path);
  const updatesNode = pair(root, 'updates').value;
  const updates: DependabotUpdate[] = [];
  if (isSeq(updatesNode)) {
    for (const u of updatesNode.items) {
      if (!isMap(u)) continue;
      const dirs: string[] = [];
      const d = str(pair(u, 'directory').value);
      if (d) dirs.push(d);
      const ds = pair(u, 'directories').value;
      if (isSeq(ds)) for (const i of ds.items) if (isScalar(i)) dirs.push(String(i.value));
      const cooldown = pair(u, 'cooldown').value;
      const days = isMap(cooldown) ? Number(str(pair(cooldown, 'default-days').value)) : NaN;
      updates.push({
        ecosystem: str(pair(u, 'package-ecosystem').value) ?? '',
        directories: dirs,
        line: lineOf(u as Node),
        ...(Number.isFinite(days) ? { cooldownDays: days } : {}),
        hasGroups: isMap(pair(u, 'groups').value),
      });
    }
  }
  return { path, updates };
}

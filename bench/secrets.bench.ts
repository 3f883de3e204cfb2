import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALL_RULES } from '../src/secrets/rules/index.js';
import { generateTree } from './gen-tree.js';
import type { BenchResult } from './types.js';

/**
 * Secret-scanner throughput on a generated 200 MiB tree with planted secrets, against ripgrep running
 * the same rule regexes and against secretlint's recommended preset, in the same run. The tree lives in
 * a temp dir and is deleted afterwards. BENCH_SECRETS_MIB changes the size.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..');
const TARGET_MIB_S = 50;
const MiB = 1024 * 1024;

export default async function secretsBench(): Promise<BenchResult[]> {
  const sizeMiB = Number(process.env.BENCH_SECRETS_MIB ?? 200);
  const dir = mkdtempSync(path.join(tmpdir(), 'secops-bench-secrets-'));
  const results: BenchResult[] = [];
  try {
    const root = path.join(dir, 'tree');
    const t0 = Date.now();
    const tree = generateTree(root, { totalBytes: sizeMiB * MiB });
    process.stderr.write(`  generated ${(tree.bytes / MiB).toFixed(0)} MiB in ${tree.files} files (${tree.planted.length} planted secrets) in ${Date.now() - t0} ms\n`);

    const ours = runOurs(root);
    const found = tree.planted.filter((p) => ours.findings.some((f) => f.path === p.path && f.ruleId === p.ruleId)).length;
    const oursMiBs = ours.bytes / MiB / (ours.ms / 1000);
    results.push({
      name: `secret scan, ${(tree.bytes / MiB).toFixed(0)} MiB tree (${tree.files} files), ${ours.workers} worker threads`,
      baseline: `target ${TARGET_MIB_S} MiB/s`,
      subjectValue: oursMiBs,
      baselineValue: TARGET_MIB_S,
      unit: 'MiB/s',
      ratio: TARGET_MIB_S / oursMiBs,
      target: 1,
      notes: `found ${found}/${tree.planted.length} planted secrets (${ours.findings.length} findings); peak RSS ${(ours.maxRssKiB / 1024).toFixed(0)} MiB for the whole process; ${ours.ms} ms scanning, ${ours.wallMs} ms with Node start-up`,
    });

    const rg = runRipgrep(root);
    if (rg.installed) {
      const rgMiBs = tree.bytes / MiB / (rg.ms / 1000);
      results.push({
        name: 'secret scan vs ripgrep with the same rule regexes',
        baseline: `ripgrep -P -U (${ALL_RULES.length} rule regexes, no keyword prefilter or entropy)`,
        subjectValue: oursMiBs,
        baselineValue: rgMiBs,
        unit: 'MiB/s',
        ratio: rgMiBs / oursMiBs,
        notes: `ripgrep: ${rg.ms} ms wall, ${rg.matches} raw matches (no placeholder or entropy filtering)`,
      });
    } else process.stdout.write('ripgrep: not installed: apt-get install -y ripgrep\n');

    const sl = runSecretlint(root);
    if (sl.installed) {
      const slMiBs = tree.bytes / MiB / (sl.ms / 1000);
      results.push({
        name: 'secret scan vs secretlint (recommended preset)',
        baseline: 'secretlint 11.7.1 + preset-recommend',
        subjectValue: oursMiBs,
        baselineValue: slMiBs,
        unit: 'MiB/s',
        ratio: slMiBs / oursMiBs,
        notes: `secretlint: ${sl.ms} ms wall, exit ${sl.status}`,
      });
    } else {
      process.stdout.write('secretlint: not installed: npm i -D -E secretlint@11.7.1 @secretlint/secretlint-rule-preset-recommend@11.7.1\n');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

interface OursResult {
  bytes: number;
  ms: number;
  wallMs: number;
  workers: number;
  maxRssKiB: number;
  findings: Array<{ path: string; ruleId: string }>;
}

/** Our scanner in a fresh process, so its peak memory is its own. Findings come back as rule + path only. */
function runOurs(root: string): OursResult {
  const scanUrl = pathToFileURL(path.join(projectRoot, 'src/secrets/scan.ts')).href;
  const code = `
    import { availableParallelism } from 'node:os';
    const { scanSecrets } = await import(${JSON.stringify(scanUrl)});
    const t = performance.now();
    const r = await scanSecrets({ root: ${JSON.stringify(root)}, workers: 'auto' });
    const ms = Math.round(performance.now() - t);
    process.stdout.write(JSON.stringify({ bytes: r.bytesScanned, ms, workers: Math.min(availableParallelism(), 4), maxRssKiB: process.resourceUsage().maxRSS, findings: r.findings.map((f) => ({ path: f.path, ruleId: f.ruleId })) }));
  `;
  const t = Date.now();
  const p = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 * MiB });
  const wallMs = Date.now() - t;
  if (p.status !== 0) throw new Error(`scanner run failed (exit ${p.status}): ${p.stderr.slice(0, 2000)}`);
  return { ...(JSON.parse(p.stdout) as Omit<OursResult, 'wallMs'>), wallMs };
}

/** The rule regexes in PCRE2 form: named groups become plain groups (one alternation cannot repeat a name). */
export function ripgrepPatterns(): string[] {
  return ALL_RULES.map((r) => `(?${r.pattern.flags.includes('i') ? 'i' : ''}:${r.pattern.source.replace(/\(\?<([A-Za-z]\w*)>/g, '(?:')})`);
}

function runRipgrep(root: string): { installed: boolean; ms: number; matches: number } {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { installed: false, ms: 0, matches: 0 };
  const args = ['-P', '-U', '--no-config', '--hidden', '--no-ignore', '-g', '!.git', '--count-matches', '--no-filename', ...ripgrepPatterns().flatMap((p) => ['-e', p]), '.'];
  const t = Date.now();
  const p = spawnSync('rg', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * MiB });
  const ms = Date.now() - t;
  if (p.status !== 0 && p.status !== 1) throw new Error(`ripgrep failed (exit ${p.status}): ${p.stderr.slice(0, 2000)}`);
  const matches = p.stdout.split('\n').filter(Boolean).reduce((n, l) => n + Number(l), 0);
  return { installed: true, ms, matches };
}

function runSecretlint(root: string): { installed: boolean; ms: number; status: number | null } {
  const bin = path.join(projectRoot, 'node_modules', '.bin', 'secretlint');
  const preset = path.join(projectRoot, 'node_modules', '@secretlint', 'secretlint-rule-preset-recommend');
  if (!existsSync(bin) || !existsSync(preset)) return { installed: false, ms: 0, status: null };
  // secretlint resolves its rule packages from the working folder: give the tree the project's modules.
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const t = Date.now();
  const p = spawnSync('npx', ['--no-install', 'secretlint', '**/*', '--format', 'json'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Date.now() - t;
  // Exit 1 means "found secrets"; anything else is a failed run that must not be reported as a speed.
  if (p.status !== 0 && p.status !== 1) throw new Error(`secretlint failed (exit ${p.status}): ${(p.stderr ?? '').slice(0, 2000)}`);
  return { installed: true, ms, status: p.status };
}

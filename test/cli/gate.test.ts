import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

const today = new Date().toISOString().slice(0, 10);

const AUTHZ = `<?xml version="1.0"?>
<testsuites><testsuite name="authz">
<testcase classname="orders" name="cross-tenant: user B cannot read user A's orders"/>
<testcase classname="teams" name="cross-role: a member cannot delete the team"/>
</testsuite></testsuites>`;

const READY_CONFIG = `
threatModel:
  boundaries:
    - { id: browser, trusted: false }
    - { id: backend, trusted: true }
  servicePaths:
    - { id: web, files: ["web/**"], runtime: client, auth: session, boundary: browser }
    - { id: api, files: ["api/**"], runtime: server, auth: key, boundary: backend, permissionBoundary: { scopes: [rows.write] } }
gates:
  authzResults: [authz.xml]
monitoring:
  alertRoutes: [{ name: security, kind: slack, target: SLACK_SECURITY_WEBHOOK }]
  drills: [{ runbook: key-leak, date: ${today} }]
`;

/** The hardened self-hosted example plus what a team adds to be release-ready. */
async function workspace(opts: { authz?: boolean; extraConfig?: string } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gate-'));
  await cp(path.join(ROOT, 'examples', 'selfhosted-hardened'), dir, { recursive: true });
  const cfg = (await readFile(path.join(dir, 'appwrite-secops.yaml'), 'utf8')).replace(/evidence:\n(\s+#.*\n)?\s+retentionDays: 90\n/, 'evidence:\n  retentionDays: 90\n  mirror: { kind: appwrite-secops-store }\n');
  const gates = opts.authz === false ? READY_CONFIG.replace('  authzResults: [authz.xml]\n', '  authzResults: []\n') : READY_CONFIG;
  await writeFile(path.join(dir, 'appwrite-secops.yaml'), `${cfg}${gates}${opts.extraConfig ?? ''}`);
  await writeFile(path.join(dir, 'authz.xml'), AUTHZ);
  await mkdir(path.join(dir, 'runbooks'));
  for (const r of ['key-leak', 'account-takeover', 'data-exposure']) await writeFile(path.join(dir, 'runbooks', `${r}.md`), `# ${r}\n`);
  return dir;
}

const gate = (dir: string, ...args: string[]) => {
  const r = cli(['gate', dir, '--format', 'json', ...args]);
  return { ...r, json: JSON.parse(r.stdout || '{}') as { decision: string; score: number; controls: { id: string; status: string }[] } };
};

describe('gate on example workspaces (built binary)', () => {
  it('passes a release-ready workspace', async () => {
    const r = gate(await workspace());
    expect(r.json.controls.filter((c) => c.status === 'missing').map((c) => c.id)).toEqual([]);
    expect(r.json.decision).toBe('pass');
    expect(r.status).toBe(0);
  });

  it('blocks when a critical control is missing, despite a high score', async () => {
    const r = gate(await workspace({ authz: false }));
    expect(r.json.controls.find((c) => c.id === 'G3')!.status).toBe('missing');
    expect(r.json.score).toBeGreaterThanOrEqual(70);
    expect(r.json.decision).toBe('blocked');
    expect(r.status).toBe(1);
  });

  it('fails on score when the bar is higher than the workspace reaches', async () => {
    const dir = await workspace();
    const cfg = await readFile(path.join(dir, 'appwrite-secops.yaml'), 'utf8');
    await writeFile(path.join(dir, 'appwrite-secops.yaml'), cfg.replace('gates:\n', 'gates:\n  minScore: 100\n  controls: { G4: { weight: 15 } }\n'));
    await writeFile(path.join(dir, 'authz.xml'), AUTHZ.replace(/<testcase classname="teams"[^>]*\/>/, '')); // cross-role coverage missing: G3 partial
    const r = gate(dir);
    expect(r.json.controls.find((c) => c.id === 'G3')!.status).toBe('partial');
    expect(r.json.decision).toBe('fail');
    expect(r.status).toBe(1);
  });

  it('--write keeps SECURITY_GATES.md current and preserves notes', async () => {
    const dir = await workspace();
    expect(cli(['gate', dir, '--write', '-q']).status).toBe(0);
    const file = path.join(dir, 'SECURITY_GATES.md');
    const first = await readFile(file, 'utf8');
    expect(first).toMatch(/\*\*PASS: ready to release\.\*\*/);
    await writeFile(file, first.replace(/(<!-- notes:G3:start[^>]*-->\n)/, '$1Suite: test/authz, owner @sec\n'));
    cli(['gate', dir, '--write', '-q']);
    expect(await readFile(file, 'utf8')).toContain('Suite: test/authz, owner @sec');
  });

  it('a broken authz results file is an input error', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'authz.xml'), '<testsuites><testcase>');
    const r = cli(['gate', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/authz\.xml.*not well-formed/);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/**
 * The published artefact, as a user gets it: `npm pack`, install the tarball into an empty folder, run the
 * bin there. Install scripts are skipped (the native SQLite build takes minutes and only the store needs
 * it, loaded lazily), and the npm cache is preferred so the test needs no network when the cache is warm.
 */
describe('npm pack', () => {
  it('produces a tarball that installs into an empty folder and runs there', { timeout: 300_000 }, async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'pack-'));
    execFileSync('npm', ['pack', '--pack-destination', out, '--silent'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const tgz = (await readdir(out)).find((f) => f.endsWith('.tgz'));
    expect(tgz).toBeDefined();
    const listing = execFileSync('tar', ['-tzf', path.join(out, tgz!)], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/bin/appwrite-secops.js');
    expect(listing).toContain('package/dist/cli/main.js');
    expect(listing).toContain('package/dist/bundle/main.cjs');
    expect(listing).toContain('package/dist/bundle/worker.js');
    expect(listing).toContain('package/dist/cli/launch.js');
    // The code cache the build made with this Node, beside the bundle it was made for.
    expect(listing.filter((f) => /^package\/dist\/bundle\/main-[0-9a-f]{32}\.v8$/.test(f))).toHaveLength(1);
    expect(listing.some((f) => f.includes('.test.') || f.includes('__fixtures__'))).toBe(false);

    const app = await mkdtemp(path.join(tmpdir(), 'pack-install-'));
    await writeFile(path.join(app, 'package.json'), '{"name":"consumer","private":true}');
    execFileSync('npm', ['install', path.join(out, tgz!), '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
    const bin = path.join(app, 'node_modules', '.bin', 'appwrite-secops');

    const version = spawnSync(bin, ['--version'], { cwd: app, encoding: 'utf8' });
    expect(version.status).toBe(0);
    const checks = spawnSync(bin, ['checks', '--format', 'json'], { cwd: app, encoding: 'utf8' });
    expect(checks.status).toBe(0);
    expect((JSON.parse(checks.stdout) as unknown[]).length).toBeGreaterThan(20);

    await cp(path.join(ROOT, 'examples', 'appwrite-insecure'), path.join(app, 'project'), { recursive: true });
    // Same Node as the build: the shipped code cache fits, so the first run writes no cache of its own.
    const cacheDir = path.join(app, 'code-cache');
    const env = { ...process.env, NO_COLOR: '1', APPWRITE_SECOPS_CACHE_DIR: cacheDir };
    const audit = spawnSync(bin, ['audit', 'project', '--format', 'json'], { cwd: app, encoding: 'utf8', env });
    expect(audit.stderr).toBe('');
    expect(audit.status).toBe(1);
    expect((JSON.parse(audit.stdout) as { summary: { blocking: number } }).summary.blocking).toBeGreaterThan(0);
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
    // Without the shipped cache (another Node version would refuse it) the run makes its own, then uses it.
    const shipped = listing.find((f) => f.endsWith('.v8'))!.replace(/^package\//, '');
    await rm(path.join(app, 'node_modules', 'appwrite-secops', shipped));
    for (let i = 0; i < 2; i++) {
      const again = spawnSync(bin, ['audit', 'project', '--format', 'json'], { cwd: app, encoding: 'utf8', env });
      expect(again.stderr).toBe('');
      expect(JSON.parse(again.stdout).findings).toEqual(JSON.parse(audit.stdout).findings);
      expect((await readdir(cacheDir)).filter((f) => f.endsWith('.v8'))).toHaveLength(1);
    }

    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', "import { audit, renderReport } from 'appwrite-secops'; const r = await audit({ root: 'project' }); console.log(typeof renderReport, r.summary.total > 0);"], { cwd: app, encoding: 'utf8' });
    expect(lib.stderr).toBe('');
    expect(lib.stdout.trim()).toBe('function true');
  });
});

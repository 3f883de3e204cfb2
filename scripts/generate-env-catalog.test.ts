import { describe, expect, it } from 'vitest';
import { buildAdvisories, buildEnvCatalog } from './generate-env-catalog.js';

const v = (name: string, extra: Record<string, unknown> = {}) => ({ name, category: 'General', description: `${name} does things. More text.`, default: '', introduced: '', required: false, installerFilter: '', deprecated: false, security: { relevant: false }, ...extra });

describe('generate-env-catalog', () => {
  const { vars, source } = buildEnvCatalog({
    source: { repo: 'appwrite/appwrite', path: 'app/config/variables.php', ref: 'tag 1.9.6', commit: 'abc' },
    variables: [
      v('_APP_OPENSSL_KEY_V1', { default: 'your-secret-key', required: true, installerFilter: 'token', security: { relevant: true, kind: 'secret', severity: 'critical' } }),
      v('_APP_REDIS_USER', { security: { relevant: true, kind: 'secret', severity: 'low' } }),
      v('_APP_SMTP_PASSWORD'),
      v('_APP_WORKER_PER_CORE', { default: 6 }),
      v('_APP_FUNCTIONS_CPUS', { deprecated: true, description: 'Deprecated since 1.7.0. The maximum number of CPU cores.' }),
      v('_APP_COMPUTE_CPUS'),
      v('_APP_OLD', { deprecated: true, description: "Deprecated with 0.8.0, use '_APP_MIDDLE' instead." }),
      v('_APP_MIDDLE', { deprecated: true, description: 'Deprecated since 1.2.0, use `_APP_NEW` with a DSN instead.' }),
      v('_APP_NEW'),
      v('_APP_SPLIT', { deprecated: true, description: 'Deprecated since 1.5.1 use _APP_NEW and _APP_COMPUTE_CPUS instead' }),
    ],
    unreleased_main_only: { source: { ref: 'main', commit: 'def' }, variables: [v('_APP_JOBS_SECRET', { default: 'your-secret-key' }), v('_APP_NEW')] },
  });
  const by = Object.fromEntries(vars.map((x) => [x.name, x]));

  it('reads the release from the source ref', () => {
    expect(source.release).toBe('1.9.6');
  });

  it('derives secrets from annotations, installer filters and names, never user names', () => {
    expect(by._APP_OPENSSL_KEY_V1).toMatchObject({ secret: true, default: 'your-secret-key', required: true, installerFilter: 'token', security: { kind: 'secret', severity: 'critical' } });
    expect(by._APP_SMTP_PASSWORD?.secret).toBe(true);
    expect(by._APP_REDIS_USER?.secret).toBeUndefined();
    expect(by._APP_WORKER_PER_CORE?.default).toBe('6');
  });

  it('derives deprecations, the 1.7.0 FUNCTIONS->COMPUTE rename, splits and chains', () => {
    expect(by._APP_FUNCTIONS_CPUS?.deprecated).toEqual({ since: '1.7.0', replacement: ['_APP_COMPUTE_CPUS'] });
    expect(by._APP_OLD?.deprecated).toEqual({ since: '0.8.0', replacement: ['_APP_NEW'] });
    expect(by._APP_SPLIT?.deprecated).toEqual({ since: '1.5.1', replacement: ['_APP_NEW', '_APP_COMPUTE_CPUS'] });
    expect(by._APP_NEW?.deprecated).toBeUndefined();
  });

  it('adds main-only variables once, marked unreleased', () => {
    expect(by._APP_JOBS_SECRET).toMatchObject({ release: 'unreleased', secret: true });
    expect(vars.filter((x) => x.name === '_APP_NEW')).toHaveLength(1);
    expect(by._APP_NEW?.release).toBe('stable');
  });

  it('keeps a one-sentence summary', () => {
    expect(by._APP_NEW?.summary).toBe('_APP_NEW does things.');
  });

  it('refuses a source without a release', () => {
    expect(() => buildEnvCatalog({ source: { repo: 'r', path: 'p', ref: 'main', commit: 'c' }, variables: [] })).toThrow(/release/);
  });

  it('maps advisories with aliases and claimed fixes', () => {
    const [a] = buildAdvisories({
      package: { ecosystem: 'Packagist', name: 'appwrite/server-ce' },
      advisories: [{ ghsa: 'GHSA-x', cve: 'CVE-1', title: 't', severity: 'high', affected: ['>=0'], fixed: [], fixed_claimed: '1.3.0', affected_note: 'n', source_url: 'u' }],
    });
    expect(a).toEqual({ id: 'GHSA-x', aliases: ['GHSA-x', 'CVE-1'], title: 't', severity: 'high', affected: ['>=0'], fixed: [], fixedClaimed: '1.3.0', note: 'n', url: 'u' });
  });
});

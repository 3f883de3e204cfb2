import { describe, expect, it } from 'vitest';
import { storeConfigSection } from './config.js';
import { storeConfigOf } from './settings.js';

describe('store config section', () => {
  it('defaults: no URL (the default store applies), one year of runs, 20 kept per scope', () => {
    expect(storeConfigOf({})).toEqual({ retention: { days: 365, keepRuns: 20 } });
    expect(storeConfigOf(undefined)).toEqual({ retention: { days: 365, keepRuns: 20 } });
  });

  it.each([
    [{ url: 'sqlite:state.db' }, true],
    [{ url: 'postgres://secops@db/secops' }, true],
    [{ url: 'mysql://db/x' }, false],
    [{ retention: { days: 0 } }, false],
    [{ retention: { days: 30, keepRuns: 5 }, tls: { mode: 'verify-full', caFile: 'ca.pem' } }, true],
    [{ tls: { mode: 'prefer' } }, false],
    [{ unknown: true }, false],
  ])('%j valid: %s', (section, ok) => {
    expect(storeConfigSection.store.safeParse(section).success).toBe(ok);
  });
});

import { describe, expect, it } from 'vitest';
import { redactSecret, Redactor } from './redact.js';

const CANARY = `standard_${'c0ffee42'.repeat(32)}`;

describe('redactSecret', () => {
  it.each([
    [CANARY, /^stan…#[0-9a-f]{8}$/],
    ['short-secret-1', /^shor…#[0-9a-f]{8}$/],
    ['tiny', /^…#[0-9a-f]{8}$/],
  ])('shows only a prefix and a hash of %s', (secret, shape) => {
    const r = redactSecret(secret);
    expect(r).toMatch(shape);
    if (secret.length > 8) expect(r).not.toContain(secret.slice(4));
  });

  it('is stable and distinguishes secrets', () => {
    expect(redactSecret(CANARY)).toBe(redactSecret(CANARY));
    expect(redactSecret(CANARY)).not.toBe(redactSecret(`${CANARY}0`));
  });
});

describe('Redactor', () => {
  it('scrubs every registered secret, longest first', () => {
    const r = new Redactor();
    r.add('abcdef123456');
    r.add('abcdef123456789');
    r.add('abc'); // too short to scrub safely
    const out = r.scrub('a=abcdef123456789 b=abcdef123456 c=abc');
    expect(out).not.toContain('abcdef123456');
    expect(out).toContain(redactSecret('abcdef123456789'));
    expect(out).toContain('c=abc');
  });

  it('never registers plain words, so it cannot corrupt a report', () => {
    const r = new Redactor();
    for (const w of ['critical', 'production', 'Password', 'xxxxxxxxxxxxxxxxxxxx']) r.add(w);
    expect(r.size).toBe(0);
    expect(r.scrub('critical: 3, high: 1 in production')).toBe('critical: 3, high: 1 in production');
    r.add('CorrectHorseBatteryStaple'); // letters only but long: may well be a passphrase
    r.add('s3cr3t-pw');
    expect(r.size).toBe(2);
  });

  it('escapes regex metacharacters in secrets', () => {
    const r = new Redactor();
    r.add('p@ss.w*rd+(x)');
    expect(r.scrub('x p@ss.w*rd+(x) y')).toBe(`x ${redactSecret('p@ss.w*rd+(x)')} y`);
    expect(r.scrub('p@ssAw*rd+(x)')).toBe('p@ssAw*rd+(x)');
  });
});

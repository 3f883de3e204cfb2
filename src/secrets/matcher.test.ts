import { describe, expect, it } from 'vitest';
import { redactSecret } from '../core/redact.js';
import { fakeSecrets } from './__fixtures__/fake-secrets.js';
import { compileRules, defaultRules, scanText } from './matcher.js';
import { isPlaceholder, isRepetitive, looksLikeCodeReference, shannonEntropy } from './placeholder.js';

const s = fakeSecrets(21);
const scan = (text: string, path = 'src/a.ts', committed = true) => scanText(text, defaultRules(), { path, committed });

describe('scanText', () => {
  it('reports 1-based line and column of the secret, and the end line of multi-line secrets', () => {
    const pem = s.pem();
    const text = `// header\nconst a = 1;\n\n  const t = '${s.github()}';\n${pem}\n`;
    const m = scan(text, 'x.ts');
    expect(m.map((x) => [x.ruleId, x.line, x.column, x.endLine])).toEqual([
      ['github-token', 4, 14, 4],
      ['private-key', 5, 1, 5 + pem.split('\n').length - 1],
    ]);
  });

  it('honours lineOffset (chunks, diff hunks)', () => {
    const m = scanText(`x\n${s.npm()}`, defaultRules(), { path: 'a', committed: true, lineOffset: 41 });
    expect(m.map((x) => x.line)).toEqual([43]);
  });

  it('marks a match allowed by an inline comment on its line or allow-next-line above it', () => {
    const text = [`const a = '${s.stripe()}'; // appwrite-secops:allow test fixture`, `// appwrite-secops:allow-next-line`, `const b = '${s.stripe()}';`, `const c = '${s.stripe()}';`].join('\n');
    expect(scan(text).map((m) => [m.line, m.allowed])).toEqual([
      [1, true],
      [3, true],
      [4, false],
    ]);
  });

  it('keeps one match per secret: the earlier rule wins an overlap', () => {
    // The GCP rule and the PEM rule both match the key inside a service-account file.
    const m = scan(s.gcpJson(), 'sa.json');
    expect(m.map((x) => x.ruleId)).toEqual(['gcp-service-account']);
  });

  it('pairs an AWS key id with its nearby secret and does not report the secret twice', () => {
    const secret = s.awsSecret();
    const m = scan(`[default]\naws_access_key_id=${s.awsId()}\naws_secret_access_key=${secret}\n`, 'credentials');
    expect(m.map((x) => [x.ruleId, x.severity])).toEqual([['aws-access-key', 'critical']]);
    expect(m[0]!.related?.map(redactSecret)).toEqual([redactSecret(secret)]);
  });

  it('attaches the Appwrite project id found in the same text (for --verify)', () => {
    const m = scan(`new Client().setProject('shop-prod').setKey('${s.hex256()}')`);
    expect(m.map((x) => x.projectHint)).toEqual(['shop-prod']);
  });

  it('ignores matches that start in the overlap past `limit`', () => {
    const text = `${s.npm()}\n${'x'.repeat(100)}\n${s.npm()}`;
    const m = scanText(text, defaultRules(), { path: 'a', committed: true, limit: 50 });
    expect(m.map((x) => x.line)).toEqual([1]);
  });

  it('finds every keyword case-insensitively but applies each rule its own case rules', () => {
    // `Standard_` is not the key prefix (case-sensitive); `x-APPWRITE-key` is the header (case-insensitive).
    const hex = s.hex256();
    expect(scan(`Standard_${hex}`)).toEqual([]);
    expect(scan(`"x-APPWRITE-key": "${hex}"`).map((m) => m.ruleId)).toEqual(['appwrite-legacy-key']);
  });

  it('rejects lower-case violations in custom rule keywords at compile time', () => {
    expect(() => compileRules([{ id: 'x', family: 'jwt', title: 'x', severity: 'low', keywords: ['ABC'], pattern: /ABC/ }])).toThrow(/lower-case/);
  });
});

describe('placeholders and entropy', () => {
  it.each(['your-secret-key', '${SECRET}', '$SECRET', '{{ secret }}', '<api key>', 'changeme', 'xxxxxxxxxxxx', 'aaaaaaaaaaaa', 'abababababab', 'abcdefghijkl', '1234567890', 'password', 'rootsecretpassword', 'REPLACE_ME'])(
    '%s is a placeholder',
    (v) => expect(isPlaceholder(v)).toBe(true),
  );
  it.each(['kP3v9QxZr2LmT8wY', 'Zx81-a0Ff_3qPv', 'correct-horse-battery-staple', 'Q7tB2mK9pL4vR8sN1wE6yH3jC5xxxx'])('%s is not a placeholder', (v) => expect(isPlaceholder(v)).toBe(false));

  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
  });

  it('detects repetition up to a period of 16', () => {
    expect(isRepetitive('0123456789abcdef'.repeat(4))).toBe(true);
    expect(isRepetitive('0123456789abcdefg'.repeat(4))).toBe(false);
  });

  it.each(['process.env.JWT_SECRET', 'JWT_SIGNING_KEY', 'config.jwt.secret', 'getSecret()', 'os.environ["X"]', 'this.secret'])('%s is a code reference', (v) =>
    expect(looksLikeCodeReference(v)).toBe(true),
  );
});

import { describe, expect, it } from 'vitest';
import { redactSecret } from '../../core/redact.js';
import { fakeSecrets } from '../__fixtures__/fake-secrets.js';
import { compileRules, scanText } from '../matcher.js';
import { ALL_RULES } from './index.js';

const s = fakeSecrets(11);
const compiled = compileRules();

interface Positive {
  rule: string;
  name: string;
  /** The text, built around `secret`. */
  text: (secret: string) => string;
  secret: string;
  path?: string;
  severity?: string;
  context?: string;
}

interface Negative {
  name: string;
  text: string;
  path?: string;
  committed?: boolean;
}

const hex = s.hex256();
const b62 = s.b62(40);

const positives: Positive[] = [
  { rule: 'appwrite-standard-key', name: 'string literal', secret: s.standard(), text: (x) => `const key = '${x}';` },
  { rule: 'appwrite-standard-key', name: 'env file', secret: s.standard(), text: (x) => `APPWRITE_API_KEY=${x}`, path: '.env.production' },
  { rule: 'appwrite-standard-key', name: 'JSON value', secret: s.standard(), text: (x) => `{\n  "apiKey": "${x}"\n}`, path: 'config.json' },
  { rule: 'appwrite-legacy-key', name: 'setKey()', secret: hex, text: (x) => `client.setEndpoint(e).setKey('${x}');`, context: 'setKey' },
  { rule: 'appwrite-legacy-key', name: 'X-Appwrite-Key header object', secret: hex, text: (x) => `headers: { 'X-Appwrite-Key': "${x}" }`, context: 'X-Appwrite-Key' },
  { rule: 'appwrite-legacy-key', name: 'curl header', secret: hex, text: (x) => `curl -H "X-Appwrite-Key: ${x}" $EP/users`, path: 'scripts/users.sh' },
  { rule: 'appwrite-legacy-key', name: 'APPWRITE_*KEY env', secret: hex, text: (x) => `NEXT_PUBLIC_APPWRITE_API_KEY=${x}`, path: '.env', context: 'NEXT_PUBLIC_APPWRITE_API_KEY' },
  { rule: 'appwrite-legacy-key', name: 'camelCase property', secret: hex, text: (x) => `export const appwriteApiKey = "${x}";` },
  { rule: 'appwrite-dev-key', name: 'X-Appwrite-Dev-Key header', secret: hex, text: (x) => `fetch(u, { headers: { 'X-Appwrite-Dev-Key': '${x}' } })`, context: 'X-Appwrite-Dev-Key' },
  { rule: 'appwrite-dev-key', name: 'setDevKey()', secret: hex, text: (x) => `client.setDevKey("${x}")` },
  { rule: 'appwrite-dev-key', name: 'devKey query parameter', secret: hex, text: (x) => `const url = base + '?devKey=${x}';` },
  { rule: 'appwrite-dev-key', name: 'APPWRITE_DEV_KEY is a dev key, not a legacy key', secret: hex, text: (x) => `APPWRITE_DEV_KEY=${x}`, path: '.env' },
  { rule: 'appwrite-ephemeral-key', name: 'ephemeral_ JWT', secret: s.ephemeral(), text: (x) => `const k = "${x}"` },
  { rule: 'appwrite-ephemeral-key', name: 'dynamic_ JWT (1.6-1.9.0)', secret: s.dynamic(), text: (x) => `APPWRITE_FUNCTION_API_KEY=${x}`, path: 'functions/x/.env' },
  { rule: 'appwrite-openssl-key', name: '.env value', secret: s.b62(32), text: (x) => `_APP_ENV=production\n_APP_OPENSSL_KEY_V1=${x}\n`, path: '.env' },
  { rule: 'appwrite-openssl-key', name: 'compose list entry', secret: s.b62(32), text: (x) => `    environment:\n      - _APP_OPENSSL_KEY_V1=${x}`, path: 'docker-compose.yml' },
  { rule: 'appwrite-openssl-key', name: 'YAML mapping, quoted', secret: s.b62(24), text: (x) => `  _APP_OPENSSL_KEY_V1: "${x}"`, path: 'values.yaml' },
  { rule: 'appwrite-executor-secret', name: '_APP_EXECUTOR_SECRET', secret: s.b62(32), text: (x) => `_APP_EXECUTOR_SECRET=${x}`, path: '.env' },
  { rule: 'appwrite-executor-secret', name: 'OPR_EXECUTOR_SECRET', secret: s.b62(32), text: (x) => `OPR_EXECUTOR_SECRET: ${x}`, path: 'docker-compose.yml' },
  { rule: 'appwrite-db-password', name: '_APP_DB_PASS', secret: s.b62(20), text: (x) => `_APP_DB_PASS=${x}`, path: '.env' },
  { rule: 'appwrite-db-password', name: 'a random password in code', secret: s.b62(24), text: (x) => `const env = { _APP_DB_PASS: '${x}' };`, path: 'scripts/seed.ts' },
  { rule: 'appwrite-db-password', name: 'MYSQL_ROOT_PASSWORD', secret: s.b62(20), text: (x) => `      - MYSQL_ROOT_PASSWORD=${x}`, path: 'docker-compose.yml' },
  { rule: 'appwrite-webhook-secret', name: 'WEBHOOK_SECRET env', secret: s.b62(40), text: (x) => `APPWRITE_WEBHOOK_SECRET=${x}`, path: '.env' },
  { rule: 'appwrite-webhook-secret', name: 'signatureKey in code', secret: s.hex256().slice(0, 128), text: (x) => `const signatureKey = '${x}';` },
  { rule: 'aws-access-key', name: 'key id with its secret (critical)', secret: s.awsId(), text: (x) => `aws_access_key_id = ${x}\naws_secret_access_key = ${s.awsSecret()}`, path: 'credentials', severity: 'critical' },
  { rule: 'aws-access-key', name: 'key id alone (high)', secret: s.awsId(), text: (x) => `const id = "${x}";`, severity: 'high' },
  { rule: 'aws-secret-key', name: 'secret access key alone', secret: s.awsSecret(), text: (x) => `AWS_SECRET_ACCESS_KEY=${x}`, path: '.env' },
  { rule: 'gcp-service-account', name: 'service-account JSON', secret: '', text: () => s.gcpJson(), path: 'sa.json' },
  { rule: 'github-token', name: 'classic ghp_', secret: s.github(), text: (x) => `export GITHUB_TOKEN=${x}`, path: 'release.sh' },
  { rule: 'github-token', name: 'fine-grained github_pat_', secret: s.githubPat(), text: (x) => `token: "${x}"`, path: '.github/x.yml' },
  { rule: 'slack-token', name: 'bot token', secret: s.slack(), text: (x) => `SLACK_BOT_TOKEN="${x}"`, path: 'notify.py' },
  { rule: 'slack-webhook', name: 'incoming webhook URL', secret: '', text: () => `WEBHOOK = "${s.slackHook()}"`, path: 'notify.py' },
  { rule: 'stripe-key', name: 'sk_live_', secret: s.stripe(), text: (x) => `new Stripe('${x}')` },
  { rule: 'npm-token', name: '.npmrc auth token', secret: s.npm(), text: (x) => `//registry.npmjs.org/:_authToken=${x}`, path: '.npmrc' },
  { rule: 'private-key', name: 'RSA PEM', secret: s.pem(), text: (x) => `${x}\n`, path: 'server.key', severity: 'high' },
  { rule: 'private-key', name: 'OpenSSH key', secret: s.pem('OPENSSH PRIVATE KEY'), text: (x) => `${x}\n`, path: 'id_ed25519' },
  { rule: 'private-key', name: 'encrypted PKCS#8 key (medium)', secret: s.pem('ENCRYPTED PRIVATE KEY'), text: (x) => `${x}\n`, path: 'k.pem', severity: 'medium' },
  { rule: 'jwt-secret', name: 'JWT_SECRET in .env', secret: b62, text: (x) => `JWT_SECRET=${x}`, path: '.env' },
  { rule: 'jwt-secret', name: 'jwtSecret in code, quoted', secret: s.b62(32), text: (x) => `const opts = { jwtSecret: '${x}' };` },
  { rule: 'jwt-secret', name: 'JWT_SIGNING_KEY in YAML', secret: s.b62(48), text: (x) => `JWT_SIGNING_KEY: "${x}"`, path: 'app.yaml' },
];

const negatives: Negative[] = [
  { name: 'standard_ key one character short', text: `const k = 'standard_${hex.slice(1)}';` },
  { name: 'standard_ key of one repeated character', text: `const k = 'standard_${'a'.repeat(256)}';` },
  { name: 'standard_ key of a repeated pattern', text: `const k = 'standard_${'0123456789abcdef'.repeat(16)}';` },
  { name: 'standard_ inside a longer token', text: `x = 'standard_${hex}0';` },
  { name: 'documentation placeholder', text: `.setKey('<YOUR_API_KEY>') // Your API key` },
  { name: 'bare 256 hex without Appwrite context (a checksum)', text: `const sha = '${hex}';` },
  { name: 'setKey from the environment', text: `client.setKey(process.env.APPWRITE_API_KEY!)` },
  { name: 'ephemeral_ that is not a JWT', text: `const k = "ephemeral_eyJhbGciOiJIUzI1.eyJub3QganNvbg.${s.b62(30)}"` },
  { name: 'OpenSSL key placeholder (Appwrite default)', text: `_APP_OPENSSL_KEY_V1=your-secret-key`, path: '.env.example' },
  { name: 'OpenSSL key from a variable', text: `      - _APP_OPENSSL_KEY_V1=\${_APP_OPENSSL_KEY_V1}`, path: 'docker-compose.yml' },
  { name: 'OpenSSL key empty', text: `_APP_OPENSSL_KEY_V1=\n_APP_ENV=production`, path: '.env' },
  { name: 'OpenSSL key outside a git work tree (a deployment .env)', text: `_APP_OPENSSL_KEY_V1=${s.b62(32)}`, path: '.env', committed: false },
  { name: 'OpenSSL key read in code', text: `const k = process.env._APP_OPENSSL_KEY_V1;`, path: 'src/x.ts' },
  { name: 'a severity map keyed by the setting name (code, short word)', text: `const SEVERITY = { _APP_EXECUTOR_SECRET: 'critical' };`, path: 'src/checks/x.ts' },
  { name: 'a weak test value in code', text: `env({ _APP_DB_ROOT_PASS: 'appwrite123' })`, path: 'src/x.test.ts' },
  { name: 'executor secret from a variable', text: `      - OPR_EXECUTOR_SECRET=$_APP_EXECUTOR_SECRET`, path: 'docker-compose.yml' },
  { name: 'database password defaults', text: `_APP_DB_PASS=password\n_APP_DB_ROOT_PASS=rootsecretpassword`, path: '.env' },
  { name: 'database password from a variable', text: `      - MYSQL_PASSWORD=\${_APP_DB_PASS}`, path: 'docker-compose.yml' },
  { name: 'webhook secret from the environment', text: `const webhookSecret = process.env.WEBHOOK_SECRET;` },
  { name: 'webhook secret variable in code (unquoted)', text: `const webhookSecret = loadSigningSecretFromVault;` },
  { name: 'AWS documentation example key', text: `aws_access_key_id = AKIAIOSFODNN7EXAMPLE`, path: 'README.md' },
  { name: 'AKIA followed by lower case', text: `const x = "AKIAabcdefghijklmnop";` },
  { name: 'GCP-like JSON without service_account type and without a key', text: `{"type": "authorized_user", "client_id": "x"}`, path: 'x.json' },
  { name: 'ghp_ placeholder', text: `GITHUB_TOKEN=ghp_${'x'.repeat(36)}`, path: '.env.example' },
  { name: 'ghp_ too short', text: `t = "ghp_${s.b62(35)}"` },
  { name: 'Slack token placeholder', text: `SLACK_TOKEN=xoxb-your-bot-token-here`, path: '.env.example' },
  { name: "Slack's documented webhook example", text: `https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`, path: 'README.md' },
  { name: 'Stripe test key', text: `new Stripe('sk_test_${s.b62(24)}')` },
  { name: 'npm_ environment variables', text: `echo $npm_config_registry $npm_package_version`, path: 'x.sh' },
  { name: 'npm_ token of one character', text: `//r/:_authToken=npm_${'a'.repeat(36)}`, path: '.npmrc' },
  { name: 'public key', text: `-----BEGIN PUBLIC KEY-----\n${s.b62(64)}\n${s.b62(64)}\n-----END PUBLIC KEY-----`, path: 'pub.pem' },
  { name: 'PEM armour with a placeholder body', text: `-----BEGIN RSA PRIVATE KEY-----\n...your key here...\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END RSA PRIVATE KEY-----`, path: 'README.md' },
  { name: 'JWT secret placeholder', text: `JWT_SECRET=changeme`, path: '.env.example' },
  { name: 'JWT secret from the environment', text: `const cfg = { jwtSecret: process.env.JWT_SECRET };` },
  { name: 'JWT secret template', text: `JWT_SECRET=\${JWT_SECRET}`, path: '.env' },
  { name: 'JWT secret variable in code (unquoted)', text: `const jwtSecret = secretFromVault;` },
  { name: 'JWT secret of one repeated character', text: `JWT_SECRET=${'a'.repeat(32)}`, path: '.env' },
  { name: 'JWT secret documentation placeholder', text: `jwt_secret: "your-256-bit-secret"`, path: 'config.yaml' },
  { name: 'JWT expiry is not a secret', text: `JWT_EXPIRES_IN=3600s`, path: '.env' },
];

describe('secret rules: true positives', () => {
  for (const p of positives) {
    it(`${p.rule}: ${p.name}`, () => {
      const text = p.text(p.secret);
      const matches = scanText(text, compiled, { path: p.path ?? 'src/app.ts', committed: true });
      expect(matches.map((m) => m.ruleId)).toEqual([p.rule]);
      const m = matches[0]!;
      // Compared in redacted form so a failing assertion never prints a planted secret.
      if (p.secret) expect(redactSecret(m.secret)).toBe(redactSecret(p.secret));
      expect(text.includes(m.secret)).toBe(true);
      if (p.severity) expect(m.severity ?? ALL_RULES.find((r) => r.id === p.rule)!.severity).toBe(p.severity);
      if (p.context) expect(m.context).toBe(p.context);
    });
  }
});

describe('secret rules: true negatives', () => {
  for (const n of negatives) {
    it(n.name, () => {
      const matches = scanText(n.text, compiled, { path: n.path ?? 'src/app.ts', committed: n.committed ?? true });
      expect(matches.map((m) => `${m.ruleId} ${redactSecret(m.secret)}`)).toEqual([]);
    });
  }
});

describe('rule definitions', () => {
  it('every rule has a true positive above', () => {
    const covered = new Set(positives.map((p) => p.rule));
    expect(ALL_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('ids are unique and keywords lower-case', () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
  });

  // Bounded work per keyword hit: no `*`, `+` or `{n,}` outside character classes, so no pattern can
  // backtrack catastrophically whatever the input.
  it.each(ALL_RULES.map((r) => [r.id, r.pattern.source] as const))('%s has only bounded quantifiers', (_id, source) => {
    expect(unboundedQuantifiers(source)).toEqual([]);
  });
});

/** Quantifiers `*`, `+`, `{n,}` outside `[...]` and not escaped. */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+') found.push(`${c} at ${i}`);
    else if (c === '{' && /^\{\d+,\}/.test(source.slice(i))) found.push(`{n,} at ${i}`);
  }
  return found;
}

/**
 * Secrets for tests, generated at run time so that no credential-shaped literal is ever committed
 * (a committed fake token trips push protection and every other scanner). Seeded: the same seed gives
 * the same values, so failures reproduce.
 */
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = `${B62}+/`;

export function fakeSecrets(seed = 7) {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  const b64url = (s: string) => Buffer.from(s).toString('base64url');
  const jwt = (payload: Record<string, unknown>) => `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.${pick(`${B62}-_`, 43)}`;
  const pemBody = () => Array.from({ length: 8 }, () => pick(B64, 64)).join('\n');
  return {
    hex256: () => pick(HEX, 256),
    standard: () => `standard_${pick(HEX, 256)}`,
    ephemeral: (projectId = 'proj-1') => `ephemeral_${jwt({ projectId, scopes: ['users.read'] })}`,
    dynamic: (projectId = 'proj-1') => `dynamic_${jwt({ projectId, scopes: ['users.read'] })}`,
    b62: (n: number) => pick(B62, n),
    github: () => `ghp_${pick(B62, 36)}`,
    githubPat: () => `github_pat_${pick(B62, 22)}_${pick(B62, 59)}`,
    awsId: () => `AKIA${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    awsSecret: () => `${pick(B62, 18)}/${pick(B62, 12)}+${pick(B62, 8)}`,
    slack: () => `xoxb-${pick('0123456789', 12)}-${pick('0123456789', 12)}-${pick(B62, 24)}`,
    slackHook: () => `https://hooks.slack.com/services/T${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}/B${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}/${pick(B62, 24)}`,
    stripe: () => `sk_live_${pick(B62, 24)}`,
    npm: () => `npm_${pick(B62, 36)}`,
    pem: (label = 'RSA PRIVATE KEY') => `-----BEGIN ${label}-----\n${pemBody()}\n-----END ${label}-----`,
    gcpJson: () =>
      JSON.stringify(
        {
          type: 'service_account',
          project_id: 'demo-project',
          private_key_id: pick(HEX, 40),
          private_key: `-----BEGIN PRIVATE KEY-----\n${pemBody()}\n-----END PRIVATE KEY-----\n`,
          client_email: 'svc@demo-project.iam.gserviceaccount.com',
        },
        null,
        2,
      ),
  };
}

export type FakeSecrets = ReturnType<typeof fakeSecrets>;

import { defineCheck } from '../../core/check.js';
import '../../collectors/secrets/schema.js';
import { reportSecretFindings, SECRET_MESSAGES } from '../../secrets/report.js';

export const noKeysInBundles = defineCheck({
  meta: {
    id: 'secrets/no-keys-in-bundles',
    title: 'No key or credential is inside built client output (dist/, build/, .next/static, .output/public)',
    severity: 'critical',
    risk: 'Built bundles are served to every visitor: a key inside one is public the moment the site is deployed, whatever .gitignore says about the folder.',
    remediation:
      'Rotate the credential, then move the code that needs it behind a server route or an Appwrite function so it never reaches the client build; keep server-only keys out of public env prefixes (NEXT_PUBLIC_, VITE_, PUBLIC_…) and rebuild.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys', 'https://vitejs.dev/guide/env-and-mode.html#env-files', 'https://nextjs.org/docs/app/building-your-application/configuring/environment-variables'],
    controls: ['secrets.not-committed', 'runtime.privileged-writes-server-only'],
  },
  needs: ['secrets'],
  messages: SECRET_MESSAGES,
  run({ secrets }, { report }) {
    // Every kind of credential counts here: whatever ships in a bundle is readable by anyone, so the
    // finding is critical regardless of the rule's own severity (unless verification proved it dead).
    reportSecretFindings(secrets, (f) => f.inBundle, (r) => report({ ...r, severity: r.severity === 'low' ? 'low' : 'critical' }));
  },
});

import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { projectRef } from '../../permissions/analysis.js';

const METHODS = {
  anonymous: { messageId: 'anonymous', severity: 'medium' },
  'magic-url': { messageId: 'magicUrl', severity: 'low' },
  phone: { messageId: 'phone', severity: 'low' },
} as const;

/** Sign-in methods that widen who holds the `users` role or weaken the proof of identity. */
export const riskyMethodsDisabled = defineCheck({
  meta: {
    id: 'auth/risky-methods-disabled',
    title: 'Anonymous, magic-URL and phone sign-in are off unless needed',
    severity: 'medium',
    risk: 'Anonymous sessions hold the "users" role, so every grant to users is open to anyone who clicks; magic links and SMS codes are only as safe as the mailbox or SIM that receives them.',
    remediation: 'Turn the method off in settings.auth.methods (or Console > Auth > Settings) unless the app uses it; if anonymous sessions are needed, grant data to users/verified or to owners instead of "users".',
    references: ['https://appwrite.io/docs/products/auth/anonymous', 'https://appwrite.io/docs/products/auth/magic-url', 'https://appwrite.io/docs/products/auth/phone-sms'],
    controls: ['hardening.project', 'auth.methods'],
  },
  needs: ['appwrite-project'],
  messages: {
    anonymous: 'Anonymous sessions are on: anyone gets the "users" role with one request.',
    magicUrl: 'Magic-URL sign-in is on: access is as safe as the user\'s mailbox and link handling.',
    phone: 'Phone (SMS) sign-in is on: SIM swapping and SMS interception take over accounts, and SMS costs can be abused.',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      const methods = project.settings?.authMethods ?? {};
      for (const [name, spec] of Object.entries(METHODS)) {
        if (methods[name] !== true) continue;
        report({
          messageId: spec.messageId,
          resource: projectRef(project),
          location: project.settings?.positions[`auth.methods.${name}`] ?? project.settings?.location,
          severity: spec.severity,
          key: name,
          evidence: { method: name },
        });
      }
    }
  },
});

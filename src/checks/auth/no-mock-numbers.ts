import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { projectRef } from '../../permissions/analysis.js';

/** Mock phone numbers sign in with a fixed OTP: a standing password for whoever reads the file. */
export const noMockNumbers = defineCheck({
  meta: {
    id: 'auth/no-mock-numbers',
    title: 'No mock phone numbers with fixed one-time codes are configured',
    severity: 'high',
    risk: 'Anyone who knows the number and its fixed code (it is in the project file) signs in as that account without receiving an SMS.',
    remediation: 'Remove settings.auth.security.mockNumbers (and the numbers in Console > Auth > Security) outside test projects; use a separate project for app-store review accounts.',
    references: ['https://appwrite.io/docs/products/auth/security#mock-phone-numbers'],
    controls: ['hardening.project', 'auth.session-policy'],
  },
  needs: ['appwrite-project'],
  messages: {
    mock: '{{count}} mock phone number(s) with a fixed one-time code are configured (e.g. {{phone}}).',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      const mocks = project.settings?.security?.mockNumbers ?? [];
      if (mocks.length === 0) continue;
      report({
        messageId: 'mock',
        data: { count: mocks.length, phone: mocks[0]!.phone },
        resource: projectRef(project),
        location: project.settings?.positions['auth.security.mockNumbers'] ?? project.settings?.location,
        evidence: { count: mocks.length },
      });
    }
  },
});

import { describeRole, isBroadRole } from '../../appwrite/permissions.js';
import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { rolesOf } from '../../permissions/analysis.js';

/**
 * Scheduled and event-driven functions are written for trusted input (the event payload, the clock).
 * Public execute lets anyone call them with any body, any number of times.
 */
export const noPublicExecuteOnTriggered = defineCheck({
  meta: {
    id: 'functions/no-public-execute-on-triggered',
    title: 'Scheduled and event functions cannot be executed by everyone',
    severity: 'medium',
    risk: 'Anyone can run the job on demand with a forged payload: replaying billing runs, sending mail in bulk, or feeding fake event data to code that trusts it.',
    remediation: 'Set "execute" to [] for functions that only run on a schedule or on events (schedules and events do not need execute permissions).',
    references: ['https://appwrite.io/docs/products/functions/functions#permissions', 'https://appwrite.io/docs/products/functions/execute'],
    controls: ['hardening.project', 'authz.least-privilege'],
  },
  needs: ['appwrite-project'],
  messages: {
    triggered: 'function "{{fn}}" runs on {{trigger}} but {{who}} can also execute it directly.',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const f of project.functions) {
        const triggers = [f.schedule ? `schedule "${f.schedule}"` : '', f.events.length ? `events (${f.events.slice(0, 3).join(', ')}${f.events.length > 3 ? ', …' : ''})` : ''].filter(Boolean);
        if (triggers.length === 0) continue;
        for (const { ref, role } of rolesOf(f.execute)) {
          if (!isBroadRole(role)) continue;
          report({
            messageId: 'triggered',
            data: { fn: f.id, trigger: triggers.join(' and '), who: describeRole(role) },
            resource: { type: 'function', id: f.id, ...(f.name ? { name: f.name } : {}) },
            location: ref.location ?? f.executeLocation,
            key: `execute:${role.canonical}`,
          });
        }
      }
    }
  },
});

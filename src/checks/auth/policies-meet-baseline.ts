import '../../collectors/appwrite-config/schema.js';
import { appwriteProjectConfig } from '../../appwrite-project/settings.js';
import type { SourceRef } from '../../appwrite/project-model.js';
import { defineCheck } from '../../core/check.js';
import { projectRef } from '../../permissions/analysis.js';

/**
 * Auth security policies of `settings.auth.security` against the baseline in `appwriteProject`. Only
 * values the file states are judged: `pull settings` writes what the server has, and a missing key means
 * the file does not manage that policy.
 */
export const policiesMeetBaseline = defineCheck({
  meta: {
    id: 'auth/policies-meet-baseline',
    title: 'Session and password policies meet the configured baseline',
    severity: 'medium',
    risk: 'Weak policies make account takeover easier and longer-lasting: reused or dictionary passwords are accepted, stolen sessions pile up unnoticed and stay valid for long.',
    remediation: 'Tighten the policy in settings.auth.security (or Console > Auth > Security) and push it: limit sessions, remember previous passwords, turn on the password dictionary, personal-data check and session alerts.',
    references: ['https://appwrite.io/docs/products/auth/security'],
    controls: ['hardening.project', 'auth.session-policy'],
  },
  needs: ['appwrite-project'],
  messages: {
    sessionsUnlimited: 'Sessions per user are unlimited (sessionsLimit {{value}}); the baseline is {{max}}.',
    sessionsAbove: 'Users may hold {{value}} sessions at once, above the baseline of {{max}}.',
    historyBelow: 'Password history remembers {{value}} password(s), below the baseline of {{min}}.',
    dictionaryOff: 'The password dictionary check is off: common passwords are accepted.',
    personalDataOff: 'The personal-data password check is off: passwords may contain the user\'s name, email or phone.',
    alertsOff: 'Session alerts are off: users are not told when a new session signs in to their account.',
    durationAbove: 'Sessions last {{days}} days, longer than the baseline of {{maxDays}} days.',
  },
  run({ 'appwrite-project': facts }, { report, config }) {
    const base = appwriteProjectConfig(config);
    for (const project of facts.projects) {
      const s = project.settings?.security;
      if (!s) continue;
      const at = (key: string): SourceRef | undefined => project.settings?.positions[`auth.security.${key}`] ?? project.settings?.location;
      const r = (messageId: Parameters<typeof report>[0]['messageId'], key: string, severity: 'low' | 'medium', data: Record<string, string | number> = {}) =>
        report({ messageId, data, resource: projectRef(project), location: at(key), severity, key, evidence: { setting: `auth.security.${key}` } });
      if ('sessionsLimit' in s) {
        if (!s.sessionsLimit) r('sessionsUnlimited', 'sessionsLimit', 'low', { value: String(s.sessionsLimit), max: base.sessionsLimit });
        else if (s.sessionsLimit > base.sessionsLimit) r('sessionsAbove', 'sessionsLimit', 'low', { value: s.sessionsLimit, max: base.sessionsLimit });
      }
      if ('passwordHistory' in s && (s.passwordHistory ?? 0) < base.passwordHistory) r('historyBelow', 'passwordHistory', 'low', { value: s.passwordHistory ?? 0, min: base.passwordHistory });
      if (base.passwordDictionary && s.passwordDictionary === false) r('dictionaryOff', 'passwordDictionary', 'medium');
      if (base.personalDataCheck && s.personalDataCheck === false) r('personalDataOff', 'personalDataCheck', 'low');
      if (base.sessionAlerts && s.sessionAlerts === false) r('alertsOff', 'sessionAlerts', 'low');
      if (s.duration !== undefined && s.duration > base.maxSessionDurationSeconds) {
        r('durationAbove', 'duration', 'low', { days: Math.round(s.duration / 86400), maxDays: Math.round(base.maxSessionDurationSeconds / 86400) });
      }
    }
  },
});


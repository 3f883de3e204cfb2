import { advisoriesAffecting, isOlderThanLatest, LATEST_KNOWN_RELEASE, parseAppwriteVersion } from '../../appwrite/versions.js';
import { defineCheck } from '../../core/check.js';
import { isSeverity, type Severity } from '../../core/severity.js';
import { apiLocation, eachSection, envRef, UNREADABLE } from './sections.js';

function advisorySeverity(s: string): Severity {
  const v = s.toLowerCase() === 'moderate' ? 'medium' : s.toLowerCase();
  return isSeverity(v) ? v : 'high';
}

/** The running server version (GET /v1/health/version) against advisories and the latest release. */
export const serverVersionCurrent = defineCheck({
  meta: {
    id: 'live/server-version-current',
    title: 'The Appwrite server runs a current release outside every advisory range',
    severity: 'high',
    risk: 'A server inside a published advisory range can be attacked with a known technique; one behind the latest release misses security fixes that were never given an advisory.',
    remediation: 'Upgrade the self-hosted server step by step to the latest release (back up first; see the upgrade guide), then run the migration.',
    references: ['https://appwrite.io/docs/advanced/self-hosting/production/updates', 'https://github.com/advisories?query=appwrite'],
    controls: ['hardening.patching'],
  },
  needs: ['appwrite-live'],
  messages: {
    advisory: '{{env}}: Appwrite {{version}} is affected by {{id}} ({{title}}){{fix}}.',
    behind: '{{env}}: Appwrite {{version}} is behind the latest known release {{latest}}.',
    unparsable: '{{env}}: the server reported version "{{version}}", which is not a release number.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report }) {
    eachSection(facts, 'version', report, (s, { version, cloud }) => {
      const base = { resource: envRef(s), location: apiLocation(s, '/health/version') };
      if (!parseAppwriteVersion(version)) {
        report({ ...base, messageId: 'unparsable', data: { env: s.environment, version }, status: 'error', key: 'unparsable' });
        return;
      }
      for (const a of advisoriesAffecting(version)) {
        report({
          ...base,
          messageId: 'advisory',
          data: { env: s.environment, version, id: a.advisory.id, title: a.advisory.title, fix: a.fixedIn ? `; fixed in ${a.fixedIn}` : '' },
          severity: advisorySeverity(a.advisory.severity),
          aliases: [a.advisory.id, ...a.advisory.aliases],
          key: a.advisory.id,
          evidence: { version, range: a.range },
          ...(a.fixedIn ? { remediation: `Upgrade to ${a.fixedIn} or later (latest known: ${LATEST_KNOWN_RELEASE}).` } : {}),
        });
      }
      // Cloud runs API 2.x, which is not a self-hosted release: there is nothing to upgrade.
      if (!cloud && isOlderThanLatest(version)) {
        const [maj, min] = version.split('.');
        const sameMinor = LATEST_KNOWN_RELEASE.startsWith(`${maj}.${min}.`);
        report({ ...base, messageId: 'behind', data: { env: s.environment, version, latest: LATEST_KNOWN_RELEASE }, severity: sameMinor ? 'low' : 'medium', key: 'behind', evidence: { version, latest: LATEST_KNOWN_RELEASE } });
      }
    });
  },
});

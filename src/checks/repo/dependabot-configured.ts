import { defineCheck } from '../../core/check.js';

export const dependabotConfigured = defineCheck({
  meta: {
    id: 'repo/dependabot-configured',
    title: 'Dependabot watches every ecosystem the repository uses',
    severity: 'medium',
    risk: 'Dependencies of an ecosystem Dependabot does not watch (npm packages, base images, the actions your workflows run) are never proposed for update, so known-vulnerable versions stay in use.',
    remediation: 'Add an `updates` entry per ecosystem to .github/dependabot.yml (`appwrite-secops init` writes one for what it detects).',
    references: ['https://docs.github.com/en/code-security/dependabot/working-with-dependabot/dependabot-options-reference'],
    controls: ['repository.dependabot'],
  },
  needs: ['github-repo'],
  messages: {
    noFile: 'No .github/dependabot.yml, but the repository has {{ecosystems}} dependencies.',
    missing: 'dependabot.yml has no entry for the "{{ecosystem}}" ecosystem (found {{file}}).',
  },
  run({ 'github-repo': repo }, { report }) {
    const present = Object.entries(repo.ecosystems);
    if (present.length === 0) return;
    if (!repo.dependabot) {
      report({ messageId: 'noFile', data: { ecosystems: present.map(([e]) => e).join(', ') }, resource: { type: 'repository', id: '.' }, location: { path: '.github/dependabot.yml' } });
      return;
    }
    if (repo.dependabot.invalid) return; // repo/workflows-valid reports it
    const configured = new Set(repo.dependabot.updates.map((u) => u.ecosystem));
    for (const [eco, file] of present) {
      // Dependabot's npm ecosystem also reads bun.lock; docker covers compose images before the docker-compose ecosystem existed.
      if (configured.has(eco) || (eco === 'bun' && configured.has('npm')) || (eco === 'docker-compose' && configured.has('docker'))) continue;
      report({ messageId: 'missing', data: { ecosystem: eco, file }, resource: { type: 'dependabot-ecosystem', id: eco }, location: { path: repo.dependabot.path } });
    }
  },
});

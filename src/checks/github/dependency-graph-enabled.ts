import { settingCheck } from './setting-check.js';

export const dependencyGraphEnabled = settingCheck(
  {
    id: 'github/dependency-graph-enabled',
    title: 'The dependency graph is on',
    severity: 'medium',
    risk: 'Dependabot alerts and dependency review both rely on the dependency graph; without it they silently see nothing.',
    remediation: 'Enable the dependency graph under Settings > Code security.',
    references: ['https://docs.github.com/en/code-security/supply-chain-security/understanding-your-software-supply-chain/configuring-the-dependency-graph'],
    controls: ['repository.dependency-review'],
  },
  'dependencyGraph',
  'the dependency graph',
);

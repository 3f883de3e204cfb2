import { parseDependabot, parseWorkflow } from '../../../collectors/github/parse.js';
import type { GithubRepoFacts } from '../../../collectors/github/schema.js';

/** Builds `github-repo` facts from real YAML text, through the real parser. */
export function repoFacts(workflows: Record<string, string>, opts: { dependabot?: string; ecosystems?: Record<string, string> } = {}): { 'github-repo': GithubRepoFacts } {
  return {
    'github-repo': {
      workflows: Object.entries(workflows).map(([name, text]) => parseWorkflow(text, `.github/workflows/${name}`)),
      ...(opts.dependabot !== undefined ? { dependabot: parseDependabot(opts.dependabot, '.github/dependabot.yml') } : {}),
      ecosystems: opts.ecosystems ?? {},
    },
  };
}

export const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCollector } from '../../core/collector.js';
import { errorMessage } from '../../core/errors.js';
import { parseDependabot, parseWorkflow, WorkflowParseError } from './parse.js';
import type { GithubRepoFacts } from './schema.js';

export type { GithubRepoFacts } from './schema.js';

const PR_TEMPLATES = ['.github/pull_request_template.md', '.github/PULL_REQUEST_TEMPLATE.md', 'pull_request_template.md', 'docs/pull_request_template.md'];

/** Files that tell Dependabot's `package-ecosystem` names the repository needs. */
const ECOSYSTEM_MARKERS: [RegExp, string][] = [
  [/(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|package\.json)$/, 'npm'],
  [/(^|\/)bun\.lockb?$/, 'bun'],
  [/(^|\/)(Dockerfile|[^/]*\.Dockerfile|Containerfile)$/, 'docker'],
  [/(^|\/)(docker-)?compose(\.[^/]+)?\.ya?ml$/, 'docker-compose'],
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, 'github-actions'],
  [/(^|\/)(requirements[^/]*\.txt|pyproject\.toml|Pipfile)$/, 'pip'],
  [/(^|\/)go\.mod$/, 'gomod'],
  [/(^|\/)Cargo\.toml$/, 'cargo'],
  [/(^|\/)composer\.json$/, 'composer'],
  [/(^|\/)pubspec\.yaml$/, 'pub'],
  [/(^|\/)Gemfile$/, 'bundler'],
];

export const githubCollector = defineCollector({
  key: 'github-repo',
  description: 'GitHub repository automation (.github/workflows, dependabot.yml, PR template)',
  async collect(ctx) {
    const ws = ctx.workspace;
    const files = await ws.files();
    const isRepoRoot = existsSync(path.join(ws.root, '.git')) || files.some((f) => f.startsWith('.github/'));
    if (!isRepoRoot) return { state: 'absent', reason: 'not the root of a git repository (no .git or .github folder)' };

    const facts: GithubRepoFacts = { workflows: [], ecosystems: {} };
    for (const rel of files.filter((f) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(f))) {
      try {
        facts.workflows.push(parseWorkflow(await ws.readText(rel, { maxBytes: 1024 * 1024 }), rel));
        ctx.recordInput('github-workflow', rel);
      } catch (err) {
        const line = err instanceof WorkflowParseError ? err.line : undefined;
        ctx.diagnose({ level: 'error', message: `workflow does not parse, so GitHub will not run it: ${errorMessage(err)}`, path: rel, line });
        facts.workflows.push({ path: rel, on: [], jobs: [], invalid: errorMessage(err), ...(line ? { invalidLine: line } : {}) });
      }
    }
    const dep = files.find((f) => f === '.github/dependabot.yml' || f === '.github/dependabot.yaml');
    if (dep) {
      try {
        facts.dependabot = parseDependabot(await ws.readText(dep, { maxBytes: 1024 * 1024 }), dep);
        ctx.recordInput('dependabot', dep);
      } catch (err) {
        ctx.diagnose({ level: 'error', message: `dependabot configuration does not parse: ${errorMessage(err)}`, path: dep, line: err instanceof WorkflowParseError ? err.line : undefined });
        facts.dependabot = { path: dep, updates: [], invalid: errorMessage(err) };
      }
    }
    facts.prTemplate = files.find((f) => PR_TEMPLATES.includes(f) || /^\.github\/PULL_REQUEST_TEMPLATE\/[^/]+\.md$/i.test(f));
    for (const f of files) {
      if (f.includes('/examples/') || f.startsWith('examples/') || f.includes('__fixtures__/') || f.startsWith('test/')) continue;
      for (const [re, eco] of ECOSYSTEM_MARKERS) if (re.test(f) && !facts.ecosystems[eco]) facts.ecosystems[eco] = f;
    }
    return { state: 'ok', value: facts };
  },
});

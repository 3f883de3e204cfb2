import { describe, expect, it } from 'vitest';
import { installsIn, isCiFile, shellLines } from './ci.js';

describe('install commands in a shell line', () => {
  const cases: [string, string[]][] = [
    ['npm ci', ['npm ci']],
    ['npm install', ['npm install']],
    ['npm i --no-audit', ['npm install --no-audit']],
    ['npm install -g pnpm@9', ['npm install -g +pkgs']],
    ['npm --prefix web install', ['npm install --prefix']],
    ['cd web && npm install && npm test', ['npm install']],
    ['yarn', ['yarn']],
    ['yarn --frozen-lockfile', ['yarn --frozen-lockfile']],
    ['yarn install --immutable', ['yarn install --immutable']],
    ['yarn --cwd app install', ['yarn install --cwd']],
    ['yarn add left-pad', ['yarn add +pkgs']],
    ['pnpm install --frozen-lockfile=false', ['pnpm install --frozen-lockfile=false']],
    ['pnpm i', ['pnpm install']],
    ['corepack pnpm install --no-frozen-lockfile', ['pnpm install --no-frozen-lockfile']],
    ['CI=true bun install', ['bun install']],
    ['npm run build', []],
    ['echo npm install # just text', []],
    ['npm install --registry=https://user:s3cr3t@registry.example.com/', ['npm install --registry']],
  ];
  for (const [line, expected] of cases) {
    it(line, () => {
      expect(installsIn(line).map((i) => [i.manager, i.subcommand, ...i.flags, i.hasPackages ? '+pkgs' : ''].filter(Boolean).join(' '))).toEqual(expected);
    });
  }
  it('never keeps option values (they can hold tokens)', () => {
    expect(JSON.stringify(installsIn('npm install --registry=https://user:s3cr3t@registry.example.com/'))).not.toContain('s3cr3t');
  });
});

describe('shell lines of CI files', () => {
  it('finds run steps with their real line numbers', () => {
    const text = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm install
      - name: many
        run: |
          echo one
          yarn
          npm test
`;
    expect(shellLines(text)).toEqual([
      { text: 'npm install', line: 8 },
      { text: 'echo one', line: 11 },
      { text: 'yarn', line: 12 },
      { text: 'npm test', line: 13 },
      { text: '', line: 14 },
    ]);
  });
  it('reads GitLab script lists', () => {
    const text = `test:
  image: node:20
  before_script:
    - npm ci
  script:
    - npm run lint
    - bun install
`;
    expect(shellLines(text).map((l) => `${l.line}:${l.text}`)).toEqual(['4:npm ci', '6:npm run lint', '7:bun install']);
  });
  it('bad YAML throws with a line', () => {
    expect(() => shellLines('jobs:\n  a: [\n')).toThrow(/invalid YAML/);
  });
  it('knows which files are CI definitions', () => {
    expect(['.github/workflows/ci.yml', '.gitlab-ci.yml', 'apps/x/.gitlab-ci.yml', '.circleci/config.yml', 'bitbucket-pipelines.yml', 'azure-pipelines.yaml'].every(isCiFile)).toBe(true);
    expect(['.github/dependabot.yml', 'docker-compose.yml', 'workflows/ci.yml'].some(isCiFile)).toBe(false);
  });
});

import os from 'node:os';

/**
 * Environment variables worth recording about where a run happened. An allowlist on purpose: the
 * environment of a CI job is full of tokens, and a store keeps what it is given for years.
 */
const RECORDED_VARS = [
  'CI',
  'GITHUB_ACTIONS',
  'GITHUB_REPOSITORY',
  'GITHUB_REF',
  'GITHUB_SHA',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_WORKFLOW',
  'GITHUB_EVENT_NAME',
  'GITLAB_CI',
  'CI_PROJECT_PATH',
  'CI_COMMIT_SHA',
  'CI_COMMIT_REF_NAME',
  'CI_PIPELINE_ID',
  'CI_JOB_ID',
  'BUILDKITE_BUILD_NUMBER',
  'BUILDKITE_COMMIT',
  'CIRCLE_BUILD_NUM',
  'CIRCLE_SHA1',
] as const;

export interface RunEnvironment {
  node: string;
  platform: string;
  arch: string;
  hostname: string;
  ci: Record<string, string>;
  [key: string]: unknown;
}

/** Where a run happened: runtime, host, and CI identifiers from an allowlist of variables. */
export function captureEnvironment(env: NodeJS.ProcessEnv = process.env): RunEnvironment {
  const ci: Record<string, string> = {};
  for (const name of RECORDED_VARS) {
    const v = env[name];
    if (v !== undefined && v !== '') ci[name] = v.slice(0, 200);
  }
  return { node: process.version, platform: process.platform, arch: process.arch, hostname: os.hostname(), ci };
}

/** Repository security settings read from the GitHub REST API. `undefined` = could not be read (see `errors`). */
export interface GithubOnlineFacts {
  repo: string;
  defaultBranch?: string;
  secretScanning?: boolean;
  pushProtection?: boolean;
  dependabotAlerts?: boolean;
  dependabotSecurityUpdates?: boolean;
  dependencyGraph?: boolean;
  branchProtection?: {
    protected: boolean;
    requiredReviews?: number;
    allowsForcePushes?: boolean;
    allowsDeletions?: boolean;
    /** Protection came from a repository ruleset rather than classic branch protection. */
    viaRuleset?: boolean;
  };
  /** Settings that could not be read, with the reason (missing token scope, API error). */
  errors: Record<string, string>;
}

declare module '../../core/facts.js' {
  interface Facts {
    'github-online': GithubOnlineFacts;
  }
}

declare module '../../core/collector.js' {
  interface AuditInputs {
    /** `owner/repo` to read repository security settings from the GitHub API. */
    github?: string;
    /** GitHub API base URL (GitHub Enterprise Server, or a test server). */
    githubApi?: string;
  }
}

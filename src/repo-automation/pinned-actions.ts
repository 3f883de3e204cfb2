/**
 * Actions the generated workflow uses, pinned to the full commit SHA of a release tag (read from each
 * action's repository; the tag is kept as a comment so Dependabot can propose updates).
 */
export const PINNED_ACTIONS = {
  checkout: { uses: 'actions/checkout', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', tag: 'v7.0.1' },
  setupNode: { uses: 'actions/setup-node', sha: '820762786026740c76f36085b0efc47a31fe5020', tag: 'v7.0.0' },
  dependencyReview: { uses: 'actions/dependency-review-action', sha: '2031cfc080254a8a887f58cffee85186f0e49e48', tag: 'v4.9.0' },
  uploadSarif: { uses: 'github/codeql-action/upload-sarif', sha: '8aad20d150bbac5944a9f9d289da16a4b0d87c1e', tag: 'v4.36.2' },
  osvScanner: { uses: 'google/osv-scanner-action/.github/workflows/osv-scanner-reusable.yml', sha: '8deb546fdb875b9996d27d4950be7312dac076a1', tag: 'v2.5.0' },
} as const;

export function pinned(a: { uses: string; sha: string; tag: string }): string {
  return `${a.uses}@${a.sha} # ${a.tag}`;
}

// @yarnpkg/lockfile ships no types; this is the part of its API we use.
declare module '@yarnpkg/lockfile' {
  export interface YarnLockEntry {
    version?: string;
    resolved?: string;
    integrity?: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  }
}

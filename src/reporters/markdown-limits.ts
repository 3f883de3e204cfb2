/** GitHub's limit for one step's `$GITHUB_STEP_SUMMARY` is 1 MiB. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;
/** A PR or issue comment body may hold at most 65,536 characters; pass this as `maxBytes` for comments. */
export const COMMENT_MAX_BYTES = 65_536;

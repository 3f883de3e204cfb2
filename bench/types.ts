/** One measurement: our subject against a named baseline, as a ratio (and the target it is held to). */
export interface BenchResult {
  /** e.g. `audit on examples/selfhosted-insecure`. */
  name: string;
  /** e.g. `node -e 0`. */
  baseline: string;
  subjectValue: number;
  baselineValue: number;
  /** `ms` (lower is better) or a rate such as `MiB/s` or `rows/s` (higher is better). */
  unit: string;
  /** subject / baseline for times, baseline / subject for rates: always "how many times worse", 1 = as good. */
  ratio: number;
  /** Upper bound for `ratio` from the issue; the run reports, it does not fail. */
  target?: number;
  notes?: string;
}

export type Bench = () => Promise<BenchResult[]>;

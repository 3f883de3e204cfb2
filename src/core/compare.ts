/**
 * Code-unit string comparison for every sort in the tool. `localeCompare` depends on the ICU locale of
 * the machine (so two runs could order a report differently) and its first call costs milliseconds.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

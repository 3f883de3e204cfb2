/**
 * "Did you mean" support: the optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions, the commonest typing mistake) and the nearest candidate within a bound.
 */
export function typoDistance(a: string, b: string): number {
  return boundedTypoDistance(a, b, Math.max(a.length, b.length));
}

/**
 * The typo distance when it is at most `max`, otherwise some number above `max`. Three rolling rows
 * and an early stop once a whole row exceeds the bound: suggestions compare one name against hundreds.
 */
function boundedTypoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Uint32Array(n + 1);
  let prev = new Uint32Array(n + 1);
  let cur = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** The candidate nearest to `input` (ties: the alphabetically first), if within `maxDistance`. */
export function nearest(input: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = boundedTypoDistance(input, c, Math.min(maxDistance, bestD));
    if (d > maxDistance) continue;
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

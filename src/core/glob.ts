import picomatch from 'picomatch';

const cache = new Map<string, (s: string) => boolean>();

/** Glob match for check ids (`selfhost/*`) and paths (`apps/**\/.env`). A plain string matches itself. */
export function globMatch(pattern: string, value: string): boolean {
  let m = cache.get(pattern);
  if (!m) {
    m = picomatch(pattern, { dot: true });
    cache.set(pattern, m);
  }
  return m(value);
}

export function matchesAny(patterns: readonly string[] | undefined, value: string): boolean {
  return !!patterns && patterns.some((p) => globMatch(p, value));
}

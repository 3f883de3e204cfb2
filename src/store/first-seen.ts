import type { Sql } from './driver.js';
import type { Scrub } from './evidence-log.js';

const CHUNK = 500;

/** Records keys as first seen at `at`, keeping the earliest date when a key is already known. */
export async function recordSeenTx(sql: Sql, keys: readonly string[], at: string, scrub: Scrub): Promise<void> {
  const sorted = [...keys].sort();
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const part = sorted.slice(i, i + CHUNK);
    await sql.run(
      `INSERT INTO first_seen (key, first_seen_at) VALUES ${part.map(() => '(?, ?)').join(', ')}
       ON CONFLICT (key) DO UPDATE SET first_seen_at = excluded.first_seen_at WHERE excluded.first_seen_at < first_seen.first_seen_at`,
      part.flatMap((k) => [scrub(k), at]),
    );
  }
}

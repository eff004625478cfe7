import type { RawSql } from '../client';

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window resets. */
  ttlMs: number;
}

/**
 * Fixed-window counters in the database, so that N API processes share one limit instead of
 * allowing N times it. One statement per hit (an upsert): no transaction, no lock held.
 */
export function rateLimitRepo(raw: RawSql) {
  let hitsSinceSweep = 0;
  return {
    async hit(key: string, windowMs: number): Promise<RateLimitHit> {
      const rows = await raw.query<{ count: number; ttl_ms: number }>(
        `INSERT INTO "rate_limits" ("key", "count", "resetAt")
           VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
         ON CONFLICT ("key") DO UPDATE SET
           "count" = CASE WHEN "rate_limits"."resetAt" <= now() THEN 1 ELSE "rate_limits"."count" + 1 END,
           "resetAt" = CASE WHEN "rate_limits"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "rate_limits"."resetAt" END
         RETURNING "count", GREATEST(0, CEIL(EXTRACT(EPOCH FROM ("resetAt" - now())) * 1000))::int AS ttl_ms`,
        [key, windowMs],
      );
      // Expired windows are dead weight: sweep them now and then, off the answer's path.
      if (++hitsSinceSweep >= 500) {
        hitsSinceSweep = 0;
        void raw.query(`DELETE FROM "rate_limits" WHERE "resetAt" < now() - interval '1 minute'`).catch(() => {});
      }
      const row = rows[0]!;
      return { count: Number(row.count), ttlMs: Number(row.ttl_ms) };
    },
  };
}

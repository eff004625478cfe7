import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitHit } from '@bm/db';

/** What the store needs from the database: one counter bump per request (packages/db's rateLimits). */
export interface RateLimitCounter {
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
}

type IncrCallback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit whose counters live in the shared database, so that every API
 * process behind a load balancer counts the same requests (an in-memory store lets N processes
 * allow N times the limit). Keys are namespaced by route so two routes' limits never mix.
 * If the database cannot be reached, the request is let through: a rate limit must not turn a
 * database blip into an outage of login.
 */
export function databaseRateLimitStore(counter: RateLimitCounter): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    // @fastify/rate-limit constructs the store with its options; children get a route prefix.
    private readonly prefix: string;
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }

    incr(key: string, cb: IncrCallback, timeWindow: number) {
      counter.hit(`${this.prefix}${key}`, timeWindow).then(
        (r) => cb(null, { current: r.count, ttl: r.ttlMs }),
        () => cb(null, { current: 0, ttl: timeWindow }),
      );
    }

    // At run time the plugin passes the route's merged limit options, the route under `routeInfo`.
    child(routeOptions: object) {
      const r = (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${r?.method ?? ''} ${r?.url ?? ''}|`);
    }
  };
}

import { Context } from '@temporalio/activity';
import { isTransientDbError } from '@bm/db/errors';

// A database outage is not a node failure. Inside an activity every repository call waits the
// outage out — retried with backoff until the database answers again — instead of failing the
// attempt: the node's own retry budget is for the node's own failures, and a node whose work
// already happened (an LLM answered, a webhook was delivered) keeps its result in memory while only
// the recording is retried. Each repository method is one statement or one transaction, so
// repeating a call that failed to reach the database repeats nothing that happened.

export interface PatienceOptions {
  /** How long to keep trying before the activity itself fails (and Temporal retries it). */
  budgetMs?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Told once per outage, when the first call fails and when the database is back. */
  log?: (msg: string, data?: Record<string, unknown>) => void;
}

/** Long enough for a database restart or failover; short of the default node timeout (5 min). */
const DEFAULT_BUDGET_MS = 4 * 60_000;

class DatabaseUnavailableError extends Error {
  readonly code = 'DB_UNAVAILABLE';
  readonly retryable = true;
  constructor(cause: unknown) {
    super('The database could not be reached for several minutes; the step will be retried.', { cause });
  }
}

function activityContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined; // outside an activity (tests, the API)
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });
}

/** Runs `call`, waiting out transient database failures; anything else is thrown at once. */
export async function patiently<T>(call: () => Promise<T>, opts: PatienceOptions = {}): Promise<T> {
  const budget = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  let delay = opts.initialDelayMs ?? 250;
  const started = Date.now();
  let waited = false;
  for (;;) {
    try {
      const result = await call();
      if (waited) opts.log?.('the database answers again', { waitedMs: Date.now() - started });
      return result;
    } catch (err) {
      if (!isTransientDbError(err)) throw err;
      if (Date.now() - started > budget) throw new DatabaseUnavailableError(err);
      if (!waited) opts.log?.('the database is unreachable; waiting for it', { error: (err as Error).message });
      waited = true;
      const ctx = activityContext();
      // Keep the activity alive while waiting (a worker that merely waits is not a lost worker);
      // local activities have no heartbeat and are kept alive by their own timeout.
      try {
        ctx?.heartbeat();
      } catch {
        // local activity
      }
      await sleep(delay, ctx?.cancellationSignal);
      delay = Math.min(delay * 2, opts.maxDelayMs ?? 5_000);
    }
  }
}

/**
 * The same repositories, every method call made `patiently`. Applied once where the worker builds
 * the activities, so no activity code path can forget it.
 */
export function patientRepositories<R extends object>(repos: R, opts: PatienceOptions = {}): R {
  const wrapRepo = (repo: object) =>
    new Proxy(repo, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        const fn = value as (...a: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const first = fn.apply(target, args);
          // Synchronous helpers (newId) stay synchronous; only database calls are retried.
          if (!first || typeof (first as Promise<unknown>).then !== 'function') return first;
          let pending: unknown = first;
          return patiently(() => {
            const call = pending ?? fn.apply(target, args);
            pending = undefined;
            return call as Promise<unknown>;
          }, opts);
        };
      },
    });
  return new Proxy(repos, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      // `db` is the raw handle, not a repository.
      return prop !== 'db' && value && typeof value === 'object' ? wrapRepo(value) : value;
    },
  });
}

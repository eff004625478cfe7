import pino from 'pino';
import { CENSOR, censorSensitiveFields, isPlainObject, REDACT_PATHS, redactText } from './redact';

export interface CreateLoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go (default stdout). Any object with write(line). */
  destination?: pino.DestinationStream;
  /** Exact strings to mask wherever they appear (e.g. a secret known at start-up). */
  extraSecrets?: string[];
}

/**
 * Copy of a serialized error with redactText applied to every string in its plain objects and
 * arrays. Other objects (sockets, Dates, class instances copied by the std serializer) are left to
 * pino's JSON and the streamWrite pass.
 */
function scrubStrings(value: unknown, scrub: (s: string) => string, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object' || depth > 10 || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrubStrings(v, scrub, depth + 1, seen));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubStrings(v, scrub, depth + 1, seen)]));
}

/**
 * A pino logger that keeps provider keys out of logs, in layers:
 * 1. `redact` (REDACT_PATHS) censors credential fields and headers at the usual paths, and
 *    `formatters.log` censors the same names at any depth;
 * 2. the `err` serializer scrubs error messages, stacks, causes and nested fields with redactText
 *    (a provider error that echoes the key) and censors credential-named fields inside errors;
 * 3. the `logMethod` hook scrubs message strings (and supplies a scrubbed msg for logger.error(err));
 * 4. the `streamWrite` hook runs redactText over each finished line, catching key-shaped strings in
 *    any field the other layers did not know about.
 */
export function createLogger(opts: CreateLoggerOptions = {}): pino.Logger {
  const extra = opts.extraSecrets ?? [];
  const scrub = (s: string): string => redactText(s, extra);
  const errSerializer = (err: unknown): unknown => {
    const base = err instanceof Error ? pino.stdSerializers.err(err) : err;
    return scrubStrings(censorSensitiveFields(base), scrub, 0, new WeakSet());
  };
  return pino(
    {
      level: opts.level ?? 'info',
      ...(opts.name !== undefined ? { name: opts.name } : {}),
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      formatters: { log: (obj) => censorSensitiveFields(obj) as Record<string, unknown> },
      serializers: { err: errSerializer, error: errSerializer },
      hooks: {
        logMethod(args, method) {
          const scrubbed: unknown[] = args.map((a) => (typeof a === 'string' ? scrub(a) : a));
          // logger.error(err) uses err.message as msg verbatim: supply the scrubbed one instead.
          if (scrubbed[0] instanceof Error && typeof scrubbed[1] !== 'string') {
            scrubbed.splice(1, 0, scrub(scrubbed[0].message));
          }
          return method.apply(this, scrubbed as Parameters<pino.LogFn>);
        },
        streamWrite: scrub,
      },
    },
    opts.destination ?? pino.destination(1),
  );
}

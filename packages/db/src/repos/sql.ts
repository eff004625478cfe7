import type { RawConn } from '../client';

/**
 * The engine's hot paths (recording runs and node runs, reading them back, authenticating a token)
 * are single SQL statements on the raw driver rather than Prisma queries: measured on PGlite, a
 * Prisma query costs 1.2–2 ms of CPU where the same statement costs 0.3–0.5 ms on the driver
 * (bench: packages/db's raw vs Prisma comparison in bench/README.md). Everything else stays Prisma.
 *
 * `sql` turns a template into a parameterised statement: values never become SQL text.
 */
export interface Statement {
  text: string;
  values: unknown[];
}

/** SQL text written in this package (a column list), spliced in as it is — never a value from outside. */
export class Fragment {
  constructor(readonly text: string) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  let text = strings[0]!;
  const params: unknown[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v instanceof Fragment) text += v.text;
    else {
      params.push(v);
      text += `$${params.length}`;
    }
    text += strings[i + 1];
  }
  return { text, values: params };
}

export const query = <T>(raw: RawConn, s: Statement): Promise<T[]> => raw.query<T>(s.text, s.values);

/**
 * A value as JSON text for a `…::jsonb` parameter (null and undefined stay SQL NULL); drivers
 * differ in how they send objects, text is the same everywhere.
 */
export const jsonText = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * A time for a `…::timestamp` parameter, as Prisma stores DateTime (UTC, timestamp without time
 * zone): the cast ignores the ISO text's zone suffix, so the wall time stays UTC whatever the
 * session's time zone. Read times back as `col AT TIME ZONE 'UTC'` (a timestamptz) for the same reason.
 */
export const sqlTime = (d: Date): string => d.toISOString();

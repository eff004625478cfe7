import { createHash } from 'node:crypto';
import { parse, protocol, type PGlite } from '@electric-sql/pglite';

/**
 * Parameterised queries on PGlite as named prepared statements, in one call into the database.
 *
 * PGlite's own `query(sql, params)` makes five calls into the WebAssembly Postgres per statement
 * (parse, describe the statement for parameter types, bind, describe the portal, execute) and parses
 * and plans the SQL every time. The hot paths run a dozen fixed statements per run (repos/sql.ts):
 * here each is parsed once per database session under a name derived from its text, and every call
 * sends bind + describe + execute + sync in one message. Parameters go as text with their types
 * inferred by Postgres from the statement — as node-postgres does — so the SQL casts what it needs
 * (`$1::jsonb`, `$1::timestamp`).
 *
 * Takes the same two locks as `PGlite.query` (no statement lands inside another caller's
 * transaction). Measured in bench/throughput (see bench/README.md).
 */
export function preparedStatements(db: PGlite) {
  const prepared = new Set<string>();
  const nameOf = (sql: string) => `bm_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;

  return async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const name = nameOf(sql);
    return db._runExclusiveTransaction(() =>
      db.runExclusive(async () => {
        const first = !prepared.has(name);
        const parts = [
          ...(first ? [protocol.serialize.parse({ name, text: sql })] : []),
          protocol.serialize.bind({ statement: name, values: params.map(asText) }),
          protocol.serialize.describe({ type: 'P' }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ];
        try {
          const { messages } = await db.execProtocol(concat(parts));
          prepared.add(name);
          return (parse.parseResults(messages, db.parsers)[0]?.rows ?? []) as T[];
        } catch (err) {
          // A statement parsed now but failed later (a constraint, a bad value) stays prepared in
          // Postgres: close it, so the next call parses it again under the same name.
          if (first)
            await db.execProtocol(concat([protocol.serialize.close({ type: 'S', name }), protocol.serialize.sync()])).catch(() => {});
          throw err;
        }
      }),
    );
  };
}

/** A parameter as Postgres text input (null stays NULL). */
function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v))
    return `{${v.map((x) => (x === null || x === undefined ? 'NULL' : `"${String(x).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
  return JSON.stringify(v);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

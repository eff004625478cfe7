import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { markDatabaseError } from './errors';
import { PrismaClient } from './generated/client';
import { upgradePgliteDataDir } from './pglite-upgrade';
import { preparedStatements } from './pglite-statements';

export type DatabaseKind = 'pglite' | 'postgres';

/** Raw SQL on one connection (multi-statement SQL allowed in exec). */
export interface RawConn {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Raw SQL access used by the migrator and health checks. */
export interface RawSql extends RawConn {
  /** Runs fn on one dedicated connection while holding a database-wide lock (serialises migrations across processes). */
  withLock<T>(key: number, fn: (conn: RawConn) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  raw: RawSql;
  /** PostgreSQL only: a connection string for a dedicated LISTEN connection (pooled ones cannot listen). */
  listenUrl?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** Where PGlite persists (`<dataDir>/pglite`); ignored for PostgreSQL. */
  dataDir?: string;
  /** Run PGlite in memory (tests, benchmarks). */
  inMemory?: boolean;
  /** PostgreSQL pool size per process. */
  poolSize?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts);
}

/** Raw driver errors are marked as the database's, so a socket error is not mistaken for a node's. */
const fromDatabase = (err: unknown): never => {
  throw markDatabaseError(err);
};

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const pool = new pg.Pool({ connectionString: url, max });
  // A client whose server goes away (a restart, a failover) emits 'error': idle ones through the
  // pool, checked-out ones (a transaction in flight) on themselves. Neither may crash the process;
  // the query that was running fails and is retried by its caller.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const raw: RawSql = {
    async exec(sql) {
      await pool.query(sql).catch(fromDatabase);
    },
    async query(sql, params) {
      const r = await pool.query(sql, params as unknown[] | undefined).catch(fromDatabase);
      return r.rows;
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      const conn: RawConn = {
        async exec(sql) {
          await client.query(sql);
        },
        async query(sql, params) {
          return (await client.query(sql, params as unknown[] | undefined)).rows;
        },
      };
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn(conn);
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
  };
  return {
    kind: 'postgres',
    prisma,
    raw,
    listenUrl: url,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  let db: InstanceType<typeof PGlite>;
  if (opts.inMemory) {
    db = new PGlite();
  } else {
    const dir = path.join(path.resolve(opts.dataDir ?? '.data'), 'pglite');
    mkdirSync(dir, { recursive: true });
    const backup = await upgradePgliteDataDir(dir);
    if (backup) console.warn(`Upgraded the embedded database to PostgreSQL 18; the previous data is kept in ${backup}.`);
    db = new PGlite(dir);
  }
  await db.waitReady;
  // pglite-prisma-adapter 0.6 is typed against driver-adapter-utils 6.10; the runtime contract is the
  // same in 6.19 (verified), only the declaration types differ.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) as never });
  const statements = preparedStatements(db);
  const raw: RawSql = {
    async exec(sql) {
      await db.exec(sql).catch(fromDatabase);
    },
    async query(sql, params) {
      return statements<never>(sql, params as unknown[] | undefined).catch(fromDatabase);
    },
    // PGlite lives inside this one process: nothing else can migrate it concurrently.
    withLock: (_key, fn) => fn(raw),
  };
  return {
    kind: 'pglite',
    prisma,
    raw,
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

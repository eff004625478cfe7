import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawConn, RawSql } from './client';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../prisma/migrations');

// Arbitrary constant: the advisory lock every process takes while migrating.
const MIGRATION_LOCK = 7_361_204;

/**
 * Applies pending migrations from prisma/migrations in-process, at start.
 *
 * The Prisma CLI's `migrate deploy` runs in its own process, which cannot open an embedded PGlite
 * directory that this process holds, and it would add a CLI spawn to every start. This applies the
 * same files and records them in Prisma's own `_prisma_migrations` table with Prisma's checksum,
 * so `prisma migrate status` / `deploy` agree with what ran here.
 */
export async function applyMigrations(raw: RawSql, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return raw.withLock(MIGRATION_LOCK, async (conn: RawConn) => {
    await conn.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await conn.query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      'SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const name of names) {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const prev = done.get(name);
      if (prev?.finished_at) {
        if (prev.checksum !== checksum) {
          throw new Error(
            `Migration ${name} was changed after it was applied (checksum mismatch). Add a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      if (prev) throw new Error(`Migration ${name} failed earlier and needs attention before the app can start.`);
      const id = randomUUID();
      // DDL in PostgreSQL is transactional: a failing migration leaves nothing half-applied.
      await conn.exec('BEGIN');
      try {
        await conn.exec(sql);
        await conn.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, checksum, name],
        );
        await conn.exec('COMMIT');
      } catch (err) {
        await conn.exec('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(err as Error).message}`);
      }
      applied.push(name);
    }
    return { applied };
  });
}

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite as PGlite17 } from '@electric-sql/pglite-pg17';
import { describe, expect, it } from 'vitest';
import { applyMigrations, createRepositories, openDatabase, type RawSql } from './index';

describe('embedded database written by PGlite 0.3 (PostgreSQL 17)', () => {
  it('is upgraded to PostgreSQL 18 on open, data kept, the old directory left as a backup', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bm-pg17-'));
    const dir = path.join(dataDir, 'pglite');
    // What an existing install has: the schema migrated and a user, all on PostgreSQL 17.
    const old = new PGlite17(dir);
    await old.waitReady;
    const raw: RawSql = {
      exec: async (sql) => void (await old.exec(sql)),
      query: async (sql, params) => (await old.query(sql, params)).rows as never[],
      withLock: (_key, fn) => fn(raw),
    };
    const { applied } = await applyMigrations(raw);
    await old.exec(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u1', 'old@example.com', 'Old', 'x', now())`);
    await old.close();
    expect(readFileSync(path.join(dir, 'PG_VERSION'), 'utf8').trim()).toBe('17');

    const db = await openDatabase({ dataDir });
    try {
      expect(readFileSync(path.join(dir, 'PG_VERSION'), 'utf8').trim()).toBe('18');
      expect((await db.raw.query<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]!.v).toMatch(/^18\./);
      // The migrations table came along: nothing to apply again.
      expect((await applyMigrations(db.raw)).applied).toEqual([]);
      expect(applied.length).toBeGreaterThan(0);
      const user = await createRepositories(db).users.findByEmail('old@example.com');
      expect(user?.name).toBe('Old');
    } finally {
      await db.close();
    }
    expect(readdirSync(dataDir).filter((n) => n.startsWith('pglite.pg17-backup-'))).toHaveLength(1);
  });
});

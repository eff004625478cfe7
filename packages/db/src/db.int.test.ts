import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, ConflictError, createRepositories, NotFoundError, openDatabase, type Database } from './index';

// Runs on PGlite always, and on PostgreSQL when the test command provides one.
const targets: [string, () => Promise<Database>][] = [
  ['pglite', () => openDatabase({ dataDir: mkdtempSync(path.join(tmpdir(), 'bm-db-')) })],
];
if (process.env.BM_TEST_DATABASE_URL) {
  targets.push(['postgres', () => openDatabase({ databaseUrl: process.env.BM_TEST_DATABASE_URL })]);
}

describe.each(targets)('database on %s', (_name, open) => {
  let db: Database;
  afterAll(async () => db?.close());

  it('applies migrations once and records them where prisma migrate status looks', async () => {
    db = await open();
    const first = await applyMigrations(db.raw);
    const second = await applyMigrations(db.raw);
    expect(second.applied).toEqual([]);
    const rows = await db.raw.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations"');
    expect(rows.map((r) => r.migration_name)).toEqual(expect.arrayContaining(first.applied.length ? first.applied : [rows[0]!.migration_name]));
  });

  it('creates a user with a personal workspace, a bot with version 1, and a new version per graph change', async () => {
    const repos = createRepositories(db);
    const email = `u${Date.now()}@example.com`;
    const { user, workspaceId } = await repos.users.create({ email, name: 'U', passwordHash: 'x' });
    expect((await repos.workspaces.listForUser(user.id))[0]!.role).toBe('owner');
    const bot = await repos.bots.create({ workspaceId, createdById: user.id, name: 'b', graph: { nodes: [], edges: [] } });
    expect(bot.currentVersion).toBe(1);
    const updated = await repos.bots.update(bot.id, user.id, { graph: { nodes: [], edges: [], x: 1 } }, true);
    expect(updated.currentVersion).toBe(2);
    expect((await repos.bots.version(bot.id, 1))?.graph).toEqual({ nodes: [], edges: [] });
  });

  it('reports missing rows and lost races as typed errors, never as Prisma codes', async () => {
    const repos = createRepositories(db);
    const email = `race${Date.now()}@example.com`;
    const { user, workspaceId } = await repos.users.create({ email, name: 'U', passwordHash: 'x' });
    await expect(repos.users.create({ email, name: 'U2', passwordHash: 'x' })).rejects.toBeInstanceOf(ConflictError);
    await expect(repos.bots.update('bot_missing', user.id, { name: 'x' }, false)).rejects.toBeInstanceOf(NotFoundError);
    await expect(repos.schedules.delete('sch_missing')).rejects.toMatchObject({ name: 'NotFoundError', entity: 'Schedule' });
    const bot = await repos.bots.create({ workspaceId, createdById: user.id, name: 'b', graph: { nodes: [], edges: [] } });
    // Two saves computed from version 1: the second finds version 2 taken.
    const saves = await Promise.allSettled([1, 2].map((i) => repos.bots.update(bot.id, user.id, { graph: { nodes: [], edges: [], i } }, true)));
    const lost = saves.filter((s) => s.status === 'rejected');
    expect(saves.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect(lost.map((s) => (s as PromiseRejectedResult).reason)).toEqual([expect.any(ConflictError)]);
  });
});

afterAll(() => {
  // temp dirs are removed by the OS; nothing else to clean
  void rmSync;
});

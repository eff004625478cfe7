import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestPostgresDatabase } from './testing';
import {
  MIGRATIONS_DIR,
  applyMigrations,
  ConflictError,
  createRepositories,
  findUnstorable,
  makeStorable,
  MAX_JSON_DEPTH,
  NotFoundError,
  openDatabase,
  type Database,
  VersionConflictError,
} from './index';

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
    expect(rows.map((r) => r.migration_name)).toEqual(
      expect.arrayContaining(first.applied.length ? first.applied : [rows[0]!.migration_name]),
    );
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

  it('refuses exactly what findUnstorable flags, and stores what makeStorable returns', async () => {
    const nest = (n: number): unknown => (n === 0 ? 'leaf' : { a: nest(n - 1) });
    const store = (v: unknown) => db.raw.query('SELECT $1::jsonb AS j', [JSON.stringify(v)]);
    for (const bad of [{ t: 'a\u0000b' }, { t: 'x\uD800' }, { ['k\u0000']: 1 }]) {
      expect(findUnstorable(bad)).toBeDefined();
      await expect(store(bad)).rejects.toThrow();
      await expect(store(makeStorable(bad).value)).resolves.toBeDefined();
    }
    await expect(db.raw.query('SELECT $1::text AS t', ['a\u0000b'])).rejects.toThrow();
    // The depth limit is far below where the engines give up (PGlite's WebAssembly stack fails
    // between 512 and 1 000 levels, and takes the instance down with it: never send it there).
    expect(findUnstorable(nest(MAX_JSON_DEPTH - 1))).toBeUndefined();
    await expect(store(nest(MAX_JSON_DEPTH * 4))).resolves.toBeDefined();
  });

  it('counts rate-limit hits in fixed windows shared by every process', async () => {
    const repos = createRepositories(db);
    const key = `k${Date.now()}${Math.random()}`;
    const hits = await Promise.all(Array.from({ length: 10 }, () => repos.rateLimits.hit(key, 60_000)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(hits[0]!.ttlMs).toBeGreaterThan(50_000);
    // A second "process" (another repository object on the same database) sees the same count.
    expect((await createRepositories(db).rateLimits.hit(key, 60_000)).count).toBe(11);
    // Once the window is over the count starts again.
    const short = `${key}-short`;
    await repos.rateLimits.hit(short, 50);
    await new Promise((r) => setTimeout(r, 80));
    expect((await repos.rateLimits.hit(short, 50)).count).toBe(1);
  });
  it('upgrades stored webhook tokens to hashes, and their URLs keep working', async () => {
    // A database as it was before tokens were hashed: every migration up to the one that hashes them.
    const pgdb = db.kind === 'postgres' ? await createTestPostgresDatabase('upgrade') : undefined;
    const fresh = pgdb ? await openDatabase({ databaseUrl: pgdb.url }) : await open();
    const before = mkdtempSync(path.join(tmpdir(), 'bm-mig-'));
    for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n < '20261201093000'))
      cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    try {
      const suffix = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
      await applyMigrations(fresh.raw, before);
      await fresh.raw.exec(
        `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u${suffix}', 'u${suffix}@x.test', 'U', 'x', now())`,
      );
      await fresh.raw.exec(`INSERT INTO "Workspace" (id, name, "updatedAt") VALUES ('w${suffix}', 'W', now())`);
      await fresh.raw.exec(
        `INSERT INTO "Bot" (id, "workspaceId", "createdById", name, graph, "webhookToken", "updatedAt") VALUES ('b${suffix}', 'w${suffix}', 'u${suffix}', 'B', '{}', 'plain-token-${suffix}', now())`,
      );
      await applyMigrations(fresh.raw);
      const repos = createRepositories(fresh);
      expect((await repos.bots.findByWebhookToken(`plain-token-${suffix}`))?.id).toBe(`b${suffix}`);
      const rows = await fresh.raw.query<{ webhookToken: string }>(`SELECT "webhookToken" FROM "Bot" WHERE id = 'b${suffix}'`);
      expect(rows[0]!.webhookToken).not.toContain('plain-token');
    } finally {
      await fresh.close();
      await pgdb?.drop();
      rmSync(before, { recursive: true, force: true });
    }
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
    const saves = await Promise.allSettled(
      [1, 2].map((i) => repos.bots.update(bot.id, user.id, { graph: { nodes: [], edges: [], i } }, true)),
    );
    const lost = saves.filter((s) => s.status === 'rejected');
    expect(saves.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect(lost.map((s) => (s as PromiseRejectedResult).reason)).toEqual([expect.any(ConflictError)]);
  });

  it('writes a save based on a version only while that version is current: of two concurrent ones exactly one wins', async () => {
    const repos = createRepositories(db);
    const { user, workspaceId } = await repos.users.create({ email: `base${Date.now()}@example.com`, name: 'U', passwordHash: 'x' });
    const bot = await repos.bots.create({ workspaceId, createdById: user.id, name: 'b', graph: { nodes: [], edges: [] } });
    const saves = await Promise.allSettled(
      ['a', 'b'].map((tab) => repos.bots.update(bot.id, user.id, { graph: { nodes: [], edges: [], tab } }, true, { baseVersion: 1 })),
    );
    const won = saves.filter((s) => s.status === 'fulfilled');
    const lost = saves.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason as VersionConflictError);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.any(VersionConflictError)]);
    expect(lost[0]!.current).toBe(2);
    // The winner's graph is version 2 and the bot's graph; the loser left nothing behind.
    const winner = (won[0] as PromiseFulfilledResult<{ graph: unknown }>).value.graph;
    expect((await repos.bots.get(bot.id))!.graph).toEqual(winner);
    expect((await repos.bots.version(bot.id, 2))!.graph).toEqual(winner);
    expect(await repos.bots.version(bot.id, 3)).toBeNull();

    // A stale base is refused before any write; a fresh one goes through.
    await expect(
      repos.bots.update(bot.id, user.id, { graph: { nodes: [], edges: [], n: 1 } }, true, { baseVersion: 1 }),
    ).rejects.toMatchObject({
      name: 'VersionConflictError',
      current: 2,
    });
    await expect(repos.bots.update(bot.id, user.id, { name: 'renamed' }, false, { baseVersion: 1 })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    const third = await repos.bots.update(bot.id, user.id, { graph: { nodes: [], edges: [], n: 3 } }, true, {
      baseVersion: 2,
      restoredFrom: 1,
    });
    expect(third.currentVersion).toBe(3);
    expect((await repos.bots.versionDetail(bot.id, 3))!.restoredFrom).toBe(1);

    // Names change; the graph cache never serves a stale name because it holds none.
    await repos.bots.nameVersion(bot.id, 2, 'before the prompt');
    expect((await repos.bots.versions(bot.id)).map((v) => [v.version, v.name])).toEqual([
      [3, null],
      [2, 'before the prompt'],
      [1, null],
    ]);
    await expect(repos.bots.nameVersion(bot.id, 9, 'x')).rejects.toBeInstanceOf(NotFoundError);
    expect((await repos.users.peopleOf([user.id, user.id])).get(user.id)).toMatchObject({ name: 'U', email: user.email });
  });
});

afterAll(() => {
  // temp dirs are removed by the OS; nothing else to clean
  void rmSync;
});

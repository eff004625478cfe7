import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createRepositories, openDatabase, type Database, type Repositories } from './index';

// The hot paths read and write with raw SQL (repos/sql.ts, repos/rows.ts). These tests hold them to
// what Prisma would return for the same rows, and to the guards of run recording, on PGlite and on
// PostgreSQL — with the session in a time zone far from UTC, so a time written or read in local
// time instead of UTC shows.
const targets: [string, () => Promise<Database>][] = [
  [
    'pglite',
    async () => {
      const db = await openDatabase({ dataDir: mkdtempSync(path.join(tmpdir(), 'bm-rows-')) });
      await db.raw.exec(`SET TIME ZONE 'Asia/Seoul'`);
      return db;
    },
  ],
];
if (process.env.BM_TEST_DATABASE_URL) {
  const url = new URL(process.env.BM_TEST_DATABASE_URL);
  url.searchParams.set('options', '-c TimeZone=Asia/Seoul');
  targets.push(['postgres', () => openDatabase({ databaseUrl: url.toString() })]);
}

describe.each(targets)('raw hot paths on %s', (_name, open) => {
  let db: Database;
  let repos: Repositories;
  let userId: string;
  let workspaceId: string;
  let botId: string;
  let versionId: string;

  beforeAll(async () => {
    db = await open();
    await applyMigrations(db.raw);
    repos = createRepositories(db);
    const created = await repos.users.create({ email: `rows${Date.now()}@example.com`, name: 'Rows', passwordHash: 'x' });
    userId = created.user.id;
    workspaceId = created.workspaceId;
    const bot = await repos.bots.create({ workspaceId, createdById: userId, name: 'b', graph: { nodes: [], edges: [] } });
    botId = bot.id;
    versionId = (await repos.bots.version(botId, 1))!.id;
  });
  afterAll(async () => db?.close());

  const newRun = async () =>
    (
      await repos.runs.create({
        botId,
        botVersionId: versionId,
        version: 1,
        workspaceId,
        userId,
        trigger: 'api',
        input: { q: 'x' },
        workflowId: `wf-${Math.random()}`,
      })
    ).id;

  it('reads a bot and a run with the caller role exactly as Prisma reads them', async () => {
    const bot = await repos.bots.getForCaller(botId, userId);
    expect(bot).toEqual({ row: await db.prisma.bot.findUnique({ where: { id: botId } }), role: 'owner' });
    expect((await repos.bots.getForCaller(botId, 'usr_stranger'))?.role).toBeNull();
    expect(await repos.bots.getForCaller('bot_missing', userId)).toBeNull();

    const runId = await newRun();
    const run = await repos.runs.getForCaller(runId, userId);
    const prismaRun = await db.prisma.run.findUnique({ where: { id: runId } });
    expect(run).toEqual({ row: prismaRun, role: 'owner' });
    // The time is the instant it was written, whatever the session's time zone.
    expect(Math.abs(prismaRun!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('authenticates a token and a session to the same user Prisma reads', async () => {
    const user = await db.prisma.user.findUnique({ where: { id: userId } });
    const { token } = await repos.apiTokens.create(userId, 'rows', 'run');
    expect(await repos.apiTokens.findCaller(token)).toEqual({ user, scope: 'run' });
    expect(await repos.apiTokens.findCaller('bm_unknown')).toBeNull();
    const cookie = await repos.sessions.create(userId, 60_000);
    expect(await repos.sessions.findUser(cookie)).toEqual(user);
    const expired = await repos.sessions.create(userId, -1000);
    expect(await repos.sessions.findUser(expired)).toBeNull();
  });

  it('records a node run once: begin, succeed, and never over a success, a cancel or a newer attempt', async () => {
    const runId = await newRun();
    expect((await repos.runs.claim(runId))?.status).toBe('running');
    expect(await repos.nodeRuns.begin(runId, 'a', 'llm.chat', 1)).toBe(true);
    const ok = { output: { text: 'hi' }, outputBytes: 13, usage: { inputTokens: 3, outputTokens: 2 }, model: 'm' };
    // A stale attempt (1) cannot record over the newer one (2).
    expect(await repos.nodeRuns.begin(runId, 'a', 'llm.chat', 2)).toBe(true);
    expect(await repos.nodeRuns.succeed(runId, 'a', 'llm.chat', 1, ok)).toBe(false);
    expect(await repos.nodeRuns.succeed(runId, 'a', 'llm.chat', 2, ok)).toBe(true);
    // A retry after the success reuses it.
    expect(await repos.nodeRuns.begin(runId, 'a', 'llm.chat', 3)).toBe(false);
    expect(await repos.nodeRuns.succeed(runId, 'a', 'llm.chat', 3, { output: 'other', outputBytes: 7 })).toBe(false);

    // A local node writes its row once, at the end; a cancelled node is never overwritten.
    expect(await repos.nodeRuns.succeed(runId, 'local', 'transform.template', 1, { output: 'x', outputBytes: 3 })).toBe(true);
    await repos.nodeRuns.settle(runId, [{ nodeId: 'gone', type: 'transform.template', status: 'cancelled' }]);
    expect(await repos.nodeRuns.succeed(runId, 'gone', 'transform.template', 1, { output: 'late', outputBytes: 6 })).toBe(false);

    // An attempt's failure stays running (a retry follows) until the final one.
    await repos.nodeRuns.fail(runId, 'flaky', 'source.rss', 1, { code: 'X', message: 'once' }, false);
    expect((await repos.nodeRuns.get(runId, 'flaky'))?.status).toBe('running');
    expect(await repos.nodeRuns.succeed(runId, 'flaky', 'source.rss', 2, { output: [], outputBytes: 2 })).toBe(true);

    const prismaNodes = await db.prisma.nodeRun.findMany({ where: { runId } });
    const shown = await repos.runs.getForDisplay(runId, 1024);
    expect(new Map(shown!.nodes.map((n) => [n.nodeId, n]))).toEqual(new Map(prismaNodes.map((n) => [n.nodeId, n])));
    expect(shown!.nodes.find((n) => n.nodeId === 'a')).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      output: { text: 'hi' },
      inputTokens: 3,
    });
    const a = prismaNodes.find((n) => n.nodeId === 'a')!;
    expect(a.startedAt!.getTime()).toBeLessThanOrEqual(a.finishedAt!.getTime());
    expect(Math.abs(a.finishedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    // Outputs above the inline limit are left out of the display read.
    expect((await repos.runs.getForDisplay(runId, 5))!.nodes.find((n) => n.nodeId === 'a')!.output).toBeNull();
    expect(await repos.nodeRuns.outputs(runId, ['a', 'local', 'missing'])).toEqual(
      expect.arrayContaining([
        { nodeId: 'a', status: 'succeeded', output: { text: 'hi' } },
        { nodeId: 'local', status: 'succeeded', output: 'x' },
      ]),
    );
  });

  it('commits node state with the output in the same statement, and not when the output was not recorded', async () => {
    const runId = await newRun();
    await repos.runs.claim(runId);
    const state = { botId, entries: [['seen', ['g1']]] as [string, unknown][] };
    expect(await repos.nodeRuns.succeed(runId, 'rss', 'source.rss', 1, { output: [], outputBytes: 2 }, state)).toBe(true);
    expect(await repos.nodeState.get(botId, 'rss', 'seen')).toEqual(['g1']);
    const later = { botId, entries: [['seen', ['g1', 'g2']]] as [string, unknown][] };
    expect(await repos.nodeRuns.succeed(runId, 'rss', 'source.rss', 2, { output: [], outputBytes: 2 }, later)).toBe(false);
    expect(await repos.nodeState.get(botId, 'rss', 'seen')).toEqual(['g1']);
  });

  it('claims a queued run once and finishes it once', async () => {
    const runId = await newRun();
    const claimed = await repos.runs.claim(runId);
    expect(claimed).toMatchObject({ id: runId, botId, botVersionId: versionId, workspaceId, userId, status: 'running', input: { q: 'x' } });
    const startedAt = (await repos.runs.get(runId))!.startedAt;
    await repos.runs.claim(runId);
    expect((await repos.runs.get(runId))!.startedAt).toEqual(startedAt);
    expect(await repos.runs.finish(runId, 'failed', { code: 'X', message: 'no' })).toEqual({ count: 1 });
    expect(await repos.runs.finish(runId, 'succeeded')).toEqual({ count: 0 });
    expect((await repos.runs.claim(runId))?.status).toBe('failed');
    expect(await repos.runs.get(runId)).toMatchObject({ status: 'failed', error: { code: 'X', message: 'no' } });
    expect(await repos.runs.claim('run_missing')).toBeNull();
  });

  it('runs a statement again after it failed the first time (a prepared statement left behind is replaced)', async () => {
    const insert = `INSERT INTO "Workspace" ("id", "name", "personal", "createdAt", "updatedAt") VALUES ($1, $2, false, now(), now()) RETURNING "id"`;
    const base = `ws_rows_${process.pid}_${Date.now()}`;
    const id = (n: number) => `${base}_${n}`;
    await expect(db.raw.query(insert, [id(0), null])).rejects.toThrow();
    expect(await db.raw.query(insert, [id(1), 'ok'])).toEqual([{ id: id(1) }]);
    await expect(db.raw.query(insert, [id(1), 'again'])).rejects.toThrow();
    expect(await db.raw.query(insert, [id(2), 'ok'])).toEqual([{ id: id(2) }]);
    expect(await db.raw.query(`SELECT $1::text[] AS "a"`, [['x', 'y "quoted"', 'back\\slash']])).toEqual([
      { a: ['x', 'y "quoted"', 'back\\slash'] },
    ]);
  });

  it('saves one result per run and node', async () => {
    const runId = await newRun();
    const first = await repos.results.save({ botId, workspaceId, runId, nodeId: 'out', content: 'one', data: { n: 1 } });
    const again = await repos.results.save({ botId, workspaceId, runId, nodeId: 'out', content: 'two' });
    expect(again.id).toBe(first.id);
    const rows = await db.prisma.result.findMany({ where: { runId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ content: 'two', data: null });
  });

  it('finds what an LLM call needs in one read', async () => {
    const found = await repos.connections.forLlmCall({ botId, userId });
    expect(found).toEqual({
      bot: { id: botId, workspaceId, llmConnectionId: null, llmModelOverride: null },
      member: true,
      connection: null,
    });
    expect((await repos.connections.forLlmCall({ botId, userId: 'usr_stranger' }))?.member).toBe(false);
    const id = repos.connections.newId();
    await repos.connections.create({
      id,
      ownerUserId: userId,
      workspaceId,
      provider: 'openai',
      name: 'c',
      baseUrl: null,
      modelDefault: 'gpt',
      shared: true,
      sealed: { ciphertext: 'ct', keyId: 'k1', nonce: 'n1' },
      keyHint: null,
    });
    const { createdAt: _c, updatedAt: _u, keyHint: _k, ...row } = (await db.prisma.llmConnection.findUnique({ where: { id } }))!;
    expect((await repos.connections.forLlmCall({ botId, userId, connectionId: id }))?.connection).toEqual(row);
    expect(await repos.connections.forLlmCall({ botId: 'bot_missing', userId })).toBeNull();
  });
});

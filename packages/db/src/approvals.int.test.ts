import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createRepositories, openDatabase, type Database, type Repositories } from './index';

// flow.approval's arbiter is the Approval row: of everyone deciding at once (people, links, the
// timeout), exactly one wins, on PGlite and on PostgreSQL.
const targets: [string, () => Promise<Database>][] = [
  ['pglite', () => openDatabase({ dataDir: mkdtempSync(path.join(tmpdir(), 'bm-approvals-')) })],
];
if (process.env.BM_TEST_DATABASE_URL) targets.push(['postgres', () => openDatabase({ databaseUrl: process.env.BM_TEST_DATABASE_URL })]);

describe.each(targets)('approvals on %s', (_name, open) => {
  let db: Database;
  let repos: Repositories;
  let userId: string;
  let otherId: string;
  let workspaceId: string;
  let botId: string;
  let versionId: string;

  beforeAll(async () => {
    db = await open();
    await applyMigrations(db.raw);
    repos = createRepositories(db);
    const created = await repos.users.create({ email: `apr${Date.now()}@example.com`, name: 'Ann', passwordHash: 'x' });
    userId = created.user.id;
    workspaceId = created.workspaceId;
    otherId = (await repos.users.create({ email: `apr2${Date.now()}@example.com`, name: 'Bo', passwordHash: 'x' })).user.id;
    botId = (await repos.bots.create({ workspaceId, createdById: userId, name: 'Approver bot', graph: { nodes: [], edges: [] } })).id;
    versionId = (await repos.bots.version(botId, 1))!.id;
  });
  afterAll(async () => db?.close());

  const pending = async (linkToken?: string) => {
    const run = await repos.runs.create({
      botId,
      botVersionId: versionId,
      version: 1,
      workspaceId,
      userId,
      trigger: 'api',
      workflowId: `wf-${Math.random()}`,
    });
    return repos.approvals.open({ runId: run.id, nodeId: 'ok', workspaceId, botId, message: 'Ship it?', payload: { n: 1 }, linkToken });
  };

  it('lets exactly one of many concurrent decisions win', async () => {
    const a = await pending('t'.repeat(43));
    const deciders = [
      repos.approvals.decide(a.id, { decision: 'approve', payload: { n: 2 }, userId, via: 'app' }),
      repos.approvals.decide(a.id, { decision: 'reject', userId: otherId, via: 'api' }),
      repos.approvals.decide(a.id, { decision: 'approve', userId: null, via: 'link' }),
      repos.approvals.settle(a.runId, 'ok', -1, true).then((row) => (row?.status === 'timeout' ? row : null)),
    ];
    const outcomes = await Promise.all(deciders);
    const winners = outcomes.filter((o) => o !== null);
    expect(winners).toHaveLength(1);
    const row = (await repos.approvals.get(a.runId, 'ok'))!;
    expect(row.status).toBe(winners[0]!.status);
    expect(row.linkTokenHash).toBeNull();
    // Every later attempt is told it was decided, and changes nothing.
    expect(await repos.approvals.decide(a.id, { decision: 'reject', userId, via: 'app' })).toBeNull();
    expect((await repos.approvals.get(a.runId, 'ok'))!).toEqual(row);
  });

  it('reopens a decision the run never heard of, with its link, and only a decision', async () => {
    const token = 'r'.repeat(43);
    const a = await pending(token);
    const decided = (await repos.approvals.decide(a.id, { decision: 'approve', payload: 'edited', userId, via: 'app' }))!;
    expect(decided).toMatchObject({ status: 'approved', decidedById: userId, decidedVia: 'app', decidedPayload: 'edited' });
    expect(await repos.approvals.byLinkToken(token)).toBeNull();
    expect((await repos.approvals.reopen(a.id, a.linkTokenHash)).count).toBe(1);
    const again = (await repos.approvals.get(a.runId, 'ok'))!;
    expect(again).toMatchObject({
      status: 'pending',
      decidedById: null,
      decidedVia: null,
      decidedAt: null,
      linkTokenHash: a.linkTokenHash,
    });
    expect((await repos.approvals.byLinkToken(token))?.id).toBe(a.id);
    // A timeout (or a cancellation) is final: nothing to reopen.
    await repos.approvals.settle(a.runId, 'ok', -1, true);
    expect((await repos.approvals.reopen(a.id)).count).toBe(0);
    expect((await repos.approvals.get(a.runId, 'ok'))!.status).toBe('timeout');
  });

  it('lists the inbox: pending first, then newest, with bot names and who decided', async () => {
    // Apart in time, so that "newest" has one answer.
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const first = await pending();
    await tick();
    const second = await pending();
    await tick();
    const third = await pending();
    await repos.approvals.decide(second.id, { decision: 'reject', userId: otherId, via: 'api' });
    const list = await repos.approvals.inbox(workspaceId);
    const ids = list.map((a) => a.id);
    expect(ids.indexOf(third.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(list.slice(0, ids.indexOf(first.id) + 1).every((a) => a.status === 'pending')).toBe(true);
    expect(list.find((a) => a.id === second.id)).toMatchObject({ botName: 'Approver bot', decidedBy: { id: otherId, name: 'Bo' } });
    expect(list.find((a) => a.id === first.id)).toMatchObject({ botName: 'Approver bot', decidedBy: null });
    expect((await repos.approvals.inbox(workspaceId, { status: 'rejected' })).map((a) => a.status)).not.toContain('pending');
    expect((await repos.approvals.inbox(workspaceId, { ids: [first.id] })).map((a) => a.id)).toEqual([first.id]);
    expect(await repos.approvals.inbox(workspaceId, { take: 2 })).toHaveLength(2);
  });
});

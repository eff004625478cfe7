import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createRepositories, openDatabase, type Database, type Repositories } from '@bm/db';
import type { EmailMessage } from '@bm/nodes';
import { approvalOpener } from './approvals';

// What a flow.approval node's `ctx.approvals.open` does: the pending row, and the request with its
// one-time link sent to Slack (a loopback stand-in speaking its webhook) and by email. The token
// reaches the people and the row's hash, nothing else.
describe('approvalOpener', () => {
  let db: Database;
  let repos: Repositories;
  let slack: Server;
  let slackUrl: string;
  let slackStatus = 200;
  const posted: { text: string }[] = [];
  let run: { id: string; botId: string; workspaceId: string; userId: string };

  beforeAll(async () => {
    db = await openDatabase({ dataDir: mkdtempSync(path.join(tmpdir(), 'bm-apr-act-')) });
    await applyMigrations(db.raw);
    repos = createRepositories(db);
    const { user, workspaceId } = await repos.users.create({ email: `o${Date.now()}@example.com`, name: 'O', passwordHash: 'x' });
    const bot = await repos.bots.create({ workspaceId, createdById: user.id, name: 'Reply drafter', graph: { nodes: [], edges: [] } });
    const version = (await repos.bots.version(bot.id, 1))!;
    const r = await repos.runs.create({
      botId: bot.id,
      botVersionId: version.id,
      version: 1,
      workspaceId,
      userId: user.id,
      trigger: 'api',
      workflowId: `wf-${Math.random()}`,
    });
    run = { id: r.id, botId: bot.id, workspaceId, userId: user.id };
    slack = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        posted.push(JSON.parse(body));
        res.writeHead(slackStatus, { 'content-type': 'text/plain' }).end(slackStatus === 200 ? 'ok' : 'no_service');
      });
    });
    await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
    const address = slack.address() as { port: number };
    slackUrl = `http://127.0.0.1:${address.port}/services/T000/B000/secretpart`;
  });
  afterAll(async () => {
    slack?.close();
    await db?.close();
  });

  const harness = (publicUrl?: string) => {
    const mails: EmailMessage[] = [];
    const logs: [string, Record<string, unknown> | undefined][] = [];
    const deps = {
      repos,
      fetch,
      publicUrl,
      email: { send: async (m: EmailMessage) => (mails.push(m), { messageId: 'm1' }) },
      log: (msg: string, data?: Record<string, unknown>) => void logs.push([msg, data]),
    };
    return { deps, mails, logs };
  };

  it('stores the pending decision and sends its one-time link to Slack and by email', async () => {
    posted.length = 0;
    const { deps, mails, logs } = harness('https://bots.example.com/');
    const before = Date.now();
    await approvalOpener(deps, run, 'ok').open({
      message: 'Send this reply to {{ secrets.OPENAI }}?',
      payload: { text: 'Dear customer' },
      timeoutMs: 3_600_000,
      notify: { emails: ['boss@example.com', 'deputy@example.com'], slackUrl },
    });
    const row = (await repos.approvals.get(run.id, 'ok'))!;
    expect(row).toMatchObject({
      status: 'pending',
      message: 'Send this reply to {{ secrets.OPENAI }}?',
      payload: { text: 'Dear customer' },
    });
    expect(row.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 3_600_000);

    // The same link in both, and it is the row's: its hash is what is stored.
    const link = /https:\/\/bots\.example\.com\/approve\/([A-Za-z0-9_-]{43})/;
    expect(posted).toHaveLength(1);
    const token = link.exec(posted[0]!.text)![1]!;
    expect(createHash('sha256').update(token).digest('hex')).toBe(row.linkTokenHash);
    // Text that came from the run is sent as it is, never evaluated as a template.
    expect(posted[0]!.text).toContain('Send this reply to {{ secrets.OPENAI }}?');
    expect(posted[0]!.text).toContain('Approval needed: Reply drafter');
    expect(posted[0]!.text).toContain('Dear customer');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['boss@example.com', 'deputy@example.com'], subject: 'Approval needed: Reply drafter' });
    expect(link.exec(mails[0]!.text)![1]).toBe(token);
    expect(logs).toEqual([]);
    expect((await repos.approvals.byLinkToken(token))?.id).toBe(row.id);
  });

  it('without a public URL makes no link and points to the inbox', async () => {
    const { deps, mails } = harness(undefined);
    await approvalOpener(deps, run, 'inboxOnly', 3).open({ message: 'OK?', payload: 'x', notify: { emails: ['boss@example.com'] } });
    const row = (await repos.approvals.get(run.id, 'inboxOnly', 3))!;
    expect([row.status, row.linkTokenHash, row.expiresAt]).toEqual(['pending', null, null]);
    expect(mails[0]!.text).toMatch(/results inbox/);
    expect(mails[0]!.text).not.toMatch(/approve\//);
  });

  it('logs a notice that fails without its URL or the link, and the node still waits', async () => {
    slackStatus = 500;
    posted.length = 0;
    const { deps, logs } = harness('https://bots.example.com');
    const noSmtp = { ...deps, email: undefined };
    await approvalOpener(noSmtp, run, 'failing').open({
      message: 'OK?',
      payload: null,
      notify: { emails: ['boss@example.com'], slackUrl },
    });
    slackStatus = 200;
    expect((await repos.approvals.get(run.id, 'failing'))!.status).toBe('pending');
    expect(posted).toHaveLength(1);
    expect(logs.map(([, d]) => [d!.channel, d!.code])).toEqual([
      ['slack', expect.any(String)],
      ['email', 'EMAIL_NOT_CONFIGURED'],
    ]);
    const token = /approve\/([A-Za-z0-9_-]{43})/.exec(posted[0]!.text)![1]!;
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain('secretpart');
    expect(logged).not.toContain(token);
  });
});

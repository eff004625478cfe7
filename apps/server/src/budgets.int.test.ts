import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { startHttpFixture, startSmtpSink, type HttpFixture, type SmtpSink } from '@bm/testing/fixtures';
import { apiClient } from './testing/client';
import { llmBotGraph } from './testing/graphs';
import { dbTargets, startTestServer, type TestServer } from './testing/harness';

// Budgets that act on the user's own keys, through the real app: a hard limit stops the LLM node
// before the call (nothing reaches the provider), concurrent runs cannot overshoot it by more than
// the calls in flight, a schedule of a stopped bot skips with the reason, a threshold notifies once.
// On PostgreSQL too: concurrent holds there rely on row locks (PGlite runs one transaction at a time).
describe.each(dbTargets())('budgets on %s', (target) => {
  let fake: FakeProviderServer;
  let hooks: HttpFixture;
  let smtp: SmtpSink;
  let t: TestServer;
  let a: ReturnType<typeof apiClient>;
  let conn: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: ['sk-budget-test-key'] });
    // Stand-ins for Slack's incoming webhook and a receiver of the generic webhook; an SMTP sink for mail.
    hooks = await startHttpFixture({ 'POST /slack': { text: 'ok' }, 'POST /hook': { json: { ok: true } } });
    smtp = await startSmtpSink();
    t = await startTestServer({
      target,
      env: {
        BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port},${hooks.host}`,
        BOT_MANAGER_SMTP_URL: `${smtp.url}?from=bots@example.com`,
      },
    });
    a = apiClient(t.server.url);
    await a.signup();
    // $1 in and $1 out per million tokens: one call below costs 1 000 + 1 000 tokens = $0.002.
    conn = (
      await a.post('/api/llm-connections', {
        provider: 'openai',
        name: 'metered',
        apiKey: 'sk-budget-test-key',
        baseUrl: fake.url,
        modelDefault: 'gpt-4o-mini',
        prices: { 'gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 1 } },
      })
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
    await hooks?.close();
    await smtp?.close();
  });

  const newBot = async (name: string) => (await a.post('/api/bots', { name, graph: llmBotGraph(conn) })).body.id as string;
  const run = (bot: string, usage = { inputTokens: 1000, outputTokens: 1000 }) => {
    fake.enqueue({ reply: 'ok', usage });
    return a.post(`/api/bots/${bot}/runs`, { input: { topic: 'tea' }, wait: 30 });
  };
  const budget = (body: object) => a.post('/api/budgets', { period: 'month', ...body });

  it('stops the LLM node of the next run once a hard limit is spent, naming the budget and how to raise it', async () => {
    const bot = await newBot('capped');
    const b = await budget({ scope: 'bot', targetId: bot, limitUsd: 0.003, action: 'stop' });
    expect(b.status).toBe(201);
    fake.reset();
    expect((await run(bot)).body.status).toBe('succeeded');
    const second = await run(bot);
    expect(second.body.status).toBe('failed');
    const llm = second.body.nodes.find((n: { nodeId: string }) => n.nodeId === 'llm');
    expect(llm.error).toMatchObject({ code: 'BUDGET_EXCEEDED', key: 'llm.BUDGET_EXCEEDED' });
    expect(llm.error.message).toMatch(/bot budget of \$0\.0030 per month is spent.*raise the limit under Settings → Budgets/);
    expect(llm.attempts).toBe(1);
    // The refused call never reached the provider: one request for two runs.
    expect(fake.requests).toHaveLength(1);
    const current = (await a.get(`/api/budgets/${b.body.id}`)).body.current;
    expect(current).toMatchObject({ spentUsd: 0.002, heldUsd: 0 });

    // Raised: the bot runs again.
    expect((await a.patch(`/api/budgets/${b.body.id}`, { limitUsd: 1 })).status).toBe(200);
    expect((await run(bot)).body.status).toBe('succeeded');
    const events = (await a.get(`/api/workspaces/${(await a.get('/api/me')).body.workspaces[0].id}/audit?limit=200`)).body.events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['budget.created', 'budget.stopped', 'budget.changed']),
    );
  });

  it('keeps 20 concurrent runs within a small hard limit, overshooting by at most the calls in flight', async () => {
    const bot = await newBot('crowd');
    // Each call is held at its estimate first: the prompt's tokens (OpenAI's tokenizer) plus the default
    // 1 024-token output reservation, about $0.00103 at $1/M. The fake answers with that much usage,
    // so the limit holds 9 calls and no more can be in flight at once.
    await budget({ scope: 'bot', targetId: bot, limitUsd: 0.01, action: 'stop' });
    fake.reset();
    const runs = await Promise.all(Array.from({ length: 20 }, () => run(bot, { inputTokens: 10, outputTokens: 1024 })));
    const statuses = runs.map((r) => r.body.status);
    const calls = fake.requests.length;
    expect(calls).toBeLessThanOrEqual(9);
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 'succeeded')).toHaveLength(calls);
    expect(statuses.filter((s) => s === 'failed')).toHaveLength(20 - calls);
    const spent = (await a.get(`/api/usage?groupBy=bot&botId=${bot}`)).body.total.costUsd;
    expect(spent).toBeLessThanOrEqual(0.01 + 1e-9);
  }, 120_000);

  it("skips a schedule's runs of a bot whose budget is spent, with the reason", async () => {
    const bot = await newBot('scheduled');
    await budget({ scope: 'bot', targetId: bot, limitUsd: 0.001, action: 'stop' });
    fake.reset();
    // Even one call's estimate (the 1 024-token output reservation alone) does not fit: refused, nothing sent.
    expect((await run(bot)).body.status).toBe('failed');
    const prisma = t.server.services.repos.db.prisma;
    // Spend the budget directly: a settled node run in its period.
    const done = (await a.get(`/api/bots/${bot}/runs`)).body.runs[0].id;
    await prisma.nodeRun.updateMany({ where: { runId: done, nodeId: 'llm' }, data: { costUsd: 0.002, finishedAt: new Date() } });
    const schedule = await a.post(`/api/bots/${bot}/schedules`, { cron: '0 9 * * *', timezone: 'UTC' });
    expect(schedule.status).toBe(201);
    expect((await a.post(`/api/schedules/${schedule.body.id}/trigger`)).status).toBe(202);
    let skipped: { status: string; trigger: string; error: { code: string; message: string } } | undefined;
    for (let i = 0; i < 100 && !skipped; i++) {
      await new Promise((r) => setTimeout(r, 200));
      skipped = (await a.get(`/api/bots/${bot}/runs`)).body.runs.find(
        (r: { trigger: string; status: string }) => r.trigger === 'schedule' && r.status === 'cancelled',
      );
    }
    expect(skipped?.error).toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(skipped?.error.message).toMatch(/^Skipped: The bot budget/);
    expect(fake.requests).toHaveLength(0);
  });

  it('notifies once per period when a soft threshold is crossed: the bot’s inbox, Slack, a webhook and email', async () => {
    const bot = await newBot('watched');
    expect((await a.post('/api/secrets', { name: 'BUDGET_SLACK', value: `${hooks.url}/slack` })).status).toBe(201);
    expect((await a.post('/api/secrets', { name: 'BUDGET_HOOK', value: `${hooks.url}/hook` })).status).toBe(201);
    const notify = { emails: ['finance@example.com'], slackSecret: 'BUDGET_SLACK', webhookSecret: 'BUDGET_HOOK' };
    const created = await budget({ scope: 'bot', targetId: bot, limitUsd: 0.005, softPercent: 50, action: 'notify', notify });
    expect(created.status).toBe(201);
    expect(created.body.notify).toEqual(notify);
    hooks.requests.length = 0;
    for (let i = 0; i < 4; i++) expect((await run(bot)).body.status).toBe('succeeded');
    const results = (await a.get(`/api/bots/${bot}/results`)).body.results as { title: string | null }[];
    const notices = results.filter((r) => r.title?.startsWith('Budget:'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toMatch(/Budget: \d+ % of \$0\.0050 per month spent/);

    // Each extra channel got the notice exactly once, with a delivery id that is stable per budget and period.
    const slack = hooks.requests.filter((r) => r.path === '/slack');
    const hook = hooks.requests.filter((r) => r.path === '/hook');
    expect(slack).toHaveLength(1);
    expect((slack[0]!.json as { text: string }).text).toMatch(
      /^\*Budget: \d+ % of \$0\.0050 per month spent\*\nThe bot budget has reached/,
    );
    expect(hook).toHaveLength(1);
    expect(hook[0]!.json).toMatchObject({ event: 'budget.threshold', budgetId: created.body.id, limitUsd: 0.005 });
    expect(hook[0]!.headers['idempotency-key']).toContain(`budget:${created.body.id}:`);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(['finance@example.com']);
    expect(mail!.subject).toBe(notices[0]!.title);
    expect(smtp.messages).toHaveLength(1);
  });

  it('refuses a notice channel naming a secret the workspace does not have', async () => {
    const bot = await newBot('unsent');
    const r = await budget({ scope: 'bot', targetId: bot, limitUsd: 1, action: 'notify', notify: { slackSecret: 'NO_SUCH_SECRET' } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('BUDGET_NOTIFY_SECRET_MISSING');
    expect(r.body.error.message).toContain('NO_SUCH_SECRET');
    const bad = await budget({
      scope: 'bot',
      targetId: bot,
      limitUsd: 1,
      action: 'notify',
      notify: { slackUrl: 'https://hooks.slack.com/x' },
    });
    expect(bad.status).toBe(400);
  });

  it('refuses budgets on another workspace’s bot and bad bodies', async () => {
    const other = apiClient(t.server.url);
    await other.signup();
    const graph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'x' }, position: { x: 0, y: 0 } }], edges: [] };
    const theirs = (await other.post('/api/bots', { name: 'x', graph })).body.id;
    expect(theirs).toEqual(expect.any(String));
    expect((await budget({ scope: 'bot', targetId: theirs, limitUsd: 1, action: 'stop' })).status).toBe(404);
    expect((await budget({ scope: 'workspace', targetId: theirs, limitUsd: 1, action: 'stop' })).status).toBe(400);
    expect((await budget({ scope: 'workspace', limitUsd: 0, action: 'stop' })).status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGallery } from '@bm/api/gallery';
import { canary, startFakeAnthropic, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import {
  articleHtml,
  startHttpFixture,
  startRssFixture,
  startSmtpSink,
  type HttpFixture,
  type RssFixture,
  type SmtpSink,
} from '@bm/testing/fixtures';
import { apiClient } from './testing/client';
import { startTestServer, type TestServer } from './testing/harness';

/**
 * The templates whose runs branch, pause for a person or loop: their own test below says what each
 * run must show (skipped branches, a decision, one line per item) instead of "every node succeeded".
 */
const CONTROL_FLOW_TEMPLATES = ['support-routing', 'reply-after-approval', 'feed-item-summaries'];

// Every built-in template, as a user gets it from the gallery: instantiated with connections of
// two providers (loopback fakes speaking OpenAI's and Anthropic's wire formats) and run with its
// sample input pointed at loopback feeds, pages and APIs; then seeding's in-place upgrade.

describe('the built-in gallery on the real server', () => {
  const openaiKey = canary('sk-gallery');
  const anthropicKey = canary('sk-ant-gallery');
  let openai: FakeProviderServer;
  let anthropic: FakeProviderServer;
  let web: HttpFixture;
  let feed: RssFixture;
  let smtp: SmtpSink;
  let t: TestServer;
  let api: ReturnType<typeof apiClient>;
  const conns: Record<'openai' | 'anthropic', string> = { openai: '', anthropic: '' };

  beforeAll(async () => {
    openai = await startFakeOpenAI({ validKeys: [openaiKey] });
    anthropic = await startFakeAnthropic({ validKeys: [anthropicKey] });
    web = await startHttpFixture({
      'GET /page': { body: articleHtml(), contentType: 'text/html; charset=utf-8' },
      'GET /data.json': { json: { temperature: 4.5, visitors: 1234, status: 'ok' } },
      'POST /slack': { text: 'ok' },
    });
    feed = await startRssFixture();
    smtp = await startSmtpSink();
    const hosts = [openai.port, anthropic.port, web.port, feed.http.port].map((p) => `127.0.0.1:${p}`).join(',');
    t = await startTestServer({ env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: hosts, BOT_MANAGER_SMTP_URL: smtp.url } });
    api = t.api();
    await api.signup();
    for (const [provider, fake, apiKey] of [
      ['openai', openai, openaiKey],
      ['anthropic', anthropic, anthropicKey],
    ] as const) {
      const c = await api.post('/api/llm-connections', { provider, name: provider, apiKey, baseUrl: fake.url, modelDefault: 'fake-1' });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      conns[provider] = c.body.id;
    }
    expect((await api.post('/api/secrets', { name: 'SLACK_WEBHOOK_URL', value: `${web.url}/slack` })).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([openai?.close(), anthropic?.close(), web?.close(), feed?.close(), smtp?.close()]);
  });

  /** The sample input with its public example URLs and addresses replaced by the loopback ones. */
  function localInput(sample: Record<string, unknown>) {
    return Object.fromEntries(
      Object.entries(sample).map(([k, v]) => {
        if (/feed/i.test(k)) return [k, feed.rssUrl];
        if (/data|metrics/i.test(k)) return [k, `${web.url}/data.json`];
        if (/url$/i.test(k)) return [k, `${web.url}/page`];
        if (/email|recipients/i.test(k)) return [k, 'me@example.com'];
        return [k, v];
      }),
    );
  }

  it('runs every gallery template, as instantiated from the gallery, to success on every node', async () => {
    const builtins = (await api.get('/api/templates')).body.templates.filter((x: any) => x.scope === 'builtin');
    expect(builtins.length).toBeGreaterThanOrEqual(13);
    expect(builtins.map((x: any) => x.builtinKey)).toEqual(expect.arrayContaining(CONTROL_FLOW_TEMPLATES));
    const failures: string[] = [];
    for (const tpl of builtins.filter((x: any) => !CONTROL_FLOW_TEMPLATES.includes(x.builtinKey))) {
      // Two providers side by side where a template has two slots; OpenAI otherwise.
      const connections = Object.fromEntries(tpl.slots.map((s: any, i: number) => [s.key, i === 1 ? conns.anthropic : conns.openai]));
      const bot = await api.post(`/api/templates/${tpl.id}/instantiate`, { connections });
      if (bot.status !== 201) {
        failures.push(`${tpl.builtinKey}: instantiate ${bot.status} ${JSON.stringify(bot.body)}`);
        continue;
      }
      // The sample input comes along, as the input the editor offers for a run.
      const manual = bot.body.graph.nodes.find((n: any) => n.type === 'source.manual');
      if (manual && manual.params.sample === undefined) failures.push(`${tpl.builtinKey}: no sample input on the new bot`);
      const start = await api.post(`/api/bots/${bot.body.id}/runs`, { input: localInput(tpl.sampleInput) });
      expect(start.status, JSON.stringify(start.body)).toBe(202);
      const run = await api.waitForRun(start.body.runId);
      const bad = run.nodes.filter((n: any) => n.status !== 'succeeded');
      if (run.status !== 'succeeded' || bad.length || run.nodes.length !== bot.body.graph.nodes.length)
        failures.push(`${tpl.builtinKey}: ${run.status} ${JSON.stringify(bad.map((n: any) => [n.nodeId, n.status, n.error]))}`);
      const results = (await api.get(`/api/bots/${bot.body.id}/results`)).body.results;
      if (!results.length) failures.push(`${tpl.builtinKey}: nothing in the inbox`);
    }
    expect(failures).toEqual([]);
    // The deliveries happened, outside: Slack got the digest, the mail went out, both providers answered.
    expect(web.requests.filter((r) => r.path === '/slack').length).toBeGreaterThanOrEqual(1);
    expect((await smtp.waitFor(2)).length).toBeGreaterThanOrEqual(2);
    expect(anthropic.requests.length).toBeGreaterThanOrEqual(1);
  }, 300_000);

  /** Instantiates a built-in with OpenAI on every slot and starts a run with its (localised) sample input. */
  async function startTemplate(key: string) {
    const tpl = (await api.get('/api/templates')).body.templates.find((x: any) => x.builtinKey === key);
    const connections = Object.fromEntries(tpl.slots.map((s: any) => [s.key, conns.openai]));
    const bot = await api.post(`/api/templates/${tpl.id}/instantiate`, { connections });
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    const start = await api.post(`/api/bots/${bot.body.id}/runs`, { input: localInput(tpl.sampleInput) });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    return { botId: bot.body.id as string, runId: start.body.runId as string };
  }
  const statuses = (run: any) => Object.fromEntries(run.nodes.filter((n: any) => n.item == null).map((n: any) => [n.nodeId, n.status]));
  const results = async (botId: string) =>
    (await api.get(`/api/bots/${botId}/results`)).body.results as { title: string; content: string }[];

  it('routes a support message: the fake model names no category, so the switch takes default', async () => {
    const slackBefore = web.requests.filter((r) => r.path === '/slack').length;
    const triage = await startTemplate('support-routing');
    const triaged = await api.waitForRun(triage.runId);
    expect(triaged.status).toBe('succeeded');
    expect(statuses(triaged)).toEqual({
      input: 'succeeded',
      classify: 'succeeded',
      route: 'succeeded',
      other: 'succeeded',
      billing: 'skipped',
      bugs: 'skipped',
    });
    expect((await results(triage.botId)).map((r) => r.title)).toEqual(['To sort: Export button does nothing']);
    expect(web.requests.filter((r) => r.path === '/slack').length).toBe(slackBefore);
  });

  it('summarises each feed item in its own loop iteration, one line per item in one digest', async () => {
    const digest = await startTemplate('feed-item-summaries');
    const summarised = await api.waitForRun(digest.runId);
    expect(summarised.status, JSON.stringify(summarised.nodes.map((n: any) => [n.nodeId, n.item, n.status, n.error]))).toBe('succeeded');
    const [saved, ...more] = await results(digest.botId);
    expect(more).toEqual([]);
    // One bullet per item, in feed order (the fake model's echo may span lines).
    expect(saved!.content.match(/^• /gm)).toHaveLength(feed.items.length);
    const at = feed.items.map((item) => saved!.content.indexOf(`• ${item.title}: echo: `));
    expect(
      at.every((x, i) => x >= 0 && (i === 0 || x > at[i - 1]!)),
      saved!.content,
    ).toBe(true);
    const { loops } = (await api.get(`/api/runs/${digest.runId}/items`)).body;
    expect(loops).toEqual([{ nodeId: 'each', items: feed.items.map((_, item) => ({ item, status: 'succeeded' })) }]);
  });

  it('waits for the approval of a drafted reply (running, the node waiting), then mails the reply as edited by the approver', async () => {
    const reply = await startTemplate('reply-after-approval');
    const deadline = Date.now() + 30_000;
    let waiting: any;
    while (Date.now() < deadline) {
      waiting = (await api.get(`/api/runs/${reply.runId}`)).body;
      if (statuses(waiting).approval === 'waiting') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect([waiting.status, statuses(waiting).approval]).toEqual(['running', 'waiting']);
    const mailsBefore = smtp.messages.length;
    const edited = 'Hello Jamie, a replacement is on its way. — Acme team';
    const decided = await api.post(`/api/runs/${reply.runId}/approvals/approval`, { decision: 'approve', payload: edited });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const replied = await api.waitForRun(reply.runId);
    expect(replied.status).toBe('succeeded');
    expect(statuses(replied)).toMatchObject({
      approval: 'succeeded',
      send: 'succeeded',
      sent: 'succeeded',
      rejected: 'skipped',
      expired: 'skipped',
    });
    const mail = (await smtp.waitFor(mailsBefore + 1)).at(-1)!;
    expect([mail.envelope.to, mail.subject, mail.text.trim()]).toEqual([['jamie@example.com'], 'Re: Order arrived damaged', edited]);
    expect((await results(reply.botId)).map((r) => r.content)).toEqual([edited]);
  }, 60_000);

  it('upgrades a changed built-in in place (same id, a new version), leaves unchanged ones alone and removes retired ones', async () => {
    const prisma = t.server.services.repos.db.prisma;
    const before = await prisma.template.findUniqueOrThrow({ where: { builtinKey: 'rss-digest' } });
    await prisma.template.update({ where: { id: before.id }, data: { definitionHash: 'an older definition', name: 'Old name' } });
    await t.server.services.repos.templates.create({
      scope: 'builtin',
      workspaceId: null,
      createdById: null,
      builtinKey: 'retired-template',
      definitionHash: 'x',
      content: {
        name: 'Retired',
        description: '',
        category: 'digests',
        graph: { nodes: [], edges: [] },
        slots: [],
        secretSlots: [],
        nodesUsed: [],
      },
    });
    const outcome = await seedGallery(t.server.services.repos);
    expect(outcome).toMatchObject({ created: 0, upgraded: 1, removed: 1 });
    expect(outcome.unchanged).toBeGreaterThanOrEqual(12);
    const after = await prisma.template.findUniqueOrThrow({ where: { builtinKey: 'rss-digest' } });
    expect(after).toMatchObject({
      id: before.id,
      currentVersion: before.currentVersion + 1,
      definitionHash: before.definitionHash,
      name: before.name,
    });
    expect(await prisma.templateVersion.count({ where: { templateId: before.id } })).toBe(before.currentVersion + 1);
    expect(await prisma.template.count({ where: { builtinKey: 'retired-template' } })).toBe(0);
    expect(await seedGallery(t.server.services.repos)).toMatchObject({ created: 0, upgraded: 0, removed: 0 });
  });

  it('names and describes built-ins in the caller’s language', async () => {
    const res = await fetch(`${t.server.url}/api/templates`, { headers: { 'accept-language': 'ko' } });
    expect(res.status).toBe(401); // signed out: nothing to see
    await api.patch('/api/me', { locale: 'ko' });
    const ko = (await api.get('/api/templates')).body.templates.find((x: any) => x.builtinKey === 'rss-digest');
    expect(ko.name).toBe('RSS 요약을 결과함과 Slack으로');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { apiClient } from './testing/client';
import { startTestServer, type TestServer } from './testing/harness';

const graph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'x' }, position: { x: 0, y: 0 } }], edges: [] };

function plansFile(content: unknown) {
  const file = join(mkdtempSync(join(tmpdir(), 'bm-plans-')), 'plans.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

// The SaaS tiers an installation enforces (BOT_MANAGER_PLANS): limits refuse new creations with
// 403 PLAN_LIMIT naming the limit, the usage and the plan; nothing is deleted when a plan shrinks.
describe('plan limits', () => {
  let t: TestServer;
  let admin: ReturnType<typeof apiClient>;
  let user: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    const file = plansFile({
      defaultPlan: 'free',
      plans: [
        {
          id: 'free',
          name: 'Free',
          limits: { bots: 3, activeSchedules: 1, minScheduleIntervalSeconds: 3600 },
          features: { webhooks: false, teams: false },
        },
        { id: 'team', name: 'Team', limits: { bots: 50 }, features: {} },
      ],
    });
    t = await startTestServer({ env: { BOT_MANAGER_PLANS: file } });
    admin = apiClient(t.server.url);
    await admin.signup('root@example.com'); // the first user: an installation admin
    user = apiClient(t.server.url);
    await user.signup('someone@example.com');
  });
  afterAll(async () => t?.close());

  const workspaceOf = async (c: ReturnType<typeof apiClient>) => (await c.get('/api/me')).body.workspaces[0].id as string;

  it('refuses the 4th bot of a 3-bot plan, naming the limit, the usage and the plan', async () => {
    for (let i = 0; i < 3; i++) expect((await user.post('/api/bots', { name: `b${i}`, graph })).status).toBe(201);
    const fourth = await user.post('/api/bots', { name: 'b3', graph });
    expect(fourth.status).toBe(403);
    expect(fourth.body.error).toMatchObject({ code: 'PLAN_LIMIT', details: { limit: 'bots', max: 3, used: 3, plan: 'free' } });
    expect(fourth.body.error.message).toMatch(/The Free plan allows 3 bots in this workspace, and it has 3/);
  });

  it('refuses a schedule more frequent than the plan allows, and a second active one', async () => {
    const bot = (await user.get('/api/bots')).body.bots[0].id;
    const often = await user.post(`/api/bots/${bot}/schedules`, { cron: '*/5 * * * *', timezone: 'UTC' });
    expect([often.status, often.body.error.code]).toEqual([422, 'SCHEDULE_TOO_FREQUENT']);
    expect((await user.post(`/api/bots/${bot}/schedules`, { cron: '0 9 * * *', timezone: 'UTC' })).status).toBe(201);
    const second = await user.post(`/api/bots/${bot}/schedules`, { cron: '0 10 * * *', timezone: 'UTC' });
    expect(second.body.error).toMatchObject({ code: 'PLAN_LIMIT', details: { limit: 'activeSchedules', max: 1, used: 1 } });
    // A paused one does not count.
    expect((await user.post(`/api/bots/${bot}/schedules`, { cron: '0 10 * * *', timezone: 'UTC', paused: true })).status).toBe(201);
  });

  it('refuses features the plan leaves out', async () => {
    const bot = (await user.get('/api/bots')).body.bots[0].id;
    const hook = await user.post(`/api/bots/${bot}/webhook`);
    expect(hook.body.error).toMatchObject({ code: 'PLAN_LIMIT', details: { limit: 'webhooks', plan: 'free' } });
    const team = (await user.post('/api/workspaces', { name: 'Crew' })).body.id;
    const invite = await user.post(`/api/workspaces/${team}/invitations`, { email: 'x@example.com', role: 'viewer' });
    expect(invite.body.error).toMatchObject({ code: 'PLAN_LIMIT', details: { limit: 'teams' } });
  });

  it('shows limits and usage; an installation admin assigns plans (audited); a smaller plan deletes nothing', async () => {
    const ws = await workspaceOf(user);
    const limits = (await user.get(`/api/workspaces/${ws}/limits`)).body;
    expect(limits).toMatchObject({
      plan: { id: 'free', name: 'Free' },
      limits: { bots: 3 },
      usage: { bots: 3, activeSchedules: 1 },
      over: [],
    });
    expect((await user.put(`/api/workspaces/${ws}/plan`, { planId: 'team' })).status).toBe(403);
    const upgraded = await admin.put(`/api/workspaces/${ws}/plan`, { planId: 'team' });
    expect(upgraded.body.plan.id).toBe('team');
    expect((await user.post('/api/bots', { name: 'b4', graph })).status).toBe(201);
    // Back down: the 4 bots stay, the page says what is over, and a 5th is refused.
    await admin.put(`/api/workspaces/${ws}/plan`, { planId: 'free' });
    const down = (await user.get(`/api/workspaces/${ws}/limits`)).body;
    expect([down.usage.bots, down.over]).toEqual([4, ['bots']]);
    expect((await user.get('/api/bots')).body.bots).toHaveLength(4);
    expect((await user.post('/api/bots', { name: 'b5', graph })).status).toBe(403);
    expect((await admin.put(`/api/workspaces/${ws}/plan`, { planId: 'gold' })).body.error.code).toBe('UNKNOWN_PLAN');
    const events = (await user.get(`/api/workspaces/${ws}/audit?action=plan.assigned`)).body.events;
    expect(events.map((e: { details: { to: string } }) => e.details.to)).toEqual(['free', 'team']);
    expect((await admin.get('/api/plans')).body.defaultPlan).toBe('free');
  });

  it('refuses a broken plans file at start with the reason', () => {
    const env = (content: unknown) => ({ BOT_MANAGER_PLANS: plansFile(content) });
    expect(() => loadConfig(env({ defaultPlan: 'x', plans: [{ id: 'free', name: 'Free' }] }))).toThrow(
      /defaultPlan must be the id of one of the plans/,
    );
    expect(() =>
      loadConfig(env({ defaultPlan: 'free', plans: [{ id: 'free', name: 'Free', limits: { minScheduleIntervalSeconds: 1 } }] })),
    ).toThrow(/below the installation's floor/);
  });
});

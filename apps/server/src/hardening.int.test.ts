import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness';

// Issue #9 through the real server behind one (simulated) reverse proxy: rate limits keyed on the
// address the proxy saw, and the installation's schedule floor with real Temporal schedules.

describe('behind one proxy (BOT_MANAGER_TRUST_PROXY=true)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { BOT_MANAGER_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => t?.close());

  it('does not let a spoofed X-Forwarded-For per request walk around the login limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      // The client writes the first entry; the proxy appends the address it saw.
      const r = await fetch(`${t.server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` },
        body: JSON.stringify({ email: 'x@example.com', password: 'guess' }),
      });
      statuses.push(r.status);
    }
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy still gets in.
    const other = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.10' },
      body: JSON.stringify({ email: 'x@example.com', password: 'guess' }),
    });
    expect(other.status).toBe(401);
  });

  it('refuses schedules that fire more often than once a minute, on create and on update', async () => {
    const api = t.api();
    await api.signup();
    const graph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'hi' }, position: { x: 0, y: 0 } }], edges: [] };
    const bot = await api.post('/api/bots', { name: 'Scheduled', graph });
    const fast = await api.post(`/api/bots/${bot.body.id}/schedules`, { cron: '@every 1s' });
    expect(fast.status).toBe(422);
    expect(fast.body.error.code).toBe('SCHEDULE_TOO_FREQUENT');
    expect(fast.body.error.message).toMatch(/every 1 s.*1 min/);
    const ok = await api.post(`/api/bots/${bot.body.id}/schedules`, { cron: '@every 5m', paused: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const faster = await api.patch(`/api/schedules/${ok.body.id}`, { cron: '* * * * * *' });
    expect(faster.status).toBe(422);
    expect(faster.body.error.code).toBe('SCHEDULE_TOO_FREQUENT');
    expect((await api.patch(`/api/schedules/${ok.body.id}`, { cron: '@every 10m' })).status).toBe(200);
    expect((await api.del(`/api/schedules/${ok.body.id}`)).status).toBe(204);
  });
});

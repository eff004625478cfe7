import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeTypeDescription } from '@bm/contract';
import { startTestApp, type TestApp } from './testing/app';

// The HTTP surface that needs no Temporal: auth, validation, error shapes, rate limits, OpenAPI.
// Real PGlite; Temporal is a lazy client that is never called here.
describe('API surface', () => {
  let t: TestApp;
  let app: TestApp['app'];

  beforeAll(async () => {
    t = await startTestApp();
    app = t.app;
  });
  afterAll(async () => t?.close());

  const signup = (email: string, password = 'long enough password') =>
    app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, password, name: 'Sam' } });

  it('signs up, logs in with the cookie session, and refuses bad credentials clearly', async () => {
    const r = await signup('Sam@Example.com');
    expect(r.statusCode).toBe(201);
    expect(r.json().user).toMatchObject({ email: 'sam@example.com', name: 'Sam' });
    const cookie = r.cookies.find((c) => c.name === 'bm_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await app.inject({ method: 'GET', url: '/api/me', cookies: { bm_session: cookie.value } });
    expect(me.json().workspaces).toEqual([expect.objectContaining({ role: 'owner', personal: true })]);

    expect((await signup('sam@example.com')).json().error.code).toBe('EMAIL_TAKEN');
    const bad = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'sam@example.com', password: 'nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'The email or password is not right.' } });
    expect((await app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('answers invalid bodies with 400, a code, and the field in the message', async () => {
    const r = await signup('not-an-email', 'short');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(r.json().error.message).toMatch(/email|password/i);
    const unknown = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(unknown.headers['x-frame-options']).toBe('DENY');
    expect(unknown.headers['x-content-type-options']).toBe('nosniff');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });

  it('rate-limits password guessing per client', async () => {
    let last = 0;
    for (let i = 0; i < 35; i++) {
      last = (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@example.com', password: 'guess' },
          remoteAddress: '10.9.9.9',
        })
      ).statusCode;
    }
    expect(last).toBe(429);
    const other = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'x@example.com', password: 'guess' },
      remoteAddress: '10.9.9.8',
    });
    expect(other.statusCode).toBe(401);
  });

  it('answers 503 quickly when Temporal is unreachable, and leaves the run failed, not queued', async () => {
    const r = await signup('runner@example.com');
    const cookies = { bm_session: r.cookies.find((c) => c.name === 'bm_session')!.value };
    const graph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'hi' }, position: { x: 0, y: 0 } }], edges: [] };
    const bot = await app.inject({ method: 'POST', url: '/api/bots', cookies, payload: { name: 'b', graph } });
    expect(bot.statusCode).toBe(201);
    const t0 = Date.now();
    const run = await app.inject({ method: 'POST', url: `/api/bots/${bot.json().id}/runs`, cookies, payload: {} });
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(run.statusCode).toBe(503);
    expect(run.json().error.code).toBe('TEMPORAL_UNAVAILABLE');
    const runs = await app.inject({ method: 'GET', url: `/api/bots/${bot.json().id}/runs`, cookies });
    expect(runs.json().runs[0]).toMatchObject({ status: 'failed', error: { code: 'TEMPORAL_UNAVAILABLE' } });
  });

  it('serves the node catalogue with every node type of the API contract and its execution defaults', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/node-types' })).statusCode).toBe(401);
    const r = await signup('catalogue@example.com');
    const cookies = { bm_session: r.cookies.find((c) => c.name === 'bm_session')!.value };
    const { nodeTypes } = (await app.inject({ method: 'GET', url: '/api/node-types', cookies })).json() as {
      nodeTypes: NodeTypeDescription[];
    };
    const ids = [...new Set(nodeTypes.map((n) => n.id))].sort();
    expect(ids).toEqual([
      'flow.approval',
      'flow.collect',
      'flow.if',
      'flow.loop',
      'flow.subbot',
      'flow.switch',
      'flow.wait',
      'llm.chat',
      'output.email',
      'output.respond',
      'output.results',
      'output.slack',
      'output.webhook',
      'source.http',
      'source.manual',
      'source.rss',
      'source.webpage',
      'transform.filter',
      'transform.jsonata',
      'transform.merge',
      'transform.split',
      'transform.template',
    ]);
    expect(nodeTypes.find((n) => n.id === 'llm.chat')!.execution.retry.maxAttempts).toBe(5);
    expect(nodeTypes.find((n) => n.id === 'source.http')!.execution.retry.maxAttempts).toBe(3);
  });

  it('keeps every saved graph as an immutable version', async () => {
    const r = await signup('versions@example.com');
    const cookies = { bm_session: r.cookies.find((c) => c.name === 'bm_session')!.value };
    const graph = (text: string) => ({
      nodes: [{ id: 't', type: 'transform.template', params: { template: text }, position: { x: 0, y: 0 } }],
      edges: [],
    });
    const bot = (await app.inject({ method: 'POST', url: '/api/bots', cookies, payload: { name: 'v', graph: graph('one') } })).json();
    await app.inject({ method: 'PATCH', url: `/api/bots/${bot.id}`, cookies, payload: { graph: graph('two') } });
    await app.inject({ method: 'PATCH', url: `/api/bots/${bot.id}`, cookies, payload: { name: 'renamed only' } });
    const same = await app.inject({ method: 'PATCH', url: `/api/bots/${bot.id}`, cookies, payload: { graph: graph('two') } });
    expect(same.json().version).toBe(2);
    const list = (await app.inject({ method: 'GET', url: `/api/bots/${bot.id}/versions`, cookies })).json();
    expect(list.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = (await app.inject({ method: 'GET', url: `/api/bots/${bot.id}/versions/1`, cookies })).json();
    expect(v1.graph.nodes[0].params.template).toBe('one');
    expect((await app.inject({ method: 'GET', url: `/api/bots/${bot.id}/versions/9`, cookies })).statusCode).toBe(404);
  });

  it('publishes an OpenAPI description generated from the route schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/health',
      '/api/auth/signup',
      '/api/llm-connections',
      '/api/llm-connections/{id}/test',
      '/api/bots',
      '/api/bots/{id}/runs',
      '/api/runs/{id}',
      '/api/bots/{id}/results',
    ]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
  });
});

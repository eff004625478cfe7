import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgresDatabase, postgresAvailable } from '@bm/db/testing';
import { startTestApp, type TestApp } from './testing/app';

// Issue #9 on the real app (real PGlite; Temporal never reached): inputs the database cannot store,
// ids that cannot be ids, unknown /api paths, browser headers, token scopes, passwords, shared
// connections' test calls, and a login limit shared by two processes on one PostgreSQL database.

const graph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'hi' }, position: { x: 0, y: 0 } }], edges: [] };
const deep = (levels: number): unknown => (levels === 0 ? 'x' : { a: deep(levels - 1) });

describe('hardening', () => {
  let t: TestApp;
  type Caller = Awaited<ReturnType<TestApp['signup']>>;
  let owner: Caller, viewer: Caller;
  let botId: string;
  const call = (
    who: Caller,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      cookies: who.cookies,
      headers: { 'x-csrf-token': '1', ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  beforeAll(async () => {
    const webDist = mkdtempSync(path.join(tmpdir(), 'bm-web-'));
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Bot Manager</title>');
    t = await startTestApp({ webDist });
    [owner, viewer] = await Promise.all([t.signup(), t.signup()]);
    await t.db.prisma.membership.create({ data: { id: 'mem_viewer', userId: viewer.id, workspaceId: owner.workspaceId, role: 'viewer' } });
    botId = (await call(owner, 'POST', '/api/bots', { name: 'b', graph })).json().id;
  });
  afterAll(async () => t?.close());

  describe('inputs the database cannot store', () => {
    const cases: [string, 'POST' | 'PATCH', () => string, unknown, string][] = [
      ['a bot name with NUL', 'POST', () => '/api/bots', { name: 'a\u0000b', graph }, 'name'],
      [
        'a node param with a lone surrogate',
        'POST',
        () => '/api/bots',
        { name: 'ok', graph: { ...graph, nodes: [{ ...graph.nodes[0], params: { template: 'x\uD800y' } }] } },
        'graph.nodes[0].params.template',
      ],
      [
        'bot params 100 levels deep',
        'PATCH',
        () => `/api/bots/${botId}`,
        { graph: { ...graph, nodes: [{ ...graph.nodes[0], params: { template: 'hi', extra: deep(100) } }] } },
        'graph.nodes[0].params.extra',
      ],
      ['a run input with NUL in a key', 'POST', () => `/api/bots/${botId}/runs`, { input: { ['k\u0000']: 1 } }, 'input'],
      [
        'a schedule input 100 levels deep',
        'POST',
        () => `/api/bots/${botId}/schedules`,
        { cron: '0 9 * * *', input: deep(100) },
        'input.a',
      ],
      [
        'a connection name with NUL',
        'POST',
        () => '/api/llm-connections',
        { provider: 'openai', name: 'k\u0000', apiKey: 'sk-test-1234567890', modelDefault: 'm' },
        'name',
      ],
    ];
    it.each(cases)('refuses %s with 422 UNSTORABLE_INPUT naming the field, and writes nothing', async (_what, method, url, body, field) => {
      const before = await t.db.prisma.bot.count();
      const r = await call(owner, method, url(), body);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error.code).toBe('UNSTORABLE_INPUT');
      expect(r.json().error.message).toContain(field);
      expect(await t.db.prisma.bot.count()).toBe(before);
      expect((await call(owner, 'GET', `/api/bots/${botId}`)).json().graph.nodes[0].params).toEqual({ template: 'hi' });
    });

    it('refuses the public webhook route too, JSON or text', async () => {
      const url = (await call(owner, 'POST', `/api/bots/${botId}/webhook`)).json().url as string;
      const hook = new URL(url).pathname;
      const json = await t.app.inject({ method: 'POST', url: hook, payload: { text: 'a\u0000' } });
      expect(json.statusCode).toBe(422);
      expect(json.json().error).toMatchObject({ code: 'UNSTORABLE_INPUT', message: expect.stringContaining('text') });
      const text = await t.app.inject({ method: 'POST', url: hook, headers: { 'content-type': 'text/plain' }, payload: 'a\u0000b' });
      expect(text.statusCode).toBe(422);
      expect(await t.db.prisma.run.count()).toBe(0);
    });

    it('answers ids that cannot be ids with a clean 404', async () => {
      for (const url of ['/api/bots/%00', `/api/bots/${'b'.repeat(500)}`, '/api/runs/%00/cancel', `/api/schedules/${'s'.repeat(500)}`]) {
        const method = url.endsWith('cancel') ? 'POST' : 'GET';
        const r = await call(owner, method, url);
        expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(404);
        expect(r.json().error.code).toBe('NOT_FOUND');
      }
    });
  });

  it('answers unknown /api paths with a JSON 404 for every method, never the web page', async () => {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE'] as const) {
      const r = await call(owner, method, '/api/nope');
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toMatch(/json/);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
    expect((await t.app.inject({ method: 'GET', url: '/bots/x' })).headers['content-type']).toMatch(/html/);
    expect((await t.app.inject({ method: 'GET', url: `/bots/${'x'.repeat(300)}` })).headers['content-type']).toMatch(/html/);
  });

  it('sends a Content-Security-Policy with the web pages, and no-store with secrets shown once', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('img-src');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const token = await call(owner, 'POST', '/api/tokens', { name: 'ci' });
    expect(token.statusCode).toBe(201);
    expect(token.headers['cache-control']).toBe('no-store');
  });

  it('refuses passwords that are only spaces or among the commonest', async () => {
    for (const password of ['          ', 'password123', 'qwertyuiop']) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email: `p${Math.random()}@example.com`, password, name: 'P' },
      });
      expect(r.statusCode, password).toBe(422);
      expect(r.json().error.code).toBe('WEAK_PASSWORD');
      expect(r.json().error.message).toMatch(/spaces|attackers/);
    }
  });

  describe('API token scopes', () => {
    const bearer = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    const mint = async (scope?: string) => {
      const r = await call(owner, 'POST', '/api/tokens', { name: `t-${scope}`, ...(scope ? { scope } : {}) });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { token: string; scope: string };
    };

    it('default to full, and are listed with their scope', async () => {
      expect((await mint()).scope).toBe('full');
      const list = await call(owner, 'GET', '/api/tokens');
      expect(list.json().tokens.every((x: { scope: string }) => ['full', 'run', 'read'].includes(x.scope))).toBe(true);
      expect((await call(owner, 'POST', '/api/tokens', { name: 'x', scope: 'admin' })).statusCode).toBe(400);
    });

    it('read: only reads; run: reads and runs; full: everything but minting tokens', async () => {
      const read = (await mint('read')).token;
      const run = (await mint('run')).token;
      const full = (await mint('full')).token;
      expect((await bearer(read, 'GET', `/api/bots/${botId}`)).statusCode).toBe(200);
      const denied = await bearer(read, 'PATCH', `/api/bots/${botId}`, { name: 'r' });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('TOKEN_SCOPE');
      expect((await bearer(read, 'POST', `/api/bots/${botId}/runs`, {})).statusCode).toBe(403);

      expect((await bearer(run, 'GET', `/api/bots/${botId}`)).statusCode).toBe(200);
      expect((await bearer(run, 'PATCH', `/api/bots/${botId}`, { name: 'r' })).statusCode).toBe(403);
      // Past the scope check: Temporal is unreachable in these tests.
      expect((await bearer(run, 'POST', `/api/bots/${botId}/runs`, {})).statusCode).toBe(503);

      expect((await bearer(full, 'PATCH', `/api/bots/${botId}`, { name: 'b' })).statusCode).toBe(200);
      for (const token of [read, run, full]) {
        const r = await bearer(token, 'POST', '/api/tokens', { name: 'more' });
        expect(r.statusCode).toBe(403);
        expect(r.json().error.code).toBe('TOKEN_SCOPE');
      }
    });
  });

  it('keeps a viewer from testing a shared connection (the call bills its owner); the owner may', async () => {
    const conn = await call(owner, 'POST', '/api/llm-connections', {
      provider: 'other',
      name: 'shared',
      baseUrl: 'http://bm-test.invalid/v1',
      modelDefault: 'm',
      shared: true,
      workspaceId: owner.workspaceId,
    });
    expect(conn.statusCode, conn.body).toBe(201);
    const id = conn.json().id;
    expect((await call(viewer, 'GET', `/api/llm-connections/${id}`)).statusCode).toBe(200);
    const r = await call(viewer, 'POST', `/api/llm-connections/${id}/test`, {});
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
    expect((await call(owner, 'POST', `/api/llm-connections/${id}/test`, {})).statusCode).toBe(200);
  });

  it('refuses schedules that fire more often than the installation allows', async () => {
    const r = await call(owner, 'POST', `/api/bots/${botId}/schedules`, { cron: '@every 1s' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'SCHEDULE_TOO_FREQUENT', message: expect.stringMatching(/every 1 s.*1 min/) });
  });
});

describe('HSTS behind TLS', () => {
  it('is sent when secure cookies are on', async () => {
    const t = await startTestApp({ config: { secureCookies: true } });
    try {
      const r = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await t.close();
    }
  });
});

describe.runIf(postgresAvailable())('login rate limit on PostgreSQL', () => {
  it('is shared by two API processes on one database', async () => {
    const db = await createTestPostgresDatabase('rl');
    const a = await startTestApp({ databaseUrl: db.url });
    const b = await startTestApp({ databaseUrl: db.url });
    try {
      const login = (app: TestApp) =>
        app.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@example.com', password: 'guess' },
          remoteAddress: '10.7.7.7',
        });
      for (let i = 0; i < 20; i++) expect((await login(a)).statusCode).toBe(401);
      const codes: number[] = [];
      for (let i = 0; i < 15; i++) codes.push((await login(b)).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes.at(-1)).toBe(429);
    } finally {
      await a.close();
      await b.close();
      await db.drop();
    }
  });
});

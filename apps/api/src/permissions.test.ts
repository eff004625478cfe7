import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes, routeKey } from '@bm/contract';
import type { AppDeps } from './deps';
import { registerAccess } from './plugins/access';
import { allows, ROUTE_PERMISSIONS, WEB_UI_ROUTE } from './permissions';
import { startTestApp, type TestApp } from './testing/app';

describe('the permission table', () => {
  let t: TestApp;

  beforeAll(async () => {
    const webDist = mkdtempSync(path.join(tmpdir(), 'bm-web-'));
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Bot Manager</title>');
    t = await startTestApp({ webDist });
  });
  afterAll(async () => t?.close());

  it('has a row for every contract route and the web UI, and nothing else', () => {
    expect(Object.keys(ROUTE_PERMISSIONS).sort()).toEqual([...allRoutes.map(routeKey), WEB_UI_ROUTE].sort());
  });

  it('has no row without a registered route (the app built, so no registered route lacks a row)', () => {
    const missing = Object.keys(ROUTE_PERMISSIONS).filter((key) => {
      const [method, url] = key.split(' ') as [string, string];
      return !t.app.hasRoute({ method: method as 'GET', url });
    });
    expect(missing).toEqual([]);
  });

  it('refuses to register a route that has no row', () => {
    const app = Fastify();
    registerAccess(app, { services: { repos: {} } } as unknown as AppDeps);
    expect(() => app.get('/api/secret-admin-thing', async () => 'oops')).toThrow(
      /GET \/api\/secret-admin-thing has no row in apps\/api\/src\/permissions\.ts/,
    );
    expect(() => app.get('/api/health', async () => 'listed')).not.toThrow();
  });

  it('keeps the roles of the permission matrix: viewers read, editors build and run, admins manage connections', () => {
    const readers = ['bots.read', 'runs.read', 'results.read', 'schedules.read', 'connections.read'] as const;
    const builders = ['bots.write', 'runs.start', 'runs.cancel', 'schedules.write', 'webhooks.manage', 'connections.create'] as const;
    for (const p of readers) expect([allows('viewer', p), allows('editor', p)], p).toEqual([true, true]);
    for (const p of builders) expect([allows('viewer', p), allows('editor', p)], p).toEqual([false, true]);
    expect([allows('editor', 'connections.manage'), allows('admin', 'connections.manage'), allows('owner', 'connections.manage')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('serves the web UI to anyone and keeps every other non-public route behind a login', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/bots/some-client-route' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bot Manager');
    expect((await t.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    for (const key of Object.keys(ROUTE_PERMISSIONS)) {
      const rule = ROUTE_PERMISSIONS[key as keyof typeof ROUTE_PERMISSIONS];
      if (rule.permission === 'public') continue;
      const [method, url] = key.split(' ') as [string, string];
      const r = await t.app.inject({
        method: method as 'GET',
        url: url.replace(/:(\w+)/g, 'x_$1'),
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect([key, r.statusCode, r.json().error.code]).toEqual([key, 401, 'UNAUTHENTICATED']);
    }
  });
});

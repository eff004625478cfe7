import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness';

// Same-site request forgery on the real routes: the session cookie (SameSite=Lax) still travels with
// requests from another port of the same host, so the server itself must refuse state changes that
// did not come from its own pages. Real server, real Temporal, real worker.

describe('cross-origin state changes with the session cookie', () => {
  let t: TestServer;
  let slow: Server;
  let slowPort = 0;
  let cookie = '';
  let botId = '';

  beforeAll(async () => {
    // A source the run waits on, so that there is a running run to cancel.
    slow = createServer((_req, res) => void setTimeout(() => res.end('late'), 20_000).unref());
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    slowPort = (slow.address() as { port: number }).port;
    t = await startTestServer({ env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${slowPort}` } });
    const signup = await fetch(`${t.server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'csrf@example.com', password: 'correct horse battery', name: 'Sam' }),
    });
    cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    const graph = {
      nodes: [
        { id: 'src', type: 'source.http', params: { url: `http://127.0.0.1:${slowPort}/`, method: 'GET' }, position: { x: 0, y: 0 } },
      ],
      edges: [],
    };
    const bot = await fetch(`${t.server.url}/api/bots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: 'Slow', graph }),
    });
    botId = ((await bot.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await t?.close();
    slow?.closeAllConnections();
    await new Promise((r) => slow?.close(r));
  });

  const own = () => new URL(t.server.url).origin;
  const sibling = () => `http://127.0.0.1:${slowPort}`;
  // What a page on another port sends with fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include' }).
  const send = (method: string, path: string, origin: string, site: string, body?: string) =>
    fetch(`${t.server.url}${path}`, {
      method,
      headers: { cookie, origin, 'sec-fetch-site': site, ...(body !== undefined ? { 'content-type': 'text/plain;charset=UTF-8' } : {}) },
      body,
    });

  it('refuses starting a run, rotating the webhook and cancelling a run from another port; the own origin may', async () => {
    const foreignStart = await send('POST', `/api/bots/${botId}/runs`, sibling(), 'same-site', '{}');
    expect(foreignStart.status).toBe(403);
    expect(((await foreignStart.json()) as { error: { code: string } }).error.code).toBe('CROSS_ORIGIN_REQUEST');
    expect((await send('POST', `/api/bots/${botId}/webhook`, sibling(), 'same-site')).status).toBe(403);
    const runs = await fetch(`${t.server.url}/api/bots/${botId}/runs`, { headers: { cookie } });
    expect(((await runs.json()) as { runs: unknown[] }).runs).toHaveLength(0);

    const started = await send('POST', `/api/bots/${botId}/runs`, own(), 'same-origin');
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    expect((await send('POST', `/api/runs/${runId}/cancel`, sibling(), 'same-site')).status).toBe(403);
    expect((await send('DELETE', `/api/bots/${botId}/webhook`, sibling(), 'same-site')).status).toBe(403);

    const rotated = await send('POST', `/api/bots/${botId}/webhook`, own(), 'same-origin');
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect((await send('POST', `/api/runs/${runId}/cancel`, own(), 'same-origin')).status).toBe(202);
  });
});

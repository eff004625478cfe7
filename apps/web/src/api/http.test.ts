import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '@bm/contract';
import { ApiError } from './api-error';
import { call, fillPath, onUnauthorized } from './http';

// The typed client against a stand-in for the network (fetch), not for itself.
describe('the typed API client', () => {
  const sent: { url: string; init: RequestInit }[] = [];
  const answer = (status: number, body?: unknown) =>
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    });
  afterEach(() => {
    vi.unstubAllGlobals();
    sent.length = 0;
  });

  it('takes method and path from the contract and fills path params safely', async () => {
    answer(200, { id: 'b 1', name: 'x' });
    const bot = await call(contract.bots.get, { params: { id: 'b 1' } });
    expect(bot.name).toBe('x');
    expect(sent[0]).toMatchObject({ url: '/api/bots/b%201', init: { method: 'GET', credentials: 'include' } });
    answer(202, { runId: 'run_1' });
    await call(contract.runs.start, { params: { id: 'bot_1' }, body: { input: { a: 1 } } });
    expect(sent[1]).toMatchObject({ url: '/api/bots/bot_1/runs', init: { method: 'POST', body: '{"input":{"a":1}}' } });
    expect(() => fillPath('/api/runs/:id/nodes/:nodeId/output', { id: 'r' })).toThrow(/nodeId/);
  });

  it('proves bodiless writes come from the app (x-csrf-token), and JSON writes by their content type', async () => {
    answer(200, { url: 'u' });
    await call(contract.webhooks.rotate, { params: { id: 'b' } });
    expect(sent[0]!.init.headers).toMatchObject({ 'x-csrf-token': '1' });
    answer(202, { runId: 'r' });
    await call(contract.runs.start, { params: { id: 'b' }, body: {} });
    expect(sent[1]!.init.headers).toMatchObject({ 'content-type': 'application/json' });
    answer(200, { bots: [] });
    await call(contract.bots.list, {});
    expect(sent[2]!.init.headers).not.toHaveProperty('x-csrf-token');
  });

  it('sends queries without empty values and reads 204 as nothing', async () => {
    answer(200, { bots: [] });
    await call(contract.bots.list, { query: { workspaceId: undefined } });
    expect(sent[0]!.url).toBe('/api/bots');
    answer(204);
    expect(await call(contract.bots.remove, { params: { id: 'b' } })).toBeUndefined();
  });

  it('turns error bodies into ApiError and tells listeners about a 401', async () => {
    const told = vi.fn();
    const off = onUnauthorized(told);
    answer(401, { error: { code: 'UNAUTHENTICATED', message: 'Log in to continue.' } });
    await expect(call(contract.me.get)).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'Log in to continue.' });
    expect(told).toHaveBeenCalledTimes(1);
    off();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await call(contract.health.get).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('is typed by the contract', () => {
    // Compile-time checks (tsc runs over tests): wrong params or bodies do not type-check.
    const typed = () => {
      // @ts-expect-error a bot route needs its id
      void call(contract.bots.get, {});
      // @ts-expect-error `name` must be a string
      void call(contract.bots.create, { body: { name: 1, graph: { nodes: [] } } });
    };
    expect(typed).toBeTypeOf('function');
  });
});

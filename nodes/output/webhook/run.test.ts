import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { outputWebhook } from './definition';

let fx: HttpFixture;
beforeAll(async () => {
  fx = await startHttpFixture({
    'POST /hook': { status: 202, text: 'accepted' },
    'PUT /hook': { status: 200, json: { ok: true } },
    '/bad': { status: 400, json: { error: 'missing field' } },
    '/broken': { status: 502, text: 'bad gateway' },
  });
});
afterAll(() => fx.close());

const ctx = (input?: unknown) => testContext({ allow: [fx.host], input });
const last = () => fx.requests[fx.requests.length - 1]!;

describe('output.webhook', () => {
  it('POSTs the upstream output as JSON by default', async () => {
    const out = await runNode(outputWebhook, { url: `${fx.url}/hook` }, await ctx(), [['llm', { text: 'hi', usage: { inputTokens: 1 } }]]);
    expect(out).toEqual({ status: 202 });
    expect(last()).toMatchObject({ method: 'POST', path: '/hook', json: { text: 'hi', usage: { inputTokens: 1 } } });
    expect(last().headers['content-type']).toBe('application/json');
  });

  it("sends the payload expression's value, with rendered headers and method", async () => {
    await runNode(
      outputWebhook,
      { url: `${fx.url}/hook`, method: 'PUT', headers: { 'X-Run': '{{ input.id }}' }, payload: '{{ nodes.rss.output.items }}' },
      await ctx({ id: 'r1' }),
      [['rss', { items: [1, 2] }]],
    );
    expect(last()).toMatchObject({ method: 'PUT', json: [1, 2] });
    expect(last().headers['x-run']).toBe('r1');
  });

  it('sends JSON text as JSON, other text as a JSON string, objects with templated fields', async () => {
    await runNode(outputWebhook, { url: `${fx.url}/hook`, payload: '{"a": 1}' }, await ctx());
    expect(last().json).toEqual({ a: 1 });
    await runNode(outputWebhook, { url: `${fx.url}/hook`, payload: 'Hello {{ input.name }}' }, await ctx({ name: 'Ada' }));
    expect(last().body).toBe('"Hello Ada"');
    await runNode(outputWebhook, { url: `${fx.url}/hook`, payload: { n: '{{ input.n }}', s: 'n={{ input.n }}' } }, await ctx({ n: 2 }));
    expect(last().json).toEqual({ n: 2, s: 'n=2' });
  });

  it('fails without retry on 4xx and with retry on 5xx', async () => {
    const bad = await rejection(runNode(outputWebhook, { url: `${fx.url}/bad` }, await ctx(), [['x', 1]]));
    expect(bad).toMatchObject({ code: 'HTTP_ERROR', status: 400, retryable: false });
    expect(bad.message).toContain('missing field');
    expect(await rejection(runNode(outputWebhook, { url: `${fx.url}/broken` }, await ctx(), [['x', 1]]))).toMatchObject({
      status: 502,
      retryable: true,
    });
  });

  it('lets a user-set Content-Type (any case) replace the default instead of sending two', async () => {
    await runNode(
      outputWebhook,
      { url: `${fx.url}/hook`, headers: { 'Content-Type': 'application/vnd.api+json' }, payload: '{"a": 1}' },
      await ctx(),
    );
    expect(last().headers['content-type']).toBe('application/vnd.api+json');
    await runNode(outputWebhook, { url: `${fx.url}/hook`, headers: { 'CONTENT-TYPE': 'text/plain' }, payload: '{"a": 1}' }, await ctx());
    expect(last().headers['content-type']).toBe('text/plain');
  });

  it('carries one delivery id per node run: the same on every attempt, another for another run or node', async () => {
    const attempt = async (runId: string, nodeId: string) => {
      const c = await ctx();
      await runNode(outputWebhook, { url: `${fx.url}/broken` }, { ...c, runId, nodeId }, [['x', 1]]).catch(() => undefined);
      return last().headers;
    };
    const first = await attempt('run-a', 'notify');
    const retry = await attempt('run-a', 'notify');
    expect(first['idempotency-key']).toBe('run-a:notify');
    expect(first['x-bot-manager-delivery']).toBe('run-a:notify');
    expect(retry['idempotency-key']).toBe(first['idempotency-key']);
    expect((await attempt('run-b', 'notify'))['idempotency-key']).not.toBe(first['idempotency-key']);
    expect((await attempt('run-a', 'other'))['idempotency-key']).not.toBe(first['idempotency-key']);
  });

  it('lets a user-set Idempotency-Key (any case) replace the delivery id header', async () => {
    await runNode(outputWebhook, { url: `${fx.url}/hook`, headers: { 'Idempotency-Key': 'mine' } }, await ctx(), [['x', 1]]);
    expect(last().headers['idempotency-key']).toBe('mine');
    expect(last().headers['x-bot-manager-delivery']).toBe('run-1:node-1');
  });
});

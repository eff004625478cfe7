// The fakes' own mechanics over plain HTTP (the SDK-level checks live in packages/llm).
import { afterEach, describe, expect, it } from 'vitest';
import { canary } from '../canary';
import type { FakeProviderServer } from './fake-http';
import { openAIResponses, startFakeOpenAI } from './openai';

let fake: FakeProviderServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const chat = (
  url: string,
  key: string | undefined,
  body: unknown = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
) =>
  fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });

describe('fake provider core', () => {
  it('listens on loopback and records method, path, query, headers, parsed body and the key', async () => {
    fake = await startFakeOpenAI();
    expect(fake.url).toBe(`http://127.0.0.1:${fake.port}/v1`);
    const res = await chat(`${fake.url}`, 'sk-abc');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(fake.requests[0]?.response?.requestId);
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { authorization: 'Bearer sk-abc' },
      body: { model: 'gpt-4o-mini' },
      apiKey: 'sk-abc',
      response: { status: 200 },
    });
    expect(fake.lastApiKey).toBe('sk-abc');
  });

  it('sends raw scripted answers as-is: object bodies as JSON, strings verbatim, with headers and delay', async () => {
    fake = await startFakeOpenAI();
    fake.enqueue({ status: 202, body: { a: 1 }, headers: { 'x-extra': 'yes' } }, { status: 200, body: 'plain', delayMs: 120 });
    const first = await chat(fake.url, 'k');
    expect(first.status).toBe(202);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(first.headers.get('x-extra')).toBe('yes');
    expect(await first.json()).toEqual({ a: 1 });
    const started = Date.now();
    const second = await chat(fake.url, 'k');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(await second.text()).toBe('plain');
  });

  it('authenticates before consuming a script, and reset() forgets requests and scripts', async () => {
    fake = await startFakeOpenAI({ validKeys: ['good'] });
    fake.enqueue(openAIResponses.serverError());
    expect((await chat(fake.url, 'bad')).status).toBe(401);
    expect((await chat(fake.url, 'good')).status).toBe(500);
    fake.enqueue(openAIResponses.serverError());
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect((await chat(fake.url, 'good')).status).toBe(200);
  });

  it('answers a bad request like the provider would', async () => {
    fake = await startFakeOpenAI();
    const res = await chat(fake.url, 'k', { messages: [] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('model');
  });

  it('close() also ends a request that is still waiting on its delay', async () => {
    fake = await startFakeOpenAI();
    fake.enqueue(openAIResponses.slow(10_000));
    const pending = chat(fake.url, 'k').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await fake.close();
    fake = undefined;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('canary() makes unique, recognisable fake keys', () => {
    const a = canary('sk-proj');
    expect(a).toMatch(/^sk-proj-canary-[0-9a-f]{32}$/);
    expect(canary('sk-proj')).not.toBe(a);
  });
});

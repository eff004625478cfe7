// The guarded fetch must work as the `fetch` option of the provider SDKs, and their refusals must
// carry OutboundBlockedError as the cause.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, createOutboundPolicy, OutboundBlockedError } from './index';
import { startServer, type LoopbackServer } from './test-support';

let fake: LoopbackServer;

beforeAll(async () => {
  fake = await startServer((req, res, body) => {
    const sent = JSON.parse(body || '{}') as { model?: string };
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/chat/completions') {
      return res.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1,
          model: sent.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: `openai ok, key ${req.headers.authorization}` } }],
          usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
        }),
      );
    }
    if (req.url === '/v1/messages') {
      return res.end(
        JSON.stringify({
          id: 'msg_1',
          type: 'message',
          role: 'assistant',
          model: sent.model,
          content: [{ type: 'text', text: `anthropic ok, key ${String(req.headers['x-api-key'] ?? req.headers.authorization)}` }],
          stop_reason: 'end_turn',
          stop_sequence: null,
          usage: { input_tokens: 3, output_tokens: 2 },
        }),
      );
    }
    res.statusCode = 404;
    res.end('{}');
  });
});

afterAll(async () => {
  await fake.close();
});

const allowed = () => createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: `127.0.0.1:${fake.port}` }));
const refused = () => createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: '' }));

describe('provider SDKs with the guarded fetch', () => {
  it('openai: works when allowlisted, refused otherwise', async () => {
    const ok = new OpenAI({ apiKey: 'sk-test-1234', baseURL: `${fake.origin}/v1`, fetch: allowed(), maxRetries: 0 });
    const done = await ok.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] });
    expect(done.choices[0]?.message.content).toBe('openai ok, key Bearer sk-test-1234');

    const before = fake.requests.length;
    const blocked = new OpenAI({ apiKey: 'sk-test-1234', baseURL: `${fake.origin}/v1`, fetch: refused(), maxRetries: 0 });
    const err = await blocked.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
    expect((err as Error).cause).toBeInstanceOf(OutboundBlockedError);
    expect(fake.requests.length).toBe(before);
  });

  it('anthropic: works when allowlisted, refused otherwise', async () => {
    const ok = new Anthropic({ apiKey: 'sk-ant-test-5678', baseURL: fake.origin, fetch: allowed(), maxRetries: 0 });
    const msg = await ok.messages.create({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    expect(msg.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^anthropic ok, key (Bearer )?sk-ant-test-5678$/) });

    const before = fake.requests.length;
    const blocked = new Anthropic({ apiKey: 'sk-ant-test-5678', baseURL: fake.origin, fetch: refused(), maxRetries: 0 });
    const err = await blocked.messages
      .create({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIConnectionError);
    expect((err as Error).cause).toBeInstanceOf(OutboundBlockedError);
    expect(fake.requests.length).toBe(before);
  });
});

// The fakes' structured-output and image handling over plain HTTP (the SDK-level checks live in packages/llm).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from './anthropic';
import type { FakeProviderServer } from './fake-http';
import { startFakeGemini } from './gemini';
import { startFakeOpenAI } from './openai';

let openai: FakeProviderServer;
let anthropic: FakeProviderServer;
let gemini: FakeProviderServer;
beforeAll(async () => {
  [openai, anthropic, gemini] = await Promise.all([startFakeOpenAI(), startFakeAnthropic(), startFakeGemini()]);
});
afterAll(() => Promise.all([openai.close(), anthropic.close(), gemini.close()]));
beforeEach(() => [openai, anthropic, gemini].forEach((f) => f.reset()));

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};
const schema = { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] };

describe('OpenAI fake', () => {
  const chat = (body: object) => post(`${openai.url}/chat/completions`, { model: 'gpt-4o-mini', ...body }, { authorization: 'Bearer k' });

  it('answers json_schema with the scripted JSON as the message content, then echoes JSON', async () => {
    openai.enqueue({ json: { a: 'wrong' } });
    const format = { type: 'json_schema', json_schema: { name: 'answer', schema } };
    const messages = [{ role: 'user', content: 'hi' }];
    expect((await chat({ messages, response_format: format })).body.choices[0].message.content).toBe('{"a":"wrong"}');
    expect(JSON.parse((await chat({ messages, response_format: format })).body.choices[0].message.content)).toEqual({ echo: 'hi' });
    expect(openai.requests[0]!.body).toMatchObject({ response_format: format });
  });

  it('refuses a malformed image part or json_schema like the API', async () => {
    const bad = await chat({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'x' },
            { type: 'image_url', image_url: { url: 'ftp://x' } },
          ],
        },
      ],
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { param: 'messages[0].content[1].image_url.url' } } });
    const noName = await chat({
      messages: [{ role: 'user', content: 'x' }],
      response_format: { type: 'json_schema', json_schema: { schema } },
    });
    expect(noName.status).toBe(400);
  });
});

describe('Anthropic fake', () => {
  const messages = (body: object) =>
    post(
      `${anthropic.url}/v1/messages`,
      { model: 'claude-haiku-4-5', max_tokens: 100, ...body },
      { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
    );

  it('answers a forced tool with a tool_use block carrying the scripted input', async () => {
    anthropic.enqueue({ json: { a: 1 } });
    const res = await messages({
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ name: 'answer', input_schema: schema }],
      tool_choice: { type: 'tool', name: 'answer' },
    });
    expect(res.body).toMatchObject({ stop_reason: 'tool_use', content: [{ type: 'tool_use', name: 'answer', input: { a: 1 } }] });
  });

  it('refuses a tool_choice naming no tool and a bad image source', async () => {
    expect((await messages({ messages: [{ role: 'user', content: 'x' }], tool_choice: { type: 'tool', name: 'nope' } })).status).toBe(400);
    const image = { type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AAAA' } };
    const res = await messages({ messages: [{ role: 'user', content: [image, { type: 'text', text: 'x' }] }] });
    expect(res).toMatchObject({ status: 400, body: { error: { type: 'invalid_request_error' } } });
  });
});

describe('Gemini fake', () => {
  const generate = (body: object) => post(`${gemini.url}/v1beta/models/gemini-2.5-flash:generateContent`, body, { 'x-goog-api-key': 'k' });

  it('answers responseJsonSchema with the scripted JSON as the text part', async () => {
    gemini.enqueue({ json: { a: 2 } });
    const res = await generate({
      contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: 'AAAA' } }, { text: 'hi' }] }],
      generationConfig: { responseMimeType: 'application/json', responseJsonSchema: schema },
    });
    expect(res.body.candidates[0].content.parts[0].text).toBe('{"a":2}');
  });

  it('refuses a schema without JSON output and broken inline data', async () => {
    expect(
      (await generate({ contents: [{ role: 'user', parts: [{ text: 'x' }] }], generationConfig: { responseJsonSchema: schema } })).status,
    ).toBe(400);
    const res = await generate({ contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: '%%' } }] }] });
    expect(res).toMatchObject({ status: 400, body: { error: { status: 'INVALID_ARGUMENT' } } });
  });
});

// How each adapter turns a normalised chat (schema, images) into its provider's request fields.
import { describe, expect, it } from 'vitest';
import type { NormalizedChat } from './adapter';
import { forcedTool, toMessages as anthropicMessages } from './anthropic';
import { jsonConfig, toContents } from './google';
import { responseFormat, toMessages as openAIMessages } from './openai';

const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };
const images = [{ url: 'https://img.test/cat.png' }, { data: 'AAAA', mimeType: 'image/webp' as const }];
const chat = (more: Partial<NormalizedChat> = {}): NormalizedChat => ({
  model: 'm',
  messages: [
    { role: 'user', content: 'Describe', images },
    { role: 'assistant', content: 'A cat.' },
    { role: 'user', content: 'More' },
  ],
  json: false,
  ...more,
});

describe('OpenAI (and compatible) requests', () => {
  it('json_schema response_format with the strict flag as decided', () => {
    expect(responseFormat(chat({ json: true, responseSchema: { name: 'answer', schema, strict: true } }))).toEqual({
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } },
    });
    expect(responseFormat(chat({ json: true, responseSchema: { name: 'x', schema, strict: false } })).response_format).toMatchObject({
      json_schema: { strict: false },
    });
    expect(responseFormat(chat({ json: true }))).toEqual({ response_format: { type: 'json_object' } });
    expect(responseFormat(chat())).toEqual({});
  });

  it('images as image_url parts after the text; other messages stay plain strings', () => {
    expect(openAIMessages(chat({ system: 'S' }))).toEqual([
      { role: 'system', content: 'S' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe' },
          { type: 'image_url', image_url: { url: 'https://img.test/cat.png' } },
          { type: 'image_url', image_url: { url: 'data:image/webp;base64,AAAA' } },
        ],
      },
      { role: 'assistant', content: 'A cat.' },
      { role: 'user', content: 'More' },
    ]);
  });
});

describe('Anthropic requests', () => {
  it('a forced tool whose input schema is the answer schema', () => {
    expect(forcedTool(chat({ json: true, responseSchema: { name: 'answer', schema, strict: true } }))).toEqual({
      tools: [{ name: 'answer', description: expect.any(String), input_schema: schema }],
      tool_choice: { type: 'tool', name: 'answer' },
    });
    expect(forcedTool(chat({ json: true }))).toEqual({});
  });

  it('images as image blocks (url / base64) before the text', () => {
    expect(anthropicMessages(chat())[0]).toEqual({
      role: 'user',
      content: [
        { type: 'image', source: { type: 'url', url: 'https://img.test/cat.png' } },
        { type: 'image', source: { type: 'base64', media_type: 'image/webp', data: 'AAAA' } },
        { type: 'text', text: 'Describe' },
      ],
    });
    expect(anthropicMessages(chat()).slice(1)).toEqual([
      { role: 'assistant', content: 'A cat.' },
      { role: 'user', content: 'More' },
    ]);
  });
});

describe('Gemini requests', () => {
  it('responseMimeType with responseJsonSchema (the plain JSON Schema), or JSON mode alone', () => {
    expect(jsonConfig(chat({ json: true, responseSchema: { name: 'answer', schema, strict: true } }))).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
    expect(jsonConfig(chat({ json: true }))).toEqual({ responseMimeType: 'application/json' });
    expect(jsonConfig(chat())).toEqual({});
  });

  it('images as fileData (type from the file name) and inlineData parts before the text', () => {
    expect(toContents(chat())).toEqual([
      {
        role: 'user',
        parts: [
          { fileData: { fileUri: 'https://img.test/cat.png', mimeType: 'image/png' } },
          { inlineData: { mimeType: 'image/webp', data: 'AAAA' } },
          { text: 'Describe' },
        ],
      },
      { role: 'model', parts: [{ text: 'A cat.' }] },
      { role: 'user', parts: [{ text: 'More' }] },
    ]);
  });
});

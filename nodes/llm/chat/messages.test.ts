// Every message llm.chat's schema and images raise is in the `errors` catalogue: its English says
// exactly what the error says (so the web can show it in the reader's language), and Korean has it.
import { createI18n } from '@bm/i18n';
import { parseImages, schemaMismatch, type CallContext } from '@bm/llm';
import { describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { llmChat } from './definition';

const en = createI18n({ locale: 'en' });
const ko = createI18n({ locale: 'ko' });
const render = (i18n: typeof en, key: string, params: object) => (i18n.t as (k: string, o: object) => string)(`errors:${key}`, params);

function expectCatalogued(err: { message: string; key?: string; params?: object }) {
  expect(err.key).toBeDefined();
  expect(render(en, err.key!, err.params ?? {})).toBe(err.message);
  const korean = render(ko, err.key!, err.params ?? {});
  expect(korean).not.toBe(err.message);
  // No argument left unfilled.
  expect(korean).not.toMatch(/\{[A-Za-z]+\}/);
}

describe('llm.chat messages', () => {
  it.each([
    Array(11).fill('https://x.test/a.png'),
    'data:image/bmp;base64,AAAA',
    [{ data: 'AAAA' }],
    'data:image/png;base64,%%',
    { data: 'A'.repeat(8_000_000), mimeType: 'image/png' },
    'data:image/png,raw',
    'not a url',
    'http://x.test/a.png',
    [7],
  ])('image problem %#', (value) => {
    const parsed = parseImages(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expectCatalogued({ message: parsed.message, key: `llm.BAD_REQUEST.${parsed.key}`, params: parsed.params });
  });

  it('SCHEMA_MISMATCH from the LLM layer, with and without a connection', () => {
    const call: CallContext = { provider: 'openai', host: 'api.openai.com', model: 'gpt-x', timeoutMs: 1 };
    for (const ctx of [call, { ...call, connection: { id: 'c', name: 'Work' } }])
      expectCatalogued(schemaMismatch(ctx, { answer: '{}', path: '/a', errors: '/a is required' }));
  });

  it('SCHEMA_MISMATCH of the node, after the second answer', async () => {
    const mismatch = () =>
      Object.assign(new Error('x'), { code: 'SCHEMA_MISMATCH', mismatch: { answer: '{}', path: '/a', errors: '/a is required' } });
    const ctx = await testContext({
      llm: async () => {
        throw mismatch();
      },
    });
    const err = await rejection(runNode(llmChat, { prompt: 'p', schema: { type: 'object' } }, ctx));
    expectCatalogued(err as never);
  });
});

// Streaming through the real SDKs against the fakes' streaming wire formats: the text arrives in
// pieces before the call returns, the result is still the whole answer, and usage (cached tokens
// included) is exactly what the provider reported — the cost ledger prices it.
import { type FakeProviderServer } from '@bm/testing';
import { describe, expect, it } from 'vitest';
import { callProvider } from './call-provider';
import { useFakeProviders } from './testing';
import type { Provider } from './types';

let openai: FakeProviderServer;
let anthropic: FakeProviderServer;
let gemini: FakeProviderServer;
useFakeProviders((f) => ({ openai, anthropic, gemini } = f));

const cases: { provider: Provider; model: string; fake: () => FakeProviderServer; input: number }[] = [
  { provider: 'openai', model: 'gpt-4o-mini', fake: () => openai, input: 1000 },
  // Anthropic reports cache reads beside input_tokens: all of them count as input.
  { provider: 'anthropic', model: 'claude-sonnet-4-5', fake: () => anthropic, input: 1200 },
  { provider: 'google', model: 'gemini-2.5-flash', fake: () => gemini, input: 1000 },
];

describe('streamed calls', () => {
  for (const c of cases) {
    it(`${c.provider}: reports the text in pieces as they arrive and returns the whole answer with exact usage`, async () => {
      const reply = 'The quick brown fox jumps over the lazy dog, twice over.';
      c.fake().enqueue({ reply, usage: { inputTokens: 1000, outputTokens: 42, cachedTokens: 200 }, chunkDelayMs: 20 });
      const deltas: { text: string; at: number }[] = [];
      const started = performance.now();
      const result = await callProvider({
        provider: c.provider,
        apiKey: 'sk-test',
        baseUrl: c.fake().url,
        model: c.model,
        messages: [{ role: 'user', content: 'go' }],
        onDelta: (text) => deltas.push({ text, at: performance.now() - started }),
      });
      const finished = performance.now() - started;
      expect(result.text).toBe(reply);
      expect(deltas.map((d) => d.text).join('')).toBe(reply);
      expect(deltas.length).toBeGreaterThan(2);
      // The first piece came well before the answer was complete.
      expect(deltas[0]!.at).toBeLessThan(finished - 30);
      expect(result.usage).toEqual({ inputTokens: c.input, outputTokens: 42, cachedTokens: 200 });
      const sent = c.fake().requests.at(-1)!;
      if (c.provider === 'google') expect(sent.path).toMatch(/:streamGenerateContent$/);
      else expect(sent.body).toMatchObject({ stream: true });
    });
  }

  it('without a delta callback the call is not streamed', async () => {
    await callProvider({
      provider: 'anthropic',
      apiKey: 'k',
      baseUrl: anthropic.url,
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect((anthropic.requests.at(-1)!.body as { stream?: boolean }).stream).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT_RESERVATION, PER_IMAGE_TOKENS, countInputTokens, estimateCallUsd, estimateTokens } from './estimate';

describe('the cost estimate a budget holds before a call', () => {
  it('counts about 3.5 characters per token with a 20 % margin where no exact tokenizer exists', async () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('x'.repeat(350))).toBe(120);
    expect(await countInputTokens({ messages: [{ role: 'user', content: 'x'.repeat(350) }] }, 'anthropic', 'claude-sonnet-4-5')).toBe(124);
  });

  it("counts OpenAI prompts exactly with OpenAI's tokenizer", async () => {
    // "hello world" is 2 tokens in o200k_base (gpt-4o) and cl100k_base (gpt-4); plus 4 per message.
    expect(await countInputTokens({ messages: [{ role: 'user', content: 'hello world' }] }, 'openai', 'gpt-4o-mini')).toBe(6);
    expect(await countInputTokens({ messages: [{ role: 'user', content: 'hello world' }] }, 'openai', 'gpt-4')).toBe(6);
    // A model the tokenizer does not know uses the current encoding.
    expect(await countInputTokens({ system: 'hello world', messages: [] }, 'openai', 'gpt-from-the-future')).toBe(6);
  }, 30_000);

  it('adds maxTokens of output, or the default reservation when the node sets none', async () => {
    const price = { inputPerMTok: 2, outputPerMTok: 10 };
    const messages = [{ role: 'user' as const, content: 'x'.repeat(350) }];
    const capped = await estimateCallUsd({ system: 'y'.repeat(35), messages, maxTokens: 100 }, price, 'other', 'm');
    expect(capped).toEqual({ inputTokens: 12 + 4 + 120 + 4, outputTokens: 100, usd: (140 * 2 + 100 * 10) / 1e6 });
    expect((await estimateCallUsd({ messages }, price, 'other', 'm')).outputTokens).toBe(DEFAULT_OUTPUT_RESERVATION);
    expect((await estimateCallUsd({ messages }, { inputPerMTok: 0, outputPerMTok: 0 }, 'other', 'm')).usd).toBe(0);
  });

  it('holds a fixed amount per image (they are not decoded to measure them)', async () => {
    const images = [{ url: 'https://x.test/a.png' }, { data: 'AAAA', mimeType: 'image/png' as const }];
    expect(await countInputTokens({ messages: [{ role: 'user', content: 'x'.repeat(350), images }] }, 'google', 'gemini-2.5-flash')).toBe(
      124 + 2 * PER_IMAGE_TOKENS,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT_RESERVATION, estimateCallUsd, estimateTokens } from './estimate';

describe('the cost estimate a budget holds before a call', () => {
  it('counts about 3.5 characters per token with a 20 % margin', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('x'.repeat(350))).toBe(120);
  });

  it('adds maxTokens of output, or the default reservation when the node sets none', () => {
    const price = { inputPerMTok: 2, outputPerMTok: 10 };
    const messages = [{ role: 'user' as const, content: 'x'.repeat(350) }];
    const capped = estimateCallUsd({ system: 'y'.repeat(35), messages, maxTokens: 100 }, price);
    expect(capped).toEqual({ inputTokens: 12 + 120 + 4, outputTokens: 100, usd: (136 * 2 + 100 * 10) / 1e6 });
    expect(estimateCallUsd({ messages }, price).outputTokens).toBe(DEFAULT_OUTPUT_RESERVATION);
    expect(estimateCallUsd({ messages }, { inputPerMTok: 0, outputPerMTok: 0 }).usd).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { estimateRun, estimateTokens } from './estimate';

const connections = [
  { id: 'c1', provider: 'openai' as const, modelDefault: 'gpt-4o-mini', prices: null },
  { id: 'c2', provider: 'other' as const, modelDefault: 'mine', prices: { mine: { inputPerMTok: 1, outputPerMTok: 2 } } },
];
const prices = [{ provider: 'openai' as const, model: 'gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6 }];

describe('run estimate', () => {
  it('counts like packages/llm: chars / 3.5 × 1.2, rounded up', () => {
    expect(estimateTokens('x'.repeat(35))).toBe(12);
    expect(estimateTokens('')).toBe(0);
  });

  it('prices each LLM node from the price data or the connection, maxTokens or 1 024 out', () => {
    const nodes = [
      { type: 'source.manual', params: {} },
      { type: 'llm.chat', params: { prompt: 'x'.repeat(31), llmConnectionId: '' } },
      { type: 'llm.chat', params: { prompt: 'y'.repeat(31), system: 'z'.repeat(35), llmConnectionId: 'c2', maxTokens: 100 } },
    ];
    const e = estimateRun(nodes, 'abcd', { connections, prices, botConnectionId: 'c1', botModel: null });
    // Node 1: 35 chars → 12 + 4 in, 1 024 out at 0.15 / 0.6. Node 2: 12 + 12 + 4 in, 100 out at 1 / 2.
    expect(e).toMatchObject({ calls: 2, inputTokens: 16 + 28, outputTokens: 1124, unpriced: false });
    expect(e.usd).toBeCloseTo((16 * 0.15 + 1024 * 0.6) / 1e6 + (28 * 1 + 100 * 2) / 1e6, 12);
  });

  it('flags a model without a price', () => {
    const e = estimateRun([{ type: 'llm.chat', params: { prompt: 'hi', model: 'gpt-next' } }], '', {
      connections,
      prices,
      botConnectionId: 'c1',
      botModel: null,
    });
    expect([e.unpriced, e.usd]).toEqual([true, 0]);
  });
});

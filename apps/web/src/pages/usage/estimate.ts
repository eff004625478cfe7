import type { LlmConnection, PricesResponse } from '@bm/contract';

/**
 * The web's copy of packages/llm/src/estimate.ts's rule (the web does not import the LLM package):
 * characters ÷ 3.5 × 1.2 tokens in, +4 per message, maxTokens (or 1 024) out. Keep the two in step.
 */
export const DEFAULT_OUTPUT_RESERVATION = 1024;
export const estimateTokens = (text: string) => Math.ceil((text.length / 3.5) * 1.2);

export type LlmNodeParams = { system?: unknown; prompt?: unknown; maxTokens?: unknown; llmConnectionId?: unknown; model?: unknown };
type Connection = Pick<LlmConnection, 'id' | 'provider' | 'modelDefault' | 'prices'>;

export type RunEstimate = { usd: number; inputTokens: number; outputTokens: number; unpriced: boolean; calls: number };

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * What a manual run's LLM calls may cost: each LLM node's system and prompt (with the run input's
 * text, which templates usually pull in), priced by the connection's own price, else the price data.
 * Unknown models and connections count as unpriced (0), as the worker prices them.
 */
export function estimateRun(
  nodes: { type: string; params: LlmNodeParams }[],
  inputText: string,
  ctx: { connections: Connection[]; prices: PricesResponse['models']; botConnectionId: string | null; botModel: string | null },
): RunEstimate {
  const out: RunEstimate = { usd: 0, inputTokens: 0, outputTokens: 0, unpriced: false, calls: 0 };
  for (const n of nodes) {
    if (!n.type.startsWith('llm.')) continue;
    const p = n.params;
    const conn = ctx.connections.find((c) => c.id === (text(p.llmConnectionId).trim() || ctx.botConnectionId));
    const model = text(p.model).trim() || ctx.botModel || conn?.modelDefault || '';
    const system = text(p.system);
    const inputTokens = (system.trim() ? estimateTokens(system) : 0) + estimateTokens(text(p.prompt) + inputText) + 4;
    const outputTokens = typeof p.maxTokens === 'number' ? p.maxTokens : DEFAULT_OUTPUT_RESERVATION;
    const price = conn?.prices?.[model] ?? (conn && ctx.prices.find((m) => m.provider === conn.provider && m.model === model));
    out.calls += 1;
    out.inputTokens += inputTokens;
    out.outputTokens += outputTokens;
    if (!price) out.unpriced = true;
    else out.usd += (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1e6;
  }
  return out;
}

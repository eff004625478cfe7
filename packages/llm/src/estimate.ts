import type { ModelPrice } from './pricing';
import type { ChatMessage } from './types';

/** Output tokens held for a call that sets no `maxTokens`: most answers fit, and the hold is settled to the real cost after. */
export const DEFAULT_OUTPUT_RESERVATION = 1024;

/**
 * Tokens in a text, estimated high: about 3.5 characters per token for English prose and code,
 * plus a 20 % margin for other scripts (Korean and CJK run nearer 1–2 characters per token).
 * The estimate only sizes a budget hold; the call's real usage replaces it.
 */
export const estimateTokens = (text: string) => Math.ceil((text.length / 3.5) * 1.2);

/** What a call may cost at most, for holding it against a budget before it is made (USD). */
export function estimateCallUsd(
  call: { system?: string; messages: ChatMessage[]; maxTokens?: number },
  price: ModelPrice,
): { inputTokens: number; outputTokens: number; usd: number } {
  const inputTokens = estimateTokens(call.system ?? '') + call.messages.reduce((n, m) => n + estimateTokens(m.content) + 4, 0);
  const outputTokens = call.maxTokens ?? DEFAULT_OUTPUT_RESERVATION;
  return { inputTokens, outputTokens, usd: (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1e6 };
}

import type { ModelPrice } from './pricing';
import type { ChatMessage, Provider } from './types';

/** Output tokens held for a call that sets no `maxTokens`: most answers fit, and the hold is settled to the real cost after. */
export const DEFAULT_OUTPUT_RESERVATION = 1024;
/** What a chat message costs besides its text (role and separators), per OpenAI's counting guide. */
const PER_MESSAGE = 4;
/**
 * What one image is held at: the most a large image costs at Anthropic (~1 600 tokens for 1.15
 * megapixels; OpenAI's high detail and Gemini ask less). The image is not decoded to measure it.
 */
export const PER_IMAGE_TOKENS = 1600;

/**
 * Tokens in a text, estimated high where no exact tokenizer exists: about 3.5 characters per
 * token for English prose and code, plus a 20 % margin for other scripts (Korean and CJK run nearer
 * 1–2 characters per token). The estimate only sizes a budget hold; the call's real usage replaces it.
 */
export const estimateTokens = (text: string) => Math.ceil((text.length / 3.5) * 1.2);

type Encoder = { encode(text: string): number[] };
const encoders = new Map<string, Promise<Encoder>>();

/**
 * OpenAI's own tokenizer (js-tiktoken), loaded on first use — its tables take about a second and
 * tens of MB, so only a budgeted OpenAI call pays for them, once per process.
 */
async function openaiEncoder(model: string): Promise<Encoder> {
  const { Tiktoken, getEncodingNameForModel } = await import('js-tiktoken/lite');
  let name: string;
  try {
    name = getEncodingNameForModel(model as never);
  } catch {
    name = 'o200k_base'; // the encoding of every current OpenAI chat model
  }
  if (!encoders.has(name)) {
    const ranks =
      name === 'cl100k_base'
        ? import('js-tiktoken/ranks/cl100k_base')
        : name === 'p50k_base'
          ? import('js-tiktoken/ranks/p50k_base')
          : import('js-tiktoken/ranks/o200k_base');
    encoders.set(
      name,
      ranks.then((m) => new Tiktoken(m.default)),
    );
  }
  return encoders.get(name)!;
}

/** Input tokens of a call: exact for OpenAI models, estimated high for the others. */
export async function countInputTokens(call: { system?: string; messages: ChatMessage[] }, provider: Provider, model: string) {
  const texts = [...(call.system ? [call.system] : []), ...call.messages.map((m) => m.content)];
  const count =
    provider === 'openai'
      ? (
          (enc: Encoder) => (t: string) =>
            enc.encode(t).length
        )(await openaiEncoder(model))
      : estimateTokens;
  const images = call.messages.reduce((n, m) => n + (m.images?.length ?? 0), 0);
  return texts.reduce((n, t) => n + count(t) + PER_MESSAGE, 0) + images * PER_IMAGE_TOKENS;
}

/** What a call may cost at most, for holding it against a budget before it is made (USD). */
export async function estimateCallUsd(
  call: { system?: string; messages: ChatMessage[]; maxTokens?: number },
  price: ModelPrice,
  provider: Provider,
  model: string,
): Promise<{ inputTokens: number; outputTokens: number; usd: number }> {
  const inputTokens = await countInputTokens(call, provider, model);
  const outputTokens = call.maxTokens ?? DEFAULT_OUTPUT_RESERVATION;
  return { inputTokens, outputTokens, usd: (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1e6 };
}

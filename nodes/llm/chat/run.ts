import { describeImage, parseImages, type ImageInput } from '@bm/llm';
import type { LlmCallRequest, LlmCallResult, LlmUsage, NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';
import { NodeError } from '../../errors';
import { nodeError } from '../../messages';

export interface ChatOutput {
  text: string;
  json?: unknown;
  model: string;
  usage: LlmUsage;
}

/** A plain `images` text may list several URLs; a data URL is one image (its base64 may be wrapped). */
function imageList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  return /^data:/i.test(text) ? text : text.split(/\s+/).filter(Boolean);
}

function readImages(value: unknown, nodeId: string): ImageInput[] {
  const parsed = parseImages(imageList(value));
  if (parsed.ok) return parsed.images;
  // The LLM layer's own message and catalogue key: one text for a bad image, whoever finds it.
  throw new NodeError('INVALID_PARAMS', parsed.message, {
    nodeId,
    retryable: false,
    key: `llm.BAD_REQUEST.${parsed.key}`,
    params: parsed.params,
  });
}

/** Recorded input: an inline image only as its type and size (never megabytes of base64 per run). */
export function recordParams(params: Params): unknown {
  if (params.images === undefined) return params;
  const parsed = parseImages(imageList(params.images));
  return { ...params, images: parsed.ok ? parsed.images.map(describeImage) : '[unreadable images]' };
}

/** SCHEMA_MISMATCH from the LLM layer carries the answer and what is wrong with it. */
function mismatchOf(err: unknown): { answer: string; path: string; errors: string } | undefined {
  const e = err as { code?: unknown; mismatch?: { answer: string; path: string; errors: string } } | null;
  return e?.code === 'SCHEMA_MISMATCH' && e.mismatch ? e.mismatch : undefined;
}

const correction = (errors: string) =>
  `Your answer did not match the schema: ${errors}. Answer again with only the JSON object, matching the schema exactly.`;

const addUsage = (a: LlmUsage, b: LlmUsage): LlmUsage => ({
  inputTokens: a.inputTokens + b.inputTokens,
  outputTokens: a.outputTokens + b.outputTokens,
  ...(a.cachedTokens || b.cachedTokens ? { cachedTokens: (a.cachedTokens ?? 0) + (b.cachedTokens ?? 0) } : {}),
});

/**
 * A schema answer: one call, and when its answer does not match, ONE more with the answer and the
 * validation errors sent back. Each call is its own ledger entry (both are billed); a second
 * mismatch fails the node, not retried — a third try would be billed too and rarely does better.
 */
async function callWithSchema(req: LlmCallRequest, ctx: NodeContext): Promise<LlmCallResult> {
  let first: { answer: string; errors: string; usage?: LlmUsage };
  try {
    return await ctx.llm.call(req);
  } catch (err) {
    const mismatch = mismatchOf(err);
    if (!mismatch) throw err;
    first = { answer: mismatch.answer, errors: mismatch.errors, usage: (err as { billed?: { usage: LlmUsage } }).billed?.usage };
  }
  const { images, prompt, ...rest } = req;
  try {
    const again = await ctx.llm.call({
      ...rest,
      messages: [
        { role: 'user', content: prompt, ...(images?.length ? { images } : {}) },
        // Providers refuse an empty turn (Anthropic: "text content blocks must be non-empty").
        { role: 'assistant', content: first.answer.trim() || '(no answer)' },
      ],
      prompt: correction(first.errors),
    });
    return first.usage ? { ...again, usage: addUsage(first.usage, again.usage) } : again;
  } catch (err) {
    const mismatch = mismatchOf(err);
    if (!mismatch) throw err;
    throw nodeError(
      'SCHEMA_MISMATCH',
      'node.SCHEMA_MISMATCH',
      { path: mismatch.path, errors: mismatch.errors },
      { retryable: false, cause: err },
    );
  }
}

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<ChatOutput> {
  const connectionId = params.llmConnectionId?.trim();
  const model = params.model?.trim();
  const images = readImages(params.images, ctx.nodeId);
  const req: LlmCallRequest = {
    purpose: params.purpose,
    prompt: params.prompt,
    ...(images.length ? { images } : {}),
    ...(params.system.trim() ? { system: params.system } : {}),
    ...(connectionId ? { connectionId } : {}),
    ...(model ? { model } : {}),
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.maxTokens !== undefined ? { maxTokens: params.maxTokens } : {}),
    ...(params.json && !params.schema ? { json: true } : {}),
    ...(params.schema ? { responseSchema: { name: 'answer', schema: params.schema } } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
  const res = params.schema ? await callWithSchema(req, ctx) : await ctx.llm.call(req);
  const output: ChatOutput = { text: res.text, model: res.model, usage: res.usage };
  if (params.json || params.schema) {
    // The LLM layer (callLLM) parses JSON answers itself, tolerating fences and surrounding prose, and
    // fails with INVALID_JSON (not retryable) when there is none — or, with a schema, validates them
    // and fails with SCHEMA_MISMATCH. A result without `json` therefore breaks that contract: a bug
    // on our side, which a retry would not fix.
    if (res.json === undefined) {
      throw nodeError('INTERNAL', 'node.INTERNAL.llmJson', { model: res.model }, { retryable: false });
    }
    output.json = res.json;
  }
  return output;
}

import { NodeError } from '../../errors';
import type { LlmUsage, NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

export interface ChatOutput {
  text: string;
  json?: unknown;
  model: string;
  usage: LlmUsage;
}

/** Models often wrap JSON in a ```json fence even when asked not to. */
export function parseJsonAnswer(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(trimmed);
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1]! : trimmed) };
  } catch {
    return { ok: false };
  }
}

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<ChatOutput> {
  const connectionId = params.llmConnectionId?.trim();
  const model = params.model?.trim();
  const res = await ctx.llm.call({
    purpose: params.purpose,
    prompt: params.prompt,
    ...(params.system.trim() ? { system: params.system } : {}),
    ...(connectionId ? { connectionId } : {}),
    ...(model ? { model } : {}),
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.maxTokens !== undefined ? { maxTokens: params.maxTokens } : {}),
    ...(params.json ? { json: true } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const output: ChatOutput = { text: res.text, model: res.model, usage: res.usage };
  if (params.json) {
    let value = res.json;
    if (value === undefined) {
      const parsed = parseJsonAnswer(res.text);
      if (!parsed.ok) {
        throw new NodeError(
          'LLM_INVALID_JSON',
          `The model (${res.model}) was asked for JSON but answered with text that is not JSON: "${res.text.slice(0, 200)}". ` +
            'Say in the prompt exactly which JSON to return.',
          { retryable: false },
        );
      }
      value = parsed.value;
    }
    output.json = value;
  }
  return output;
}

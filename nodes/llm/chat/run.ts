import type { LlmUsage, NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';
import { nodeError } from '../../messages';

export interface ChatOutput {
  text: string;
  json?: unknown;
  model: string;
  usage: LlmUsage;
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
    // The LLM layer (callLLM) parses JSON answers itself, tolerating fences and surrounding prose, and
    // fails with INVALID_JSON (not retryable) when there is none. A result without `json` therefore
    // breaks that contract: a bug on our side, which a retry would not fix.
    if (res.json === undefined) {
      throw nodeError('INTERNAL', 'node.INTERNAL.llmJson', { model: res.model }, { retryable: false });
    }
    output.json = res.json;
  }
  return output;
}

import type { Repositories } from '@bm/db';
import type { LlmStore } from '@bm/llm';

/** callLLM's view of the database (packages/llm depends only on this interface): one statement per call. */
export function prismaLlmStore(repos: Repositories): LlmStore {
  return { lookup: (req) => repos.connections.forLlmCall(req) };
}

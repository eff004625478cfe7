import type { Repositories } from '@bm/db';
import { toConnectionRecord, type LlmStore } from '@bm/llm';

/** callLLM's view of the database (packages/llm depends only on this interface). */
export function prismaLlmStore(repos: Repositories): LlmStore {
  return {
    async getBot(botId) {
      const b = await repos.bots.get(botId);
      return b && { id: b.id, workspaceId: b.workspaceId, llmConnectionId: b.llmConnectionId, llmModelOverride: b.llmModelOverride };
    },
    async getConnection(id) {
      const c = await repos.connections.get(id);
      return c && toConnectionRecord(c);
    },
    async isWorkspaceMember(userId, workspaceId) {
      return !!(await repos.workspaces.membership(userId, workspaceId));
    },
  };
}

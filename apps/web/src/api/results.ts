import { contract } from '@bm/contract';
import { call } from './http';

const { results } = contract;

export const resultsApi = {
  list: (botId: string, q?: string) => call(results.forBot, { params: { id: botId }, query: { q } }),
  /** The workspace-wide inbox: every bot's results, newest first. */
  listWorkspace: (workspaceId?: string, q?: string, limit?: number) => call(results.inbox, { query: { workspaceId, q, limit } }),
};

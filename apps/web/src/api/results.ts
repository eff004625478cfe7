import { request } from './http';

export type ResultItem = {
  id: string;
  botId: string;
  runId: string | null;
  title?: string | null;
  content: string;
  data?: unknown;
  createdAt: string;
};

export const resultsApi = {
  list: (botId: string, q?: string) =>
    request<{ results: ResultItem[] }>(`/api/bots/${encodeURIComponent(botId)}/results`, { query: { q } }),
  /** The workspace-wide inbox: every bot's results, newest first. */
  listWorkspace: (workspaceId?: string, q?: string, limit?: number) =>
    request<{ results: ResultItem[] }>('/api/results', { query: { workspaceId, q, limit } }),
};

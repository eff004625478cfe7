import { request } from './http';

export type ResultItem = { id: string; runId: string | null; title?: string | null; content: string; createdAt: string };

export const resultsApi = {
  list: (botId: string, q?: string) =>
    request<{ results: ResultItem[] }>(`/api/bots/${encodeURIComponent(botId)}/results`, { query: { q } }),
};

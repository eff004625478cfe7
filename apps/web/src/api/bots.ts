import { request } from './http';
import type { Graph } from './graph-types';

export type BotSummary = {
  id: string;
  name: string;
  description: string | null;
  version: number;
  llmConnectionId: string | null;
  llmModelOverride: string | null;
  workspaceId?: string;
  webhookUrl?: string | null;
  createdAt?: string;
  updatedAt: string;
};

export type Bot = BotSummary & { graph: Graph };

export type BotInput = {
  name: string;
  description?: string | null;
  workspaceId?: string;
  graph: Graph;
  llmConnectionId?: string | null;
  llmModelOverride?: string | null;
};

export const botsApi = {
  list: (workspaceId?: string) => request<{ bots: BotSummary[] }>('/api/bots', { query: { workspaceId } }),
  get: (id: string) => request<Bot>(`/api/bots/${encodeURIComponent(id)}`),
  create: (body: BotInput) => request<Bot>('/api/bots', { method: 'POST', body }),
  update: (id: string, body: Partial<BotInput>) =>
    request<Bot>(`/api/bots/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => request<void>(`/api/bots/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  rotateWebhook: (id: string) =>
    request<{ url: string }>(`/api/bots/${encodeURIComponent(id)}/webhook`, { method: 'POST' }),
  disableWebhook: (id: string) =>
    request<void>(`/api/bots/${encodeURIComponent(id)}/webhook`, { method: 'DELETE' }),
};

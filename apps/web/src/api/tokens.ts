import { request } from './http';

export type ApiToken = { id: string; name: string; prefix?: string; createdAt: string; lastUsedAt: string | null };

export const tokensApi = {
  list: () => request<{ tokens: ApiToken[] }>('/api/tokens'),
  create: (name: string) => request<{ id: string; name: string; token: string }>('/api/tokens', { method: 'POST', body: { name } }),
  remove: (id: string) => request<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

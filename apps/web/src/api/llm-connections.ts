import { request } from './http';

export type LlmProvider = 'openai' | 'anthropic' | 'google' | 'local' | 'other';

export type LlmConnection = {
  id: string;
  provider: LlmProvider;
  name: string;
  baseUrl: string | null;
  modelDefault: string;
  keyHint: string | null;
  isActive: boolean;
  shared: boolean;
  workspaceId: string;
  ownedByMe?: boolean;
  createdAt: string;
  updatedAt: string;
};

export type LlmConnectionInput = {
  provider: LlmProvider;
  name: string;
  apiKey?: string;
  baseUrl?: string | null;
  modelDefault: string;
  workspaceId?: string;
  shared?: boolean;
};

export type LlmConnectionPatch = Partial<Omit<LlmConnectionInput, 'provider' | 'workspaceId'>> & { isActive?: boolean };

export type ConnectionTestResult =
  | { ok: true; model: string; latencyMs: number; output: string }
  | { ok: false; error: { code: string; message: string } };

const base = '/api/llm-connections';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const llmConnectionsApi = {
  list: (workspaceId?: string) => request<{ connections: LlmConnection[] }>(base, { query: { workspaceId } }),
  create: (body: LlmConnectionInput) => request<LlmConnection>(base, { method: 'POST', body }),
  update: (id: string, body: LlmConnectionPatch) => request<LlmConnection>(one(id), { method: 'PATCH', body }),
  remove: (id: string) => request<void>(one(id), { method: 'DELETE' }),
  test: (id: string) => request<ConnectionTestResult>(`${one(id)}/test`, { method: 'POST' }),
  models: (id: string) => request<{ models: { id: string }[] }>(`${one(id)}/models`),
};

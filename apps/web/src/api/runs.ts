import { request } from './http';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type NodeRunStatus = 'pending' | 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';
export type RunError = { code?: string; message: string } | string | null;

export type NodeRun = {
  nodeId: string;
  type: string;
  status: NodeRunStatus | string;
  /** The params as the node ran with them, expressions resolved. */
  input?: unknown;
  output: unknown;
  error: RunError;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  usage?: { inputTokens: number; outputTokens: number; cachedTokens?: number } | null;
  /** Set when the output is too large to inline: GET it separately. */
  outputRef?: string;
  /** Reused from the run this one resumed. */
  reused?: boolean;
  model?: string;
};

export type RunSummary = {
  id: string;
  version: number;
  status: RunStatus;
  trigger: string;
  /** When it was asked for (a run that never started has no startedAt). */
  createdAt?: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: RunError;
};

export type RunDetail = RunSummary & { botId: string; input?: unknown; resumedFromId?: string | null; nodes: NodeRun[] };

export const TERMINAL_RUN_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);

export function runErrorMessage(error: RunError | undefined): string | null {
  if (!error) return null;
  return typeof error === 'string' ? error : error.message;
}

export function runErrorCode(error: RunError | undefined): string | undefined {
  return error && typeof error === 'object' ? error.code : undefined;
}

export const runsApi = {
  start: (botId: string, input?: unknown) =>
    request<{ runId: string }>(`/api/bots/${encodeURIComponent(botId)}/runs`, {
      method: 'POST',
      body: input === undefined ? {} : { input },
    }),
  listForBot: (botId: string) => request<{ runs: RunSummary[] }>(`/api/bots/${encodeURIComponent(botId)}/runs`),
  get: (runId: string) => request<RunDetail>(`/api/runs/${encodeURIComponent(runId)}`),
  cancel: (runId: string) => request<unknown>(`/api/runs/${encodeURIComponent(runId)}/cancel`, { method: 'POST' }),
  /** Starts a new run that reuses the finished nodes' outputs. */
  resume: (runId: string) => request<{ runId: string }>(`/api/runs/${encodeURIComponent(runId)}/resume`, { method: 'POST' }),
  nodeOutput: (outputRef: string) => request<{ output: unknown }>(outputRef),
};

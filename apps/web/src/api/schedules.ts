import { request } from './http';

export type OverlapPolicy = 'skip' | 'buffer_one' | 'allow_all' | 'cancel_other';

export type Schedule = {
  id: string;
  cron: string;
  timezone: string;
  paused: boolean;
  overlap: OverlapPolicy;
  nextRuns: string[];
  input?: unknown;
};

export const schedulesApi = {
  list: (botId: string) => request<{ schedules: Schedule[] }>(`/api/bots/${encodeURIComponent(botId)}/schedules`),
  create: (botId: string, body: { cron: string; timezone: string; overlap?: OverlapPolicy; input?: unknown }) =>
    request<Schedule>(`/api/bots/${encodeURIComponent(botId)}/schedules`, { method: 'POST', body }),
  update: (id: string, body: { paused?: boolean; cron?: string; timezone?: string; overlap?: OverlapPolicy }) =>
    request<Schedule>(`/api/schedules/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  /** Starts a run now, as the schedule would. */
  trigger: (id: string) => request<{ ok: true }>(`/api/schedules/${encodeURIComponent(id)}/trigger`, { method: 'POST' }),
  remove: (id: string) => request<void>(`/api/schedules/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

import { RunStatus, RunTrigger, type RunListQuery } from '@bm/contract';

/** The run history's filters as the URL keeps them, so a link reproduces the view. */
export interface RunFilters {
  status: string[];
  trigger: string[];
  /** A version number, or '' for all. */
  version: string;
  /** Local calendar days (`2026-11-30`), both inclusive; '' for open. */
  from: string;
  to: string;
  q: string;
}

const STATUSES: readonly string[] = RunStatus.options;
const TRIGGERS: readonly string[] = RunTrigger.options;
const DAY = /^\d{4}-\d\d-\d\d$/;

const listOf = (value: string | null, allowed: readonly string[]) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v, i, all) => allowed.includes(v) && all.indexOf(v) === i);

/** Reads the filters from the page's query string; values the API would refuse are dropped. */
export function filtersFrom(params: URLSearchParams): RunFilters {
  const version = params.get('version') ?? '';
  const day = (key: string) => {
    const v = params.get(key) ?? '';
    return DAY.test(v) ? v : '';
  };
  return {
    status: listOf(params.get('status'), STATUSES),
    trigger: listOf(params.get('trigger'), TRIGGERS),
    version: /^[1-9]\d{0,8}$/.test(version) ? version : '',
    from: day('from'),
    to: day('to'),
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The filters as the page's query string (empty ones left out). */
export function filtersToParams(f: RunFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.status.length) out.status = f.status.join(',');
  if (f.trigger.length) out.trigger = f.trigger.join(',');
  if (f.version) out.version = f.version;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.q.trim()) out.q = f.q;
  return out;
}

export const hasFilters = (f: RunFilters) => Object.keys(filtersToParams(f)).length > 0;

/** A local calendar day's start as an instant; `next`: the day after (the API's `to` is exclusive). */
function dayStart(day: string, next = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (next ? 1 : 0)).toISOString();
}

/** The API query for these filters (GET /api/bots/:id/runs). */
export function filtersToQuery(f: RunFilters): RunListQuery {
  return {
    ...(f.status.length ? { status: f.status.join(',') } : {}),
    ...(f.trigger.length ? { trigger: f.trigger.join(',') } : {}),
    ...(f.version ? { version: Number(f.version) } : {}),
    ...(f.from ? { from: dayStart(f.from) } : {}),
    ...(f.to ? { to: dayStart(f.to, true) } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
  };
}

import type { BotSort } from '@bm/contract';
import type { Bot, RunStatus } from '@bm/db';
import type { AppDeps } from '../deps';
import { botOut } from './bot-out';
import { nextFireAt } from './next-fire';

type Item = ReturnType<typeof botOut> & {
  lastRun: { id: string; status: RunStatus; createdAt: Date } | null;
  nextRunAt: Date | null;
  owner: { id: string; name: string; email: string } | null;
};

/**
 * The bots list's items: each bot with its newest run, next scheduled firing and creator. One
 * query per concept for the whole list (last runs, active schedules, people), never one per bot.
 */
export async function botListItems(deps: AppDeps, bots: Bot[], sort: BotSort, order?: 'asc' | 'desc'): Promise<Item[]> {
  const { repos } = deps.services;
  const ids = bots.map((b) => b.id);
  const [last, schedules, people] = await Promise.all([
    repos.runs.lastOf(ids),
    ids.length ? repos.schedules.activeOf(ids) : Promise.resolve([]),
    repos.users.peopleOf(bots.map((b) => b.createdById)),
  ]);
  const lastBy = new Map(last.map((r) => [r.botId, { id: r.id, status: r.status, createdAt: r.createdAt }]));
  const now = new Date();
  const nextBy = new Map<string, Date>();
  for (const s of schedules) {
    const at = nextFireAt(s.cron, s.timezone, now);
    const seen = nextBy.get(s.botId);
    if (at && (!seen || at < seen)) nextBy.set(s.botId, at);
  }
  const items = bots.map((b) => ({
    ...botOut(b),
    lastRun: lastBy.get(b.id) ?? null,
    nextRunAt: nextBy.get(b.id) ?? null,
    owner: people.get(b.createdById) ?? null,
  }));
  return sorted(items, sort, order ?? (sort === 'name' ? 'asc' : 'desc'));
}

function sorted(items: Item[], sort: BotSort, order: 'asc' | 'desc'): Item[] {
  const sign = order === 'asc' ? 1 : -1;
  const key = (i: Item): number | string | null =>
    sort === 'name' ? i.name.toLocaleLowerCase() : sort === 'updated' ? i.updatedAt.getTime() : (i.lastRun?.createdAt.getTime() ?? null);
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Never-run bots go last whichever way the list is ordered.
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
    return (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1) * sign;
  });
}

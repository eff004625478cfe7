import { asString, list, obj, type Mapper } from '../plan';
import { perItem } from './items';

/** n8n outputs every entry of the feed; ours at most `limit` (200 at most), so the largest is closest. */
const ALL_ITEMS = 200;

export const rssFeedRead: Mapper = (node) => ({
  kind: 'node',
  type: 'source.rss',
  version: 1,
  output: perItem(`the feed "${node.name}"`),
  build: (b) => ({ url: b.text(node.parameters.url, 'url') || 'https://example.invalid/feed.xml', limit: ALL_ITEMS }),
});

/** n8n's poll times (`pollTimes.item[0]`, the same for every polling trigger) as cron. */
export function pollCron(p: Record<string, unknown>): string | undefined {
  const n = (key: string, fallback: number) => (typeof p[key] === 'number' ? (p[key] as number) : fallback);
  const [minute, hour] = [n('minute', 0), n('hour', 14)];
  switch (asString(p.mode) ?? 'everyMinute') {
    case 'everyMinute':
      return '* * * * *';
    case 'everyHour':
      return `${minute} * * * *`;
    case 'everyDay':
      return `${minute} ${hour} * * *`;
    case 'everyWeek':
      return `${minute} ${hour} * * ${n('weekday', 1)}`;
    case 'everyMonth':
      return `${minute} ${hour} ${n('dayOfMonth', 1)} * *`;
    case 'everyX':
      return asString(p.unit) === 'hours' ? `0 */${n('value', 2)} * * *` : `*/${n('value', 2)} * * * *`;
    case 'custom': {
      const fields = (asString(p.cronExpression) ?? '').trim().split(/\s+/);
      return fields.length === 5
        ? fields.join(' ')
        : fields.length === 6 && /^0+$/.test(fields[0]!)
          ? fields.slice(1).join(' ')
          : undefined;
    }
    default:
      return undefined;
  }
}

/** The RSS trigger polls the feed and emits new entries: a feed node with `onlyNew` on a schedule. */
export const rssFeedTrigger: Mapper = (node, ctx) => {
  const polls = list(obj(node.parameters.pollTimes).item);
  const cron = pollCron(polls[0] ?? {});
  ctx.trigger({ kind: 'schedule', ...(cron ? { cron } : {}), timezone: ctx.timezone && ctx.timezone !== 'DEFAULT' ? ctx.timezone : 'UTC' });
  ctx.report(
    `RSS Feed Trigger became a feed node that outputs only new items: add a schedule to the bot${cron ? ` with cron "${cron}"` : ' (its poll times have no cron form)'}; the bot has no manual input node.`,
  );
  return {
    kind: 'node',
    type: 'source.rss',
    version: 1,
    output: perItem(`the feed "${node.name}"`),
    build: (b) => ({
      url: b.text(node.parameters.feedUrl, 'feedUrl') || 'https://example.invalid/feed.xml',
      limit: ALL_ITEMS,
      onlyNew: true,
    }),
  };
};

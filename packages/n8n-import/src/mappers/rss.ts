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

/** The RSS trigger polls the feed and emits new entries: a feed node with `onlyNew` on a schedule. */
export const rssFeedTrigger: Mapper = (node, ctx) => {
  const polls = list(obj(node.parameters.pollTimes).item);
  const first = polls[0] ?? { mode: 'everyMinute' };
  const mode = asString(first.mode) ?? 'everyMinute';
  const minute = Number(first.minute ?? 0);
  const hour = Number(first.hour ?? 14);
  const cron =
    mode === 'everyMinute'
      ? '* * * * *'
      : mode === 'everyHour'
        ? `${minute} * * * *`
        : mode === 'everyDay'
          ? `${minute} ${hour} * * *`
          : mode === 'custom'
            ? asString(first.cronExpression)
            : undefined;
  ctx.trigger({ kind: 'schedule', ...(cron ? { cron } : {}), timezone: ctx.timezone && ctx.timezone !== 'DEFAULT' ? ctx.timezone : 'UTC' });
  ctx.report(
    `RSS Feed Trigger became a feed node that outputs only new items: add a schedule to the bot${cron ? ` with cron "${cron}"` : ` (poll mode "${mode}")`}; the bot has no manual input node.`,
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

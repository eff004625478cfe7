import { z } from 'zod';
import { maxBytesParam, timeoutParam, urlParam } from '../../shared/params';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run, type RssOutput } from './run';

export const params = z.object({
  url: urlParam('The feed URL (RSS 2.0, Atom, RDF / RSS 1.0 or JSON Feed).'),
  limit: z.number().int().min(1).max(200).default(20).describe('At most this many items (newest first, as the feed lists them).'),
  onlyNew: z
    .boolean()
    .default(false)
    .describe('Only items this node has not output before (the first run outputs the current items and remembers the whole feed).'),
  timeoutMs: timeoutParam(15_000),
  maxBytes: maxBytesParam(5 * 1024 * 1024),
});
export type Params = z.output<typeof params>;

export const sourceRss: NodeDefinition<Params, RssOutput> = {
  id: 'source.rss',
  version: 1,
  category: 'source',
  title: 'RSS / Atom feed',
  description: 'Reads the items of an RSS, Atom, RDF or JSON feed.',
  docs: [
    'Output: `{ feed: { title, link }, items: [{ id, title, link, published, summary, content }] }`.',
    '`published` is an ISO date or null; `summary` and `content` are plain text (HTML removed).',
    'With **onlyNew**, items already output by an earlier run of this bot are left out. The node remembers up to 2000 item ids; when more new items arrive than `limit`, the rest come in the next runs.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true, label: 'After' }],
  outputs: [{ name: 'out', type: 'items', label: 'Items' }],
  params,
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: "The feed's title and link, and its items.",
    schema: z.object({
      feed: z.object({ title: z.string().nullable(), link: z.string().nullable() }).describe('The feed itself.'),
      items: z
        .array(
          z.object({
            id: z.string(),
            title: z.string(),
            link: z.string().nullable(),
            published: z.string().nullable().describe('An ISO date, or null.'),
            summary: z.string().describe('Plain text.'),
            content: z.string().describe('Plain text.'),
          }),
        )
        .describe('The items, newest first as the feed lists them.'),
    }),
    primaryPath: 'output.items',
    primaryLabel: 'items',
  },
  display: {
    icon: 'rss',
    synonyms: ['rss', 'atom', 'feed', 'news', 'blog', 'podcast', 'subscribe'],
    summary: [{ show: ['url'] }],
  },
  run,
};

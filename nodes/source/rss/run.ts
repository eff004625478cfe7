import type Parser from 'rss-parser';
import { NodeError } from '../../errors';
import { charsetOf, decodeText, httpCall, parseHttpUrl, safeUrl, statusError } from '../../shared/http';
import { htmlToText, truncate } from '../../shared/text';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

export interface RssItem {
  id: string;
  title: string;
  link: string | null;
  published: string | null;
  summary: string;
  content: string;
}

export interface RssOutput {
  feed: { title: string | null; link: string | null };
  items: RssItem[];
}

interface SeenState {
  url: string;
  ids: string[];
}

export const SEEN_KEY = 'rss.seen';
export const MAX_SEEN = 2000;
const MAX_SUMMARY = 1000;

type RawItem = Parser.Item & { id?: string; 'content:encoded'?: string };

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function toItem(raw: RawItem): RssItem {
  const title = htmlToText(str(raw.title) ?? '');
  const published = str(raw.isoDate) ?? null;
  const html = str(raw['content:encoded']) ?? str(raw.content) ?? str(raw.summary) ?? '';
  const summarySource = str(raw.summary) ?? str(raw.contentSnippet) ?? html;
  return {
    id: str(raw.guid) ?? str(raw.id) ?? str(raw.link) ?? `${title}|${published ?? ''}`,
    title,
    link: str(raw.link) ?? null,
    published,
    summary: truncate(htmlToText(summarySource), MAX_SUMMARY),
    content: htmlToText(html),
  };
}

/** Feeds declare their encoding in the XML prolog when the server does not. */
function xmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
  return /<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1];
}

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<RssOutput> {
  const url = parseHttpUrl(params.url);
  const reply = await httpCall(ctx, url, {
    headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5' },
    timeoutMs: params.timeoutMs,
    maxBytes: params.maxBytes,
  });
  if (reply.status < 200 || reply.status > 299) throw statusError(reply, 'Could not fetch the feed');
  const xml = decodeText(reply.bytes, charsetOf(reply.contentType) ?? xmlCharset(reply.bytes));

  let parsed: Parser.Output<RawItem>;
  try {
    const { default: FeedParser } = await import('rss-parser');
    parsed = await new FeedParser<Record<string, unknown>, RawItem>().parseString(xml);
  } catch (err) {
    throw new NodeError(
      'INVALID_FEED',
      `${safeUrl(url)} is not a readable RSS or Atom feed (${(err as Error).message.split('\n')[0]}).`,
      { cause: err },
    );
  }
  const all = parsed.items.map(toItem);
  const feed = { title: str(parsed.title) ?? null, link: str(parsed.link) ?? null };
  if (!params.onlyNew) return { feed, items: all.slice(0, params.limit) };

  const previous = await ctx.state.get<SeenState>(SEEN_KEY);
  const firstRun = !previous || previous.url !== params.url;
  const seen = new Set(firstRun ? [] : previous.ids);
  const fresh = all.filter((i) => !seen.has(i.id)).slice(0, params.limit);
  // The first run takes the whole current feed as the baseline; later runs mark only what they
  // output, so new items beyond `limit` come in the next run instead of being lost.
  const marked = firstRun ? all.map((i) => i.id) : fresh.map((i) => i.id);
  // Oldest first, so trimming to MAX_SEEN forgets the oldest ids.
  const ids = [...(firstRun ? [] : previous.ids), ...marked.filter((id) => !seen.has(id)).reverse()];
  await ctx.state.set(SEEN_KEY, { url: params.url, ids: ids.slice(-MAX_SEEN) } satisfies SeenState);
  return { feed, items: fresh };
}

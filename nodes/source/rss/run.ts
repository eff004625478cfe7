import { parseFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { charsetOf, decodeText, httpCall, parseHttpUrl, safeUrl, statusError } from '../../shared/http';
import { htmlToText, truncate } from '../../shared/text';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';
import { nodeError } from '../../messages';

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

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Feeds write dates in RFC 822 (RSS) or RFC 3339 (Atom, RDF's dc:date, JSON Feed). */
function isoDate(raw: string | undefined): string | null {
  if (!raw) return null;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Plain text as HTML (line breaks kept), so every field can go through htmlToText. */
function escapeHtml(s: string | undefined): string | undefined {
  return s?.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');
}

/** Atom text constructs say whether they hold text, HTML or XHTML. */
function atomText(t: AtomFeed.Text | AtomFeed.Content | undefined): string | undefined {
  if (t?.value === undefined) return undefined;
  return t.type === 'html' || t.type === 'xhtml' || t.type === 'text/html' ? t.value : escapeHtml(t.value);
}

/** One item in every format's terms: HTML fields (plain-text ones escaped), raw dates. */
interface RawItem {
  id?: string;
  title?: string;
  link?: string;
  date?: string;
  summary?: string;
  content?: string;
}

interface RawFeed {
  title?: string;
  link?: string;
  items: RawItem[];
}

function atomLink(links: AtomFeed.Link<string>[] | undefined): string | undefined {
  const alternate = links?.find((l) => !l.rel || l.rel === 'alternate');
  return str(alternate?.href);
}

function rssItem(i: RssFeed.Item<string>): RawItem {
  return {
    id: str(i.guid?.value),
    title: i.title,
    link: i.link,
    date: i.pubDate ?? i.dc?.dates?.[0],
    summary: i.description,
    content: i.content?.encoded ?? i.description,
  };
}

function atomItem(e: AtomFeed.Entry<string>): RawItem {
  return {
    id: e.id,
    title: atomText(e.title),
    link: atomLink(e.links),
    date: e.published ?? e.updated,
    summary: atomText(e.summary),
    content: atomText(e.content) ?? atomText(e.summary),
  };
}

function rdfItem(i: RdfFeed.Item<string>): RawItem {
  return {
    id: str(i.rdf?.about),
    title: i.title,
    link: i.link,
    date: i.dc?.dates?.[0],
    summary: i.description,
    content: i.content?.encoded ?? i.description,
  };
}

function jsonItem(i: JsonFeed.Item<string>): RawItem {
  return {
    id: i.id,
    // JSON Feed's title, summary and content_text are plain text; only content_html is HTML.
    title: escapeHtml(i.title),
    link: i.url ?? i.external_url,
    date: i.date_published ?? i.date_modified,
    summary: escapeHtml(i.summary),
    content: i.content_html ?? escapeHtml(i.content_text ?? i.summary),
  };
}

/** RSS 2.0, Atom 1.0, RDF (RSS 1.0) and JSON Feed, read into one shape. */
function readFeed(text: string): RawFeed {
  const parsed = parseFeed(text);
  switch (parsed.format) {
    case 'rss':
      return { title: parsed.feed.title, link: parsed.feed.link, items: (parsed.feed.items ?? []).map(rssItem) };
    case 'atom':
      return { title: parsed.feed.title?.value, link: atomLink(parsed.feed.links), items: (parsed.feed.entries ?? []).map(atomItem) };
    case 'rdf':
      return { title: parsed.feed.title, link: parsed.feed.link, items: (parsed.feed.items ?? []).map(rdfItem) };
    case 'json':
      return { title: parsed.feed.title, link: parsed.feed.home_page_url, items: (parsed.feed.items ?? []).map(jsonItem) };
  }
}

function toItem(raw: RawItem): RssItem {
  const title = htmlToText(str(raw.title) ?? '');
  const published = isoDate(str(raw.date));
  const html = str(raw.content) ?? '';
  const link = str(raw.link) ?? null;
  return {
    id: str(raw.id) ?? link ?? `${title}|${published ?? ''}`,
    title,
    link,
    published,
    summary: truncate(htmlToText(str(raw.summary) ?? html), MAX_SUMMARY),
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
    headers: {
      accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, application/json;q=0.8, */*;q=0.5',
    },
    timeoutMs: params.timeoutMs,
    maxBytes: params.maxBytes,
  });
  if (reply.status < 200 || reply.status > 299) throw statusError(reply, 'feed');
  const text = decodeText(reply.bytes, charsetOf(reply.contentType) ?? xmlCharset(reply.bytes));

  let parsed: RawFeed;
  try {
    parsed = readFeed(text);
  } catch (err) {
    const detail = (err as Error).message.split('\n')[0] ?? '';
    throw nodeError('INVALID_FEED', 'node.INVALID_FEED', { url: safeUrl(url), detail }, { cause: err });
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

import { charsetOf, decodeText, httpCall, parseHttpUrl, safeUrl, statusError } from '../../shared/http';
import { htmlToText, normalizeWhitespace, truncate } from '../../shared/text';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';
import { nodeError } from '../../messages';

export interface WebpageOutput {
  url: string;
  title: string;
  byline: string | null;
  excerpt: string | null;
  text: string;
  length: number;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<WebpageOutput> {
  const url = parseHttpUrl(params.url);
  const reply = await httpCall(ctx, url, {
    headers: { accept: 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5' },
    timeoutMs: params.timeoutMs,
    maxBytes: params.maxBytes,
  });
  if (reply.status < 200 || reply.status > 299) throw statusError(reply, 'page');
  const type = reply.contentType.split(';')[0]!.trim();

  if (type.startsWith('text/plain')) {
    const text = truncate(normalizeWhitespace(decodeText(reply.bytes, charsetOf(reply.contentType))), params.maxChars);
    return { url: reply.url, title: '', byline: null, excerpt: null, text, length: text.length };
  }
  if (type !== '' && !HTML_TYPES.test(type)) {
    throw nodeError('UNSUPPORTED_CONTENT', 'node.UNSUPPORTED_CONTENT', { url: safeUrl(reply.url), type });
  }

  // Loaded on first use: jsdom costs ~0.5 s to import, and the API imports this package only for
  // the node catalogue.
  const [{ JSDOM, VirtualConsole }, { Readability }] = await Promise.all([import('jsdom'), import('@mozilla/readability')]);
  // HTML bytes go to jsdom as bytes so it can honour <meta charset>. jsdom's defaults: scripts
  // are not run and no sub-resource is loaded. A silent virtual console keeps CSS parse noise
  // out of the worker log.
  const dom = new JSDOM(Buffer.from(reply.bytes), {
    url: reply.url,
    contentType: HTML_TYPES.test(reply.contentType) ? reply.contentType : 'text/html',
    virtualConsole: new VirtualConsole(),
  });
  try {
    const doc = dom.window.document;
    const pageTitle = normalizeWhitespace(doc.title ?? '');
    const article = new Readability(doc.cloneNode(true) as Document).parse();
    // Readability's article HTML when it finds one, else the whole page body.
    const text = truncate(htmlToText(article?.content ?? doc.body?.innerHTML ?? ''), params.maxChars);
    return {
      url: reply.url,
      title: normalizeWhitespace(article?.title ?? '') || pageTitle,
      byline: article?.byline ? normalizeWhitespace(article.byline) : null,
      excerpt: article?.excerpt ? normalizeWhitespace(article.excerpt) : null,
      text,
      length: text.length,
    };
  } finally {
    dom.window.close();
  }
}

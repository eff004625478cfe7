import {
  ARTICLE_PARAGRAPHS,
  ARTICLE_TITLE,
  startHttpFixture,
  startRssFixture,
  type HttpFixture,
  type RssFixture,
} from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { sourceWebpage } from './definition';

let site: RssFixture;
let other: HttpFixture;

beforeAll(async () => {
  site = await startRssFixture();
  other = await startHttpFixture({
    'GET /moved': { redirect: '/plain.txt', status: 301 },
    'GET /plain.txt': { text: 'Line one\n\n\n\nLine   two' },
    'GET /doc.pdf': { body: '%PDF-1.7', contentType: 'application/pdf' },
    'GET /huge.html': { body: `<html><body>${'<p>word</p>'.repeat(2000)}</body></html>`, contentType: 'text/html' },
    'GET /no-article.html': {
      body: '<html><head><title>Tiny</title></head><body><ul><li>one</li><li>two</li></ul></body></html>',
      contentType: 'text/html',
    },
    'GET /cp1252.html': {
      body: Buffer.from(
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 \x93quotes\x94</title></head><body><p>na\xefve</p></body></html>',
        'latin1',
      ),
      contentType: 'text/html',
    },
  });
});
afterAll(async () => {
  await site.close();
  await other.close();
});

const ctx = () => testContext({ allow: [site.host, other.host] });

describe('source.webpage', () => {
  it('extracts the article: title, byline, paragraphs, without navigation or ads', async () => {
    const out = await runNode(sourceWebpage, { url: site.articleUrl }, await ctx());
    expect(out.url).toBe(site.articleUrl);
    expect(out.title).toBe(ARTICLE_TITLE);
    expect(out.byline).toBe('By Jonas Weber');
    expect(out.text).toBe(ARTICLE_PARAGRAPHS.join('\n\n'));
    expect(out.length).toBe(out.text.length);
    expect(out.excerpt).toContain('The northern coast');
    expect(out.text).not.toMatch(/premium subscription|Most read|Sport|Coastal Times/);
  });

  it('never runs page scripts and loads no sub-resources', async () => {
    const before = site.http.requests.length;
    const out = await runNode(sourceWebpage, { url: site.articleUrl }, await ctx());
    expect(out.title).not.toBe('SCRIPT RAN');
    await new Promise((r) => setTimeout(r, 100));
    expect(site.http.requests.slice(before).map((r) => r.path)).toEqual(['/article.html']);
  });

  it('cuts the text at maxChars', async () => {
    const out = await runNode(sourceWebpage, { url: site.articleUrl, maxChars: 100 }, await ctx());
    expect(out.text.length).toBeLessThanOrEqual(100);
    expect(out.text.length).toBeGreaterThan(90);
    expect(out.length).toBe(out.text.length);
    expect(out.text.endsWith('…')).toBe(true);
  });

  it('falls back to the page text when there is no article', async () => {
    const out = await runNode(sourceWebpage, { url: `${other.url}/no-article.html` }, await ctx());
    expect(out.title).toBe('Tiny');
    // One line per list item (the hand-written converter put a blank line between items).
    expect(out.text).toBe('• one\n• two');
  });

  it('honours <meta charset>', async () => {
    const out = await runNode(sourceWebpage, { url: `${other.url}/cp1252.html` }, await ctx());
    expect(out.title).toBe('Café “quotes”');
    expect(out.text).toContain('naïve');
  });

  it('reads plain text and reports the URL after redirects', async () => {
    const out = await runNode(sourceWebpage, { url: `${other.url}/moved` }, await ctx());
    expect(out).toEqual({
      url: `${other.url}/plain.txt`,
      title: '',
      byline: null,
      excerpt: null,
      text: 'Line one\n\nLine two',
      length: 18,
    });
  });

  it('refuses content that is not a page', async () => {
    const err = await rejection(runNode(sourceWebpage, { url: `${other.url}/doc.pdf` }, await ctx()));
    expect(err).toMatchObject({ code: 'UNSUPPORTED_CONTENT', retryable: false });
    expect(err.message).toContain('is application/pdf, not a web page');
  });

  it('enforces the size cap', async () => {
    expect((await rejection(runNode(sourceWebpage, { url: `${other.url}/huge.html`, maxBytes: 4096 }, await ctx()))).code).toBe(
      'RESPONSE_TOO_LARGE',
    );
  });
});

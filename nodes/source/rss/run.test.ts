import { startHttpFixture, startRssFixture, type HttpFixture, type RssFixture } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { sourceRss } from './definition';
import { MAX_SEEN, SEEN_KEY } from './run';

let feeds: RssFixture;
let other: HttpFixture;

beforeAll(async () => {
  feeds = await startRssFixture([
    { title: 'Alpha & Omega', summary: 'About <b>alpha</b>', content: '<p>Alpha <em>body</em></p><p>Second para</p>' },
    { title: 'Beta', id: 'urn:beta' },
    { title: 'Gamma' },
  ]);
  const latin1 = Buffer.from(
    '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9</title><link>http://x/</link>' +
      '<item><title>Cr\xe8me br\xfbl\xe9e</title><guid>l1</guid></item></channel></rss>',
    'latin1',
  );
  other = await startHttpFixture({
    'GET /latin1.xml': { body: latin1, contentType: 'application/xml' },
    'GET /page.html': { body: '<html><body>hello</body></html>', contentType: 'text/html' },
    'GET /gone.xml': { status: 410, text: 'gone' },
  });
});
afterAll(async () => {
  await feeds.close();
  await other.close();
});

const ctx = (opts: Parameters<typeof testContext>[0] = {}) => testContext({ allow: [feeds.host, other.host], ...opts });

describe('source.rss', () => {
  it('reads an RSS 2.0 feed: newest first, plain-text summary and content', async () => {
    const out = await runNode(sourceRss, { url: feeds.rssUrl }, await ctx());
    expect(out.feed).toEqual({ title: 'Fixture News', link: `${feeds.http.url}/` });
    expect(out.items.map((i) => i.title)).toEqual(['Gamma', 'Beta', 'Alpha & Omega']);
    const alpha = out.items[2]!;
    expect(alpha).toEqual({
      id: 'item-1',
      title: 'Alpha & Omega',
      link: `${feeds.http.url}/posts/item-1`,
      published: '2026-01-01T00:01:00.000Z',
      summary: 'About alpha',
      content: 'Alpha body\n\nSecond para',
    });
    expect(out.items[1]!.id).toBe('urn:beta');
  });

  it('reads the same items from an Atom feed', async () => {
    const rss = await runNode(sourceRss, { url: feeds.rssUrl }, await ctx());
    const atom = await runNode(sourceRss, { url: feeds.atomUrl }, await ctx());
    expect(atom.feed).toEqual({ title: 'Fixture Atom', link: `${feeds.http.url}/` });
    expect(atom.items).toEqual(rss.items);
  });

  it('reads the same items from an RDF (RSS 1.0) feed, identified by their link', async () => {
    const rss = await runNode(sourceRss, { url: feeds.rssUrl }, await ctx());
    const rdf = await runNode(sourceRss, { url: feeds.rdfUrl }, await ctx());
    expect(rdf.feed).toEqual({ title: 'Fixture RDF', link: `${feeds.http.url}/` });
    expect(rdf.items).toEqual(rss.items.map((i) => ({ ...i, id: i.link })));
  });

  it('reads the same items from a JSON Feed', async () => {
    const rss = await runNode(sourceRss, { url: feeds.rssUrl }, await ctx());
    const json = await runNode(sourceRss, { url: feeds.jsonUrl }, await ctx());
    expect(json.feed).toEqual({ title: 'Fixture JSON', link: `${feeds.http.url}/` });
    expect(json.items).toEqual(rss.items);
  });

  it('keeps plain-text fields as written: JSON Feed titles and Atom type="text" are not HTML', async () => {
    const plain = await startHttpFixture({
      'GET /feed.json': {
        body: JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'J',
          items: [{ id: 'j1', title: 'a <b> &amp; c', content_text: '1 < 2\n\nand 3 > 2' }],
        }),
        contentType: 'application/feed+json',
      },
      'GET /atom.xml': {
        body: '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>a1</id><title type="text">x &lt;y&gt;</title><updated>2026-02-03T04:05:06Z</updated><content type="html">&lt;p&gt;in &lt;i&gt;html&lt;/i&gt;&lt;/p&gt;</content></entry></feed>',
        contentType: 'application/atom+xml',
      },
    });
    try {
      const c = await testContext({ allow: [plain.host] });
      const json = await runNode(sourceRss, { url: `${plain.url}/feed.json` }, c);
      expect(json.items[0]).toMatchObject({ id: 'j1', title: 'a <b> &amp; c', content: '1 < 2\n\nand 3 > 2', published: null });
      const atom = await runNode(sourceRss, { url: `${plain.url}/atom.xml` }, c);
      expect(atom.items[0]).toMatchObject({ id: 'a1', title: 'x <y>', content: 'in html', published: '2026-02-03T04:05:06.000Z' });
    } finally {
      await plain.close();
    }
  });

  it('limits the number of items', async () => {
    const out = await runNode(sourceRss, { url: feeds.atomUrl, limit: 2 }, await ctx());
    expect(out.items.map((i) => i.title)).toEqual(['Gamma', 'Beta']);
  });

  it('onlyNew: first run outputs the feed, then only items not output before', async () => {
    const state = new Map<string, unknown>();
    const run = async (limit = 20) =>
      (await runNode(sourceRss, { url: feeds.rssUrl, onlyNew: true, limit }, await ctx({ state }))).items.map((i) => i.title);

    expect(await run()).toEqual(['Gamma', 'Beta', 'Alpha & Omega']);
    expect(await run()).toEqual([]);
    feeds.addItem({ title: 'Delta' });
    expect(await run()).toEqual(['Delta']);
    expect(await run()).toEqual([]);

    // More new items than the limit: the rest come next time instead of being lost.
    feeds.addItem({ title: 'E1' });
    feeds.addItem({ title: 'E2' });
    feeds.addItem({ title: 'E3' });
    expect(await run(2)).toEqual(['E3', 'E2']);
    expect(await run(2)).toEqual(['E1']);
    expect(await run(2)).toEqual([]);
  });

  it('onlyNew: the first run marks the whole feed as seen, even beyond the limit', async () => {
    const state = new Map<string, unknown>();
    const first = await runNode(sourceRss, { url: feeds.atomUrl, onlyNew: true, limit: 1 }, await ctx({ state }));
    expect(first.items).toHaveLength(1);
    expect((await runNode(sourceRss, { url: feeds.atomUrl, onlyNew: true, limit: 1 }, await ctx({ state }))).items).toEqual([]);
  });

  it('onlyNew: a changed URL starts over, and the remembered ids stay bounded', async () => {
    const state = new Map<string, unknown>();
    state.set(SEEN_KEY, { url: feeds.rssUrl, ids: Array.from({ length: MAX_SEEN }, (_, i) => `old-${i}`) });
    const out = await runNode(sourceRss, { url: feeds.rssUrl, onlyNew: true }, await ctx({ state }));
    expect(out.items.length).toBe(feeds.items.length);
    const stored = state.get(SEEN_KEY) as { ids: string[] };
    expect(stored.ids).toHaveLength(MAX_SEEN);
    expect(stored.ids.at(-1)).toBe(feeds.items[0]!.id);
    expect(stored.ids[0]).toBe(`old-${feeds.items.length}`);

    const atomFirst = await runNode(sourceRss, { url: feeds.atomUrl, onlyNew: true }, await ctx({ state }));
    expect(atomFirst.items.length).toBe(feeds.items.length);
    expect((state.get(SEEN_KEY) as { url: string }).url).toBe(feeds.atomUrl);
  });

  it('decodes the encoding named in the XML prolog', async () => {
    const out = await runNode(sourceRss, { url: `${other.url}/latin1.xml` }, await ctx());
    expect(out.feed.title).toBe('Café');
    expect(out.items[0]).toMatchObject({ id: 'l1', title: 'Crème brûlée', link: null, published: null });
  });

  it('fails clearly when the URL is not a feed', async () => {
    const err = await rejection(runNode(sourceRss, { url: `${other.url}/page.html` }, await ctx()));
    expect(err).toMatchObject({ code: 'INVALID_FEED', retryable: false });
    expect(err.message).toContain(`${other.url}/page.html is not a readable RSS, Atom or JSON feed`);
  });

  it('fails on HTTP errors', async () => {
    expect(await rejection(runNode(sourceRss, { url: `${other.url}/gone.xml` }, await ctx()))).toMatchObject({
      code: 'HTTP_ERROR',
      status: 410,
      retryable: false,
    });
  });

  it('fetches through ctx.fetch only', async () => {
    const err = await rejection(runNode(sourceRss, { url: feeds.rssUrl }, await testContext({ allow: [] })));
    expect(err.code).toBe('OUTBOUND_BLOCKED');
  });
});

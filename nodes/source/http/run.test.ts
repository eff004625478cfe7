import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { sourceHttp } from './definition';

let fx: HttpFixture;

beforeAll(async () => {
  fx = await startHttpFixture({
    'GET /json': { json: { items: [1, 2], ok: true }, headers: { 'x-trace': 'abc' } },
    'GET /text': { text: 'plain body' },
    'GET /fake-json': { body: 'not { json', contentType: 'application/json' },
    'GET /latin1': { body: Buffer.from('caf\xe9', 'latin1'), contentType: 'text/plain; charset=iso-8859-1' },
    '/echo': (req) => ({ json: { method: req.method, body: req.body, contentType: req.headers['content-type'] ?? null } }),
    'GET /redirect': { redirect: '/json' },
    'GET /missing': { status: 404, text: 'no such thing here' },
    'GET /down': { status: 503, text: 'maintenance' },
    'GET /busy': { status: 429, text: 'slow down', headers: { 'retry-after': '7' } },
    'GET /slow': { delayMs: 3000, text: 'late' },
    'GET /big': { body: 'x'.repeat(5000), contentType: 'text/plain' },
    'GET /big-stream': { chunks: ['y'.repeat(800), 'y'.repeat(800), 'y'.repeat(800)] },
    'GET /drop': { destroy: true },
    'GET /empty': { status: 204 },
  });
});
afterAll(() => fx.close());

const ctx = (opts: Parameters<typeof testContext>[0] = {}) => testContext({ allow: [fx.host], ...opts });

describe('source.http', () => {
  it('GETs JSON and outputs status, headers and the parsed body', async () => {
    const out = await runNode(sourceHttp, { url: `${fx.url}/json` }, await ctx());
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ items: [1, 2], ok: true });
    expect(out.headers['x-trace']).toBe('abc');
    expect(out.headers['content-type']).toBe('application/json');
  });

  it('renders templates in the URL and headers', async () => {
    const before = fx.requests.length;
    await runNode(
      sourceHttp,
      { url: `${fx.url}/json?q={{ input.q }}`, headers: { Authorization: 'Bearer {{ input.token }}' } },
      await ctx({ input: { q: 'ai news', token: 't0k' } }),
    );
    const req = fx.requests[before]!;
    expect(req.query).toEqual({ q: 'ai news' });
    expect(req.headers.authorization).toBe('Bearer t0k');
  });

  it('POSTs an object body as JSON, keeping the types of single-expression values', async () => {
    const out = await runNode(
      sourceHttp,
      { url: `${fx.url}/echo`, method: 'POST', body: { n: '{{ input.n }}', label: 'n={{ input.n }}' } },
      await ctx({ input: { n: 3 } }),
    );
    expect(out.body).toEqual({ method: 'POST', body: '{"n":3,"label":"n=3"}', contentType: 'application/json' });
  });

  it('sends the referenced value as JSON when the body is one expression', async () => {
    const out = await runNode(sourceHttp, { url: `${fx.url}/echo`, method: 'PUT', body: '{{ nodes.up.output }}' }, await ctx(), [
      ['up', { a: [1, { b: null }] }],
    ]);
    expect((out.body as { body: string }).body).toBe('{"a":[1,{"b":null}]}');
  });

  it('sends text bodies as text/plain, and a JSON string as it is', async () => {
    const text = await runNode(sourceHttp, { url: `${fx.url}/echo`, method: 'POST', body: 'hello', bodyType: 'text' }, await ctx());
    expect(text.body).toMatchObject({ body: 'hello', contentType: 'text/plain; charset=utf-8' });
    const raw = await runNode(
      sourceHttp,
      { url: `${fx.url}/echo`, method: 'PATCH', body: '{"x": 1}', headers: { 'Content-Type': 'application/merge-patch+json' } },
      await ctx(),
    );
    expect(raw.body).toMatchObject({ method: 'PATCH', body: '{"x": 1}', contentType: 'application/merge-patch+json' });
  });

  it('rejects a string body that is not JSON when bodyType is json', async () => {
    const err = await rejection(runNode(sourceHttp, { url: `${fx.url}/echo`, method: 'POST', body: 'not json' }, await ctx()));
    expect(err).toMatchObject({ code: 'INVALID_PARAMS', retryable: false });
    expect(err.message).toContain('Parameter "body" is not valid JSON');
  });

  it('refuses a GET with a body at validation', async () => {
    const err = await rejection(runNode(sourceHttp, { url: `${fx.url}/json`, body: 'x' }, await ctx()));
    expect(err.code).toBe('INVALID_PARAMS');
    expect(err.message).toContain('parameter "body": a GET request cannot have a body');
  });

  it('reads text, falls back to text for broken JSON in auto mode, and fails in json mode', async () => {
    expect((await runNode(sourceHttp, { url: `${fx.url}/text` }, await ctx())).body).toBe('plain body');
    expect((await runNode(sourceHttp, { url: `${fx.url}/fake-json` }, await ctx())).body).toBe('not { json');
    expect((await runNode(sourceHttp, { url: `${fx.url}/json`, responseType: 'text' }, await ctx())).body).toBe(
      '{"items":[1,2],"ok":true}',
    );
    const err = await rejection(runNode(sourceHttp, { url: `${fx.url}/text`, responseType: 'json' }, await ctx()));
    expect(err.code).toBe('INVALID_RESPONSE');
  });

  it('decodes the charset the server declares', async () => {
    expect((await runNode(sourceHttp, { url: `${fx.url}/latin1` }, await ctx())).body).toBe('café');
  });

  it('outputs an empty body for 204', async () => {
    expect(await runNode(sourceHttp, { url: `${fx.url}/empty` }, await ctx())).toMatchObject({ status: 204, body: '' });
  });

  it('follows redirects', async () => {
    const before = fx.requests.length;
    const out = await runNode(sourceHttp, { url: `${fx.url}/redirect` }, await ctx());
    expect(out).toMatchObject({ status: 200, body: { ok: true } });
    expect(fx.requests.slice(before).map((r) => r.path)).toEqual(['/redirect', '/json']);
  });

  it('fails on 4xx without retry, with the status and the start of the body', async () => {
    const err = await rejection(runNode(sourceHttp, { url: `${fx.url}/missing?api_key=SECRET` }, await ctx()));
    expect(err).toMatchObject({ code: 'HTTP_ERROR', status: 404, retryable: false });
    expect(err.message).toContain(`GET ${fx.url}/missing answered 404 Not Found: no such thing here`);
    expect(err.message).not.toContain('SECRET');
  });

  it('retries 5xx and 429, honouring Retry-After', async () => {
    expect(await rejection(runNode(sourceHttp, { url: `${fx.url}/down` }, await ctx()))).toMatchObject({
      code: 'HTTP_ERROR',
      status: 503,
      retryable: true,
    });
    expect(await rejection(runNode(sourceHttp, { url: `${fx.url}/busy` }, await ctx()))).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 7000,
    });
  });

  it('times out (retryable)', async () => {
    const started = Date.now();
    const err = await rejection(runNode(sourceHttp, { url: `${fx.url}/slow`, timeoutMs: 200 }, await ctx()));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(err.message).toContain('did not complete within 200 ms');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('stops reading at maxBytes, by Content-Length or while streaming', async () => {
    const declared = await rejection(runNode(sourceHttp, { url: `${fx.url}/big`, maxBytes: 1024 }, await ctx()));
    expect(declared).toMatchObject({ code: 'RESPONSE_TOO_LARGE', retryable: false });
    const streamed = await rejection(runNode(sourceHttp, { url: `${fx.url}/big-stream`, maxBytes: 1024 }, await ctx()));
    expect(streamed.code).toBe('RESPONSE_TOO_LARGE');
    expect((await runNode(sourceHttp, { url: `${fx.url}/big-stream`, maxBytes: 4096 }, await ctx())).body).toHaveLength(2400);
  });

  it('reports a dropped connection as a retryable network error', async () => {
    expect(await rejection(runNode(sourceHttp, { url: `${fx.url}/drop` }, await ctx()))).toMatchObject({
      code: 'NETWORK_ERROR',
      retryable: true,
    });
  });

  it('is cancelled by the run signal', async () => {
    const ac = new AbortController();
    const pending = runNode(sourceHttp, { url: `${fx.url}/slow` }, await ctx({ signal: ac.signal }));
    setTimeout(() => ac.abort(), 50);
    expect((await rejection(pending)).code).toBe('CANCELLED');
  });

  it('goes through the outbound guard: a loopback host that is not allowed is refused', async () => {
    const before = fx.requests.length;
    const err = await rejection(runNode(sourceHttp, { url: `${fx.url}/json` }, await testContext({ allow: [] })));
    expect(err).toMatchObject({ code: 'OUTBOUND_BLOCKED', retryable: false });
    expect(err.message).toContain('BOT_MANAGER_ALLOWED_PRIVATE_HOSTS');
    expect(fx.requests.length).toBe(before);
  });

  it('works against a catch-all handler fixture', async () => {
    const echo = await startHttpFixture((req) => ({ json: { path: req.path, q: req.query } }));
    try {
      const out = await runNode(sourceHttp, { url: `${echo.url}/any/path?x=1` }, await testContext({ allow: [echo.host] }));
      expect(out.body).toEqual({ path: '/any/path', q: { x: '1' } });
      expect(echo.requests).toHaveLength(1);
    } finally {
      await echo.close();
    }
  });

  it('validates the URL (http/https only), also after rendering', async () => {
    expect((await rejection(runNode(sourceHttp, { url: 'ftp://example.com/x' }, await ctx()))).message).toContain(
      'parameter "url" must be an http:// or https:// URL',
    );
    const rendered = await rejection(runNode(sourceHttp, { url: '{{ input.u }}' }, await ctx({ input: { u: 'file:///etc/passwd' } })));
    expect(rendered.code).toBe('INVALID_PARAMS');
  });
});

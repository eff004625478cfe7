import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../lib/errors';
import { registerSameOriginGuard } from './same-origin';

// The guard on a bare Fastify app with the same cookie plugin and error shape as the real one;
// apps/server's tests check it on the real routes.
const app = Fastify();
beforeAll(async () => {
  await app.register(cookie);
  registerSameOriginGuard(app, { sessionCookie: 'bm_session', publicUrl: 'https://bots.example.com' });
  app.setErrorHandler((err, _req, reply) => {
    const e = err as HttpError;
    return reply.code(e.statusCode ?? 500).send({ error: { code: e.code, message: e.message } });
  });
  app.post('/api/runs/:id/cancel', async () => ({ ok: true }));
  app.get('/api/bots', async () => ({ ok: true }));
});
afterAll(() => app.close());

const post = (headers: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url: '/api/runs/r1/cancel',
    headers: { host: '127.0.0.1:3000', ...headers },
    ...(headers['content-type'] ? { payload: headers['content-type'].includes('json') ? '{}' : 'x' } : {}),
  });
const cookieHdr = { cookie: 'bm_session=abc' };

describe('same-origin guard', () => {
  it('refuses a cookie-authenticated POST from another port of the same host (no-cors fetch)', async () => {
    const res = await post({ ...cookieHdr, origin: 'http://127.0.0.1:4000', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CROSS_ORIGIN_REQUEST');
  });

  it('refuses by Sec-Fetch-Site alone, by a foreign or opaque Origin alone, and a bodiless POST without proof', async () => {
    expect((await post({ ...cookieHdr, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post({ ...cookieHdr, origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await post({ ...cookieHdr, origin: 'null' })).statusCode).toBe(403);
    expect((await post({ ...cookieHdr })).statusCode).toBe(403);
    expect((await post({ ...cookieHdr, 'content-type': 'text/plain' })).statusCode).toBe(403);
  });

  it("accepts the app's own pages, the public URL's origin, JSON or X-CSRF-Token without browser headers", async () => {
    expect((await post({ ...cookieHdr, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await post({ ...cookieHdr, origin: 'https://bots.example.com' })).statusCode).toBe(200);
    expect((await post({ ...cookieHdr, 'content-type': 'application/json' })).statusCode).toBe(200);
    expect((await post({ ...cookieHdr, 'x-csrf-token': '1' })).statusCode).toBe(200);
  });

  it('leaves API tokens, requests without the session cookie and reads alone', async () => {
    expect((await post({ authorization: 'Bearer bm_x', cookie: 'bm_session=abc', origin: 'https://evil.example' })).statusCode).toBe(200);
    expect((await post({ origin: 'https://evil.example' })).statusCode).toBe(200);
    const get = await app.inject({
      method: 'GET',
      url: '/api/bots',
      headers: { ...cookieHdr, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(get.statusCode).toBe(200);
  });
});

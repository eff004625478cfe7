import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertUrlAllowed,
  createGuardedDispatcher,
  createGuardedFetch,
  createOutboundPolicy,
  OutboundBlockedError,
  readBodyCapped,
  ResponseTooLargeError,
  TooManyRedirectsError,
  type Resolver,
} from './index';
import { startServer, type LoopbackServer } from './testing';

// A: the allowlisted server (a "local model server"); B: a loopback service nobody allowed;
// C: a second allowlisted server on another origin.
let a: LoopbackServer;
let b: LoopbackServer;
let c: LoopbackServer;

function echo(res: import('node:http').ServerResponse, data: unknown): void {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(data));
}

beforeAll(async () => {
  b = await startServer((_req, res) => res.end('internal secret'));
  c = await startServer((req, res, body) => echo(res, { server: 'c', method: req.method, headers: req.headers, body }));
  a = await startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const redirect = (status: number, location: string) => {
      res.statusCode = status;
      res.setHeader('location', location);
      res.end();
    };
    switch (url.pathname) {
      case '/hello':
        return echo(res, { server: 'a', host: req.headers.host });
      case '/to-b':
        return redirect(302, `http://127.0.0.1:${b.port}/secret`);
      case '/to-b-by-name':
        return redirect(307, `http://localhost:${b.port}/secret`);
      case '/to-metadata':
        return redirect(302, 'http://169.254.169.254/latest/meta-data/');
      case '/to-file':
        return redirect(302, 'file:///etc/passwd');
      case '/to-c':
        return redirect(307, `http://127.0.0.1:${c.port}/echo`);
      case '/to-self':
        return redirect(307, '/echo');
      case '/echo':
        return echo(res, { server: 'a', method: req.method, headers: req.headers, body });
      case '/post-303':
        return redirect(303, '/echo');
      case '/loop': {
        const n = Number(url.searchParams.get('n'));
        return n > 0 ? redirect(302, `/loop?n=${n - 1}`) : res.end('done');
      }
      case '/slow':
        return void setTimeout(() => res.end('late'), 5_000).unref();
      case '/big': {
        // 64 KiB, chunked (no Content-Length)
        const chunk = 'x'.repeat(1024);
        for (let i = 0; i < 64; i++) res.write(chunk);
        return res.end();
      }
      case '/big-cl':
        res.setHeader('content-length', String(64 * 1024));
        return res.end('y'.repeat(64 * 1024));
      default:
        res.statusCode = 404;
        return res.end('not found');
    }
  });
});

afterAll(async () => {
  await Promise.all([a, b, c].map((s) => s?.close()));
});

const allowAC = () => createOutboundPolicy({ allowedPrivateHosts: `127.0.0.1:${a.port},127.0.0.1:${c.port}` });

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected the request to be refused');
    },
    (e: unknown) => e,
  );
}

describe('createGuardedFetch against loopback servers', () => {
  it('refuses a loopback server by default, before any request reaches it', async () => {
    const f = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: '' }));
    const before = a.requests.length;
    const err = await rejection(f(`${a.origin}/hello`));
    expect(err).toBeInstanceOf(OutboundBlockedError);
    expect((err as OutboundBlockedError).message).toContain(`"127.0.0.1:${a.port}" to BOT_MANAGER_ALLOWED_PRIVATE_HOSTS`);
    expect(a.requests.length).toBe(before);
  });

  it('refuses a hostname that resolves to loopback (localhost) at connect time', async () => {
    const f = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: '' }));
    const before = a.requests.length;
    const err = (await rejection(f(`http://localhost:${a.port}/hello`))) as OutboundBlockedError;
    expect(err).toBeInstanceOf(OutboundBlockedError);
    expect(err.host).toBe('localhost');
    expect(err.address).toBe('127.0.0.1');
    expect(a.requests.length).toBe(before);
  });

  it('checks the addresses at connect time, not only in a pre-flight (DNS rebinding)', async () => {
    let calls = 0;
    // First answer public (passes the pre-flight), every later answer loopback.
    const rebinding: Resolver = async () => [{ address: calls++ === 0 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    const policy = createOutboundPolicy({ allowedPrivateHosts: '', resolve: rebinding });
    await expect(assertUrlAllowed(`http://rebind.test:${a.port}/hello`, policy)).resolves.toBeInstanceOf(URL);
    const before = a.requests.length;
    const err = (await rejection(createGuardedFetch(policy)(`http://rebind.test:${a.port}/hello`))) as OutboundBlockedError;
    expect(err).toBeInstanceOf(OutboundBlockedError);
    expect(err.address).toBe('127.0.0.1');
    expect(a.requests.length).toBe(before);
  });

  it('connects to exactly the address the checked lookup returned', async () => {
    // Positive control for the test above: the name only exists in the policy's resolver, so the
    // request can only succeed if the socket used the guarded lookup's answer.
    const resolve: Resolver = async (host) => (host === 'api.fake.test' ? [{ address: '127.0.0.1', family: 4 }] : []);
    const f = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: `127.0.0.1:${a.port}`, resolve }));
    const res = await f(`http://api.fake.test:${a.port}/hello`);
    expect(await res.json()).toEqual({ server: 'a', host: `api.fake.test:${a.port}` });
  });

  it('admits an allowlisted ip:port, and only that port', async () => {
    const f = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: `127.0.0.1:${a.port}` }));
    const res = await f(`${a.origin}/hello`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ server: 'a' });
    expect(await rejection(f(`${b.origin}/`))).toBeInstanceOf(OutboundBlockedError);
    expect(b.requests.length).toBe(0);
  });

  it('admits a CIDR entry and a localhost:port entry', async () => {
    const cidr = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: '127.0.0.1/32' }));
    expect((await cidr(`${b.origin}/`)).status).toBe(200);
    const byName = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: `localhost:${a.port}` }));
    expect(await (await byName(`http://localhost:${a.port}/hello`)).json()).toMatchObject({ server: 'a' });
    expect(await (await byName(`http://127.0.0.1:${a.port}/hello`)).json()).toMatchObject({ server: 'a' });
    expect(await rejection(byName(`http://localhost:${c.port}/echo`))).toBeInstanceOf(OutboundBlockedError);
  });

  it('refuses IPv6 loopback literals', async () => {
    const f = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: `127.0.0.1:${a.port}` }));
    expect(await rejection(f(`http://[::1]:${a.port}/hello`))).toBeInstanceOf(OutboundBlockedError);
    expect(await rejection(f(`http://[::ffff:127.0.0.1]:${b.port}/`))).toBeInstanceOf(OutboundBlockedError);
  });
});

describe('fetch call shapes', () => {
  it('accepts a Request (global fetch implementation) and a URL object', async () => {
    const f = createGuardedFetch(allowAC());
    const req = new Request(`${a.origin}/echo`, { method: 'POST', body: 'from-request', headers: { 'x-test': 'r' } });
    expect(await (await f(req)).json()).toMatchObject({ method: 'POST', body: 'from-request', headers: { 'x-test': 'r' } });
    expect(await (await f(new URL(`${a.origin}/hello`))).json()).toMatchObject({ server: 'a' });
    expect(await rejection(f(new Request(`${b.origin}/`)))).toBeInstanceOf(OutboundBlockedError);
  });

  it('streams a request body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed-'));
        controller.enqueue(new TextEncoder().encode('body'));
        controller.close();
      },
    });
    const res = await createGuardedFetch(allowAC())(`${a.origin}/echo`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await res.json()).toMatchObject({ body: 'streamed-body' });
  });
});

describe('redirects', () => {
  const bHitsBefore = () => b.requests.length;

  it('follows a redirect to another allowed server', async () => {
    const res = await createGuardedFetch(allowAC())(`${a.origin}/to-c`, { method: 'POST', body: 'payload' });
    expect(res.redirected).toBe(true);
    expect(res.url).toBe(`${c.origin}/echo`);
    expect(await res.json()).toMatchObject({ server: 'c', method: 'POST', body: 'payload' });
  });

  it('refuses a redirect from an allowed server to a non-allowed loopback port', async () => {
    const before = bHitsBefore();
    const err = (await rejection(createGuardedFetch(allowAC())(`${a.origin}/to-b`))) as OutboundBlockedError;
    expect(err).toBeInstanceOf(OutboundBlockedError);
    expect(err.port).toBe(b.port);
    expect(b.requests.length).toBe(before);
  });

  it('refuses a redirect to a name that resolves to loopback, and to cloud metadata', async () => {
    const before = bHitsBefore();
    expect(await rejection(createGuardedFetch(allowAC())(`${a.origin}/to-b-by-name`))).toBeInstanceOf(OutboundBlockedError);
    expect(b.requests.length).toBe(before);
    const meta = (await rejection(createGuardedFetch(allowAC())(`${a.origin}/to-metadata`))) as OutboundBlockedError;
    expect(meta.address).toBe('169.254.169.254');
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const err = (await rejection(createGuardedFetch(allowAC())(`${a.origin}/to-file`))) as OutboundBlockedError;
    expect(err).toBeInstanceOf(OutboundBlockedError);
    expect(err.message).toMatch(/scheme "file:"/);
  });

  it('follows at most maxRedirects', async () => {
    const f = createGuardedFetch(allowAC(), { maxRedirects: 5 });
    expect(await (await f(`${a.origin}/loop?n=5`)).text()).toBe('done');
    expect(await rejection(f(`${a.origin}/loop?n=6`))).toBeInstanceOf(TooManyRedirectsError);
  });

  it('drops credentials when a redirect leaves the origin, keeps them on the same origin', async () => {
    const f = createGuardedFetch(allowAC());
    const headers = { authorization: 'Bearer sk-canary', 'x-api-key': 'sk-ant-canary', 'x-goog-api-key': 'AIza-canary', 'x-trace': 't1' };
    const cross = (await (await f(`${a.origin}/to-c`, { headers })).json()) as { headers: Record<string, string> };
    expect(cross.headers['authorization']).toBeUndefined();
    expect(cross.headers['x-api-key']).toBeUndefined();
    expect(cross.headers['x-goog-api-key']).toBeUndefined();
    expect(cross.headers['x-trace']).toBe('t1');
    const same = (await (await f(`${a.origin}/to-self`, { headers })).json()) as { headers: Record<string, string> };
    expect(same.headers['authorization']).toBe('Bearer sk-canary');
    expect(same.headers['x-api-key']).toBe('sk-ant-canary');
  });

  it('turns a POST into a GET without body on 303', async () => {
    const res = await createGuardedFetch(allowAC())(`${a.origin}/post-303`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    const seen = (await res.json()) as { method: string; body: string; headers: Record<string, string> };
    expect(seen).toMatchObject({ server: 'a', method: 'GET', body: '' });
    expect(seen.headers['content-type']).toBeUndefined();
  });

  it('returns the 3xx itself with redirect: "manual"', async () => {
    const res = await createGuardedFetch(allowAC())(`${a.origin}/to-b`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`http://127.0.0.1:${b.port}/secret`);
  });
});

describe('signals, timeouts and size caps', () => {
  it('passes the caller AbortSignal through', async () => {
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    const err = await rejection(createGuardedFetch(allowAC())(`${a.origin}/slow`, { signal: ctrl.signal }));
    expect((err as Error).name).toBe('AbortError');
  });

  it('aborts after timeoutMs', async () => {
    const started = Date.now();
    const err = await rejection(createGuardedFetch(allowAC(), { timeoutMs: 100 })(`${a.origin}/slow`));
    expect((err as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('caps the response body (declared length fails at once, chunked fails while reading)', async () => {
    const f = createGuardedFetch(allowAC(), { maxResponseBytes: 1024 });
    expect(await rejection(f(`${a.origin}/big-cl`))).toBeInstanceOf(ResponseTooLargeError);
    const res = await f(`${a.origin}/big`);
    expect(res.status).toBe(200);
    expect(await rejection(res.text())).toBeInstanceOf(ResponseTooLargeError);
    expect(await (await f(`${a.origin}/hello`)).json()).toMatchObject({ server: 'a' });
    const roomy = createGuardedFetch(allowAC(), { maxResponseBytes: 64 * 1024 });
    expect((await (await roomy(`${a.origin}/big`)).text()).length).toBe(64 * 1024);
  });

  it('readBodyCapped reads up to the limit and no further', async () => {
    const f = createGuardedFetch(allowAC());
    expect((await readBodyCapped(await f(`${a.origin}/big`), 64 * 1024)).byteLength).toBe(64 * 1024);
    expect(await rejection(readBodyCapped(await f(`${a.origin}/big`), 64 * 1024 - 1))).toBeInstanceOf(ResponseTooLargeError);
    expect(await rejection(readBodyCapped(await f(`${a.origin}/big-cl`), 10))).toBeInstanceOf(ResponseTooLargeError);
  });
});

describe('createGuardedDispatcher on its own', () => {
  it('guards plain undici requests too', async () => {
    const dispatcher = createGuardedDispatcher(createOutboundPolicy({ allowedPrivateHosts: `127.0.0.1:${a.port}` }));
    const ok = await request(`${a.origin}/hello`, { dispatcher });
    expect(await ok.body.json()).toMatchObject({ server: 'a' });
    const before = b.requests.length;
    await expect(request(`${b.origin}/`, { dispatcher })).rejects.toBeInstanceOf(OutboundBlockedError);
    await expect(request(`http://localhost:${b.port}/`, { dispatcher })).rejects.toBeInstanceOf(OutboundBlockedError);
    expect(b.requests.length).toBe(before);
    await dispatcher.close();
  });
});

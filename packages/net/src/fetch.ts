import {
  fetch as undiciFetch,
  Headers,
  type Dispatcher,
  type RequestInit as UndiciRequestInit,
  type Response as UndiciResponse,
} from 'undici';
import { capResponse } from './body';
import { createGuardedDispatcher } from './dispatcher';
import { findBlockedError, TooManyRedirectsError } from './errors';
import { assertSchemeAllowed, type OutboundPolicy } from './policy';

export interface GuardedFetchOptions {
  /** Abort the whole exchange (all hops and the body) after this many ms. Default: none (the caller's signal / SDK timeout rules). */
  timeoutMs?: number;
  /** Error (ResponseTooLargeError) once the response body passes this many bytes. Default: no cap. */
  maxResponseBytes?: number;
  /** Redirects followed at most (each hop is checked). Default 5. */
  maxRedirects?: number;
  /** Reuse a dispatcher (e.g. one per process); by default one guarded Agent per fetch function. */
  dispatcher?: Dispatcher;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const REQUEST_BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length'];
/**
 * Credentials dropped when a redirect leaves the origin. The fetch standard only drops
 * Authorization (and undici adds Cookie / Proxy-Authorization); provider keys travel in custom
 * headers too (Anthropic x-api-key, Azure api-key, Gemini x-goog-api-key), and a gateway that
 * redirects elsewhere must not receive-and-forward them. This is why redirects are followed here
 * rather than by undici.
 */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-goog-api-key'];

type BodyValue = UndiciRequestInit['body'];

interface RequestLike {
  url: string;
  method?: string;
  headers?: unknown;
  signal?: AbortSignal | null;
  redirect?: string;
  body?: unknown;
  arrayBuffer?: () => Promise<ArrayBuffer>;
}

interface Prepared {
  url: URL;
  method: string;
  headers: Headers;
  body: BodyValue;
  signal: AbortSignal | undefined;
  redirect: string;
  duplex: 'half' | undefined;
}

function isStreamBody(body: unknown): boolean {
  if (body === null || body === undefined || typeof body !== 'object') return false;
  return body instanceof ReadableStream || typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

async function prepare(input: unknown, init: (RequestInit & { duplex?: 'half' }) | undefined): Promise<Prepared> {
  let urlText: string;
  let method = 'GET';
  let headers = new Headers();
  let body: BodyValue = undefined;
  let signal: AbortSignal | undefined;
  let redirect = 'follow';
  if (typeof input === 'string' || input instanceof URL) {
    urlText = String(input);
  } else if (input !== null && typeof input === 'object' && typeof (input as RequestLike).url === 'string') {
    // A Request (possibly from another fetch implementation): copy what matters.
    const req = input as RequestLike;
    urlText = req.url;
    method = req.method ?? method;
    headers = new Headers(req.headers as ConstructorParameters<typeof Headers>[0]);
    signal = req.signal ?? undefined;
    redirect = req.redirect ?? redirect;
    if (req.body != null && init?.body === undefined && req.arrayBuffer) body = new Uint8Array(await req.arrayBuffer());
  } else {
    throw new TypeError('fetch: the first argument must be a URL string, a URL or a Request.');
  }
  if (init) {
    if (init.method !== undefined) method = init.method.toUpperCase();
    if (init.headers !== undefined) headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
    if (init.body !== undefined) body = init.body as BodyValue;
    if (init.signal) signal = init.signal;
    if (init.redirect !== undefined) redirect = init.redirect;
  }
  const duplex = init?.duplex ?? (isStreamBody(body) ? 'half' : undefined);
  return { url: new URL(urlText), method, headers, body, signal, redirect, duplex };
}

/**
 * A standard `fetch` (usable as the `fetch` option of the openai / @anthropic-ai/sdk clients) whose
 * every connection goes through the guarded dispatcher. Refusals reject with OutboundBlockedError
 * (not undici's generic "fetch failed"). Redirects are followed here, at most `maxRedirects`, each
 * hop's scheme checked and its address checked at connect time, with credentials dropped across
 * origins. The caller's AbortSignal is honoured on every hop and while reading the body.
 */
export function createGuardedFetch(policy: OutboundPolicy, opts: GuardedFetchOptions = {}): typeof fetch {
  const dispatcher = opts.dispatcher ?? createGuardedDispatcher(policy);
  const maxRedirects = opts.maxRedirects ?? 5;

  const guardedFetch = async (input: unknown, init?: RequestInit): Promise<UndiciResponse> => {
    const req = await prepare(input, init);
    const signals = [req.signal, opts.timeoutMs !== undefined ? AbortSignal.timeout(opts.timeoutMs) : undefined].filter(
      (s): s is AbortSignal => s !== undefined,
    );
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];

    let { url, method, body } = req;
    const headers = req.headers;
    for (let hop = 0; ; hop++) {
      assertSchemeAllowed(url);
      let res: UndiciResponse;
      try {
        res = await undiciFetch(url, {
          method,
          headers,
          body,
          signal,
          redirect: 'manual',
          dispatcher,
          ...(req.duplex && body !== undefined && body !== null ? { duplex: req.duplex } : {}),
        });
      } catch (err) {
        throw findBlockedError(err) ?? err;
      }

      const location = REDIRECT_STATUSES.has(res.status) ? res.headers.get('location') : null;
      if (location === null || req.redirect === 'manual') return finish(res, hop > 0);

      await res.body?.cancel().catch(() => undefined);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new TypeError(`fetch: the redirect from ${url.origin} has an invalid Location header.`);
      }
      if (req.redirect === 'error') throw new TypeError(`fetch: unexpected redirect from ${url.origin} (redirect: "error").`);
      if (hop >= maxRedirects) throw new TooManyRedirectsError(maxRedirects);
      assertSchemeAllowed(next);

      if (
        ((res.status === 301 || res.status === 302) && method === 'POST') ||
        (res.status === 303 && method !== 'GET' && method !== 'HEAD')
      ) {
        method = 'GET';
        body = undefined;
        for (const h of REQUEST_BODY_HEADERS) headers.delete(h);
      } else if (isStreamBody(body)) {
        throw new TypeError(`fetch: cannot follow a ${res.status} redirect with a streamed request body.`);
      }
      if (next.origin !== url.origin) for (const h of CREDENTIAL_HEADERS) headers.delete(h);
      url = next;
    }
  };

  const finish = async (res: UndiciResponse, redirected: boolean): Promise<UndiciResponse> => {
    if (redirected) Object.defineProperty(res, 'redirected', { value: true });
    return opts.maxResponseBytes !== undefined ? capResponse(res, opts.maxResponseBytes) : res;
  };

  return guardedFetch as unknown as typeof fetch;
}

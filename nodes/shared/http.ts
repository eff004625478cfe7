import { readBodyCapped } from '@bm/net';
import { NodeError } from '../errors';
import type { NodeContext } from '../types';
import { nodeError } from '../messages';

export interface HttpCall {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
}

export interface HttpReply {
  status: number;
  statusText: string;
  /** The URL after redirects. */
  url: string;
  headers: Record<string, string>;
  contentType: string;
  bytes: Uint8Array;
}

/** Origin and path only: query strings often carry tokens, and messages end up in run records. */
export function safeUrl(url: string | URL): string {
  try {
    const u = new URL(url);
    // Token-like path segments (Slack/Discord webhook secrets, signed ids) are masked as well.
    const path = u.pathname
      .split('/')
      .map((seg) => (seg.length >= 16 && /\d/.test(seg) && /[A-Za-z]/.test(seg) ? '[redacted]' : seg))
      .join('/');
    return `${u.origin}${path}`;
  } catch {
    return String(url).slice(0, 200);
  }
}

export function parseHttpUrl(raw: string, param = 'url'): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw nodeError('INVALID_PARAMS', 'node.INVALID_PARAMS.url', { param, value: raw.slice(0, 200) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw nodeError('INVALID_PARAMS', 'node.INVALID_PARAMS.protocol', { param, protocol: url.protocol });
  }
  return url;
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** 5xx, 429 and 408 may pass later; other 4xx need a change by the user. */
function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** What was being done when a request failed; each has its sentence in the catalogue (node.HTTP_ERROR). */
export type HttpWhat = 'http' | 'feed' | 'page' | 'webhook' | 'slack';

export function statusError(reply: HttpReply, what: HttpWhat, method = 'GET'): NodeError {
  const snippet = new TextDecoder().decode(reply.bytes.slice(0, 600)).replace(/\s+/g, ' ').trim().slice(0, 300);
  const retryable = isRetryableStatus(reply.status);
  const params = {
    what,
    method,
    url: safeUrl(reply.url),
    status: String(reply.status),
    hasStatusText: reply.statusText ? 'yes' : 'no',
    statusText: reply.statusText ?? '',
    hasSnippet: snippet ? 'yes' : 'no',
    snippet,
    retryable: retryable ? 'yes' : 'no',
  };
  return nodeError('HTTP_ERROR', 'node.HTTP_ERROR', params, {
    retryable,
    status: reply.status,
    retryAfterMs: retryAfterMs(reply.headers['retry-after']),
  });
}

/**
 * One HTTP exchange through ctx.fetch (the guarded fetch), bounded in time and size. Maps
 * failures to NodeErrors: refused destinations, timeouts, oversize bodies, network errors.
 */
export async function httpCall(ctx: NodeContext, url: URL, call: HttpCall): Promise<HttpReply> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  const method = call.method ?? 'GET';
  const target = `${method} ${safeUrl(url)}`;
  try {
    const res = await ctx.fetch(url, { method, headers: call.headers, body: call.body, signal, redirect: 'follow' });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    const bytes = await readBodyCapped(res, call.maxBytes);
    return {
      status: res.status,
      statusText: res.statusText,
      url: res.url || url.toString(),
      headers,
      contentType: headers['content-type'] ?? '',
      bytes,
    };
  } catch (err) {
    if (ctx.signal?.aborted) throw nodeError('CANCELLED', 'node.CANCELLED.request', { target }, { cause: err });
    if (timeout.aborted) {
      throw nodeError('TIMEOUT', 'node.TIMEOUT', { target, ms: String(call.timeoutMs) }, { retryable: true, cause: err });
    }
    const code = (err as { code?: unknown }).code;
    if (code === 'OUTBOUND_BLOCKED' || code === 'TOO_MANY_REDIRECTS') {
      throw new NodeError(code, (err as Error).message, { cause: err });
    }
    if (code === 'RESPONSE_TOO_LARGE') {
      throw nodeError('RESPONSE_TOO_LARGE', 'node.RESPONSE_TOO_LARGE', { target, maxBytes: String(call.maxBytes) }, { cause: err });
    }
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail =
      typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (err as Error).message;
    throw nodeError('NETWORK_ERROR', 'node.NETWORK_ERROR', { target, detail: String(detail) }, { retryable: true, cause: err });
  }
}

/** The charset of a Content-Type header, if it names one. */
export function charsetOf(contentType: string): string | undefined {
  return /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

/** Decodes bytes with the given charset (falling back to UTF-8 for unknown labels). */
export function decodeText(bytes: Uint8Array, charset?: string): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

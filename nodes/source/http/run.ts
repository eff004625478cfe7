import { charsetOf, decodeText, httpCall, parseHttpUrl, statusError } from '../../shared/http';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';
import { nodeError } from '../../messages';

export interface HttpOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function isJsonType(contentType: string): boolean {
  return /^application\/([\w.+-]+\+)?json\b|^text\/json\b/i.test(contentType.trim());
}

function encodeBody(params: Params, headers: Record<string, string>): string | undefined {
  const { body } = params;
  if (body === undefined || body === '' || params.method === 'GET') return undefined;
  const has = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name);
  if (params.bodyType === 'text') {
    if (!has('content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
    return typeof body === 'string' ? body : JSON.stringify(body);
  }
  if (!has('content-type')) headers['content-type'] = 'application/json';
  if (typeof body !== 'string') return JSON.stringify(body);
  try {
    JSON.parse(body);
  } catch {
    throw nodeError('INVALID_PARAMS', 'node.INVALID_PARAMS.jsonBody');
  }
  return body;
}

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<HttpOutput> {
  const url = parseHttpUrl(params.url);
  const headers = { ...params.headers };
  const body = encodeBody(params, headers);
  const reply = await httpCall(ctx, url, {
    method: params.method,
    headers,
    body,
    timeoutMs: params.timeoutMs,
    maxBytes: params.maxBytes,
  });
  if (reply.status < 200 || reply.status > 299) throw statusError(reply, 'http', params.method);
  const text = decodeText(reply.bytes, charsetOf(reply.contentType));
  let parsed: unknown = text;
  const wantJson = params.responseType === 'json' || (params.responseType === 'auto' && isJsonType(reply.contentType));
  if (wantJson && text.trim() !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      if (params.responseType === 'json') {
        throw nodeError('INVALID_RESPONSE', 'node.INVALID_RESPONSE', { method: params.method, url: `${url.origin}${url.pathname}` });
      }
      ctx.log?.('response declared JSON but is not; returning text', { contentType: reply.contentType });
    }
  }
  return { status: reply.status, headers: reply.headers, body: parsed };
}

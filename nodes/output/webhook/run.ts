import { primaryInput } from '../../shared/items';
import { httpCall, parseHttpUrl, statusError } from '../../shared/http';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

export interface DeliveryOutput {
  status: number;
}

const WEBHOOK_MAX_RESPONSE = 1024 * 1024;

function payloadOf(params: Params, inputs: NodeInputs): unknown {
  const p: unknown = params.payload;
  if (p === undefined || p === '') return primaryInput(inputs) ?? null;
  if (typeof p === 'string' && /^\s*[[{]/.test(p)) {
    try {
      return JSON.parse(p);
    } catch {
      return p;
    }
  }
  return p;
}

export async function run(params: Params, inputs: NodeInputs, ctx: NodeContext): Promise<DeliveryOutput> {
  const url = parseHttpUrl(params.url);
  // Header names are case-insensitive: a user-set Content-Type (any spelling) replaces ours rather
  // than being sent alongside it.
  const headers: Record<string, string> = { ...params.headers };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  const reply = await httpCall(ctx, url, {
    method: params.method,
    headers,
    body: JSON.stringify(payloadOf(params, inputs)),
    timeoutMs: params.timeoutMs,
    maxBytes: WEBHOOK_MAX_RESPONSE,
  });
  if (reply.status < 200 || reply.status > 299) throw statusError(reply, 'Webhook delivery failed', params.method);
  return { status: reply.status };
}

import { primaryInput } from '../../shared/items';
import { deliveryHeaders } from '../../shared/delivery';
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
  // Header names are case-insensitive: a user-set header (any spelling) replaces ours rather than
  // being sent alongside it — Content-Type, and an Idempotency-Key the receiver expects in its own form.
  const headers: Record<string, string> = { ...params.headers };
  const defaults: Record<string, string> = { 'content-type': 'application/json', ...deliveryHeaders(ctx) };
  const set = new Set(Object.keys(headers).map((k) => k.toLowerCase()));
  for (const [k, v] of Object.entries(defaults)) if (!set.has(k)) headers[k] = v;
  const reply = await httpCall(ctx, url, {
    method: params.method,
    headers,
    body: JSON.stringify(payloadOf(params, inputs)),
    timeoutMs: params.timeoutMs,
    maxBytes: WEBHOOK_MAX_RESPONSE,
  });
  if (reply.status < 200 || reply.status > 299) throw statusError(reply, 'webhook', params.method);
  return { status: reply.status };
}

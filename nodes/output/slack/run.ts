import { deliveryHeaders } from '../../shared/delivery';
import { httpCall, parseHttpUrl, statusError } from '../../shared/http';
import type { NodeContext, NodeInputs } from '../../types';
import type { DeliveryOutput } from '../webhook/run';
import type { Params } from './definition';

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<DeliveryOutput> {
  const url = parseHttpUrl(params.webhookUrl, 'webhookUrl');
  const reply = await httpCall(ctx, url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...deliveryHeaders(ctx) },
    body: JSON.stringify({ text: params.text }),
    timeoutMs: params.timeoutMs,
    maxBytes: 64 * 1024,
  });
  if (reply.status < 200 || reply.status > 299) throw statusError(reply, 'slack', 'POST');
  return { status: reply.status };
}

import type { NodeContext } from '../types';

/**
 * Headers that identify one delivery of one node run. Delivery is at least once: a worker that
 * dies after the receiver got the request but before the result was recorded makes Temporal retry
 * the node, and the receiver sees the request again. The id is the same on every attempt of the
 * same node run (it is derived from the run and node ids, never from the attempt), so a receiver
 * that remembers ids it has processed can drop the duplicates. Two names: `Idempotency-Key` is the
 * convention payment-style APIs read; `X-Bot-Manager-Delivery` is ours, documented in the README.
 */
export function deliveryHeaders(ctx: Pick<NodeContext, 'runId' | 'nodeId'>): Record<string, string> {
  const id = deliveryId(ctx);
  return { 'idempotency-key': id, 'x-bot-manager-delivery': id };
}

export function deliveryId(ctx: Pick<NodeContext, 'runId' | 'nodeId'>): string {
  return `${ctx.runId}:${ctx.nodeId}`;
}

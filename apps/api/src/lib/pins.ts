import { MAX_PIN_BYTES, type GraphInput } from '@bm/contract';
import type { AppDeps } from '../deps';
import { apiError } from './errors';

/**
 * Pinned outputs on the wire ride on graph nodes (`pinnedOutput`); stored, they live beside the
 * bot (BotPin), never in the graph: GraphSchema drops the field, so no version, template or export
 * made from a stored graph can carry one. This file is the one place that moves them across.
 */

type WireNode = { id?: unknown; pinnedOutput?: unknown };

/** The pin changes a save carries: a value pins, `null` unpins, a node without the field keeps its pin. */
export function pinChanges(graph: unknown): { set: Map<string, unknown>; unset: string[] } {
  const set = new Map<string, unknown>();
  const unset: string[] = [];
  const nodes = (graph as { nodes?: WireNode[] } | undefined)?.nodes;
  for (const n of Array.isArray(nodes) ? nodes : []) {
    if (typeof n?.id !== 'string' || !Object.hasOwn(n, 'pinnedOutput') || n.pinnedOutput === undefined) continue;
    if (n.pinnedOutput === null) unset.push(n.id);
    else set.set(n.id, checkedPin(n.id, n.pinnedOutput));
  }
  return { set, unset };
}

/** A pin is user data of bounded size. */
export function checkedPin(nodeId: string, output: unknown): unknown {
  const bytes = Buffer.byteLength(JSON.stringify(output ?? null));
  if (bytes > MAX_PIN_BYTES) throw apiError(422, 'PIN_TOO_LARGE', { params: { nodeId, bytes, max: MAX_PIN_BYTES } });
  return output;
}

/** Applies a save's pin changes; pins of nodes the saved graph no longer has go with them. */
export async function savePins(deps: AppDeps, botId: string, userId: string, graph: unknown, nodeIds?: string[]) {
  const { pins } = deps.services.repos;
  const { set, unset } = pinChanges(graph);
  for (const [nodeId, output] of set) await pins.set(botId, nodeId, output, userId);
  await pins.remove(botId, unset);
  if (nodeIds) await pins.keepOnly(botId, nodeIds);
}

/** The graph as GET /api/bots/:id answers it: each pinned node carries its `pinnedOutput`. */
export function withPins(graph: GraphInput, pins: Map<string, unknown>): GraphInput {
  if (!pins.size) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => (pins.has(n.id) ? { ...n, pinnedOutput: pins.get(n.id) } : n)) };
}

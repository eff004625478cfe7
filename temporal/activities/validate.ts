import { validateGraph, type Graph } from '@bm/graph';
import { getNodeTypeInfo } from '@bm/nodes';
import type { Repositories } from '@bm/db';

export interface BotValidationContext {
  repos: Repositories;
  /** Who runs (or saves) the bot: connections must be usable by them. */
  userId: string;
  workspaceId: string;
  botConnectionId: string | null;
  maxNodes?: number;
}

/**
 * Validation of a bot's graph against the node registry and the caller's LLM connections.
 * Runs on save (API) and again before every run (prepareRun): a connection may have been
 * deactivated or deleted since the graph was saved.
 */
export async function validateBotGraph(graph: Graph, c: BotValidationContext) {
  const ids = new Set<string>();
  if (c.botConnectionId) ids.add(c.botConnectionId);
  for (const n of graph.nodes) {
    const id = (n.params as { llmConnectionId?: unknown } | undefined)?.llmConnectionId;
    if (typeof id === 'string' && id) ids.add(id);
  }
  const usable = new Set<string>();
  for (const id of ids) {
    const conn = await c.repos.connections.get(id);
    if (conn && conn.isActive && conn.workspaceId === c.workspaceId && (conn.ownerUserId === c.userId || conn.shared)) usable.add(id);
  }
  return validateGraph(graph, {
    getNodeType: getNodeTypeInfo,
    maxNodes: c.maxNodes,
    llm: {
      botHasConnection: !!c.botConnectionId && usable.has(c.botConnectionId),
      connectionUsable: (id: string) => usable.has(id),
    },
  });
}

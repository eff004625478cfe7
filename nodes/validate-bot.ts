import { issue, nodeName, secretReferences, validateGraph, type Graph, type GraphMessageKey, type MessageParams } from '@bm/graph';
import { connectionUsableBy } from '@bm/llm';
import { graphConnectionIds } from './graph-facts';
import { nodeTypeLookup } from './registry';

/** How deep a chain of sub-bots is followed when looking for a cycle (deeper chains are refused as they are). */
const MAX_SUBBOT_DEPTH = 32;

const subbotIds = (graph: unknown): string[] =>
  ((graph as { nodes?: { type?: string; params?: { botId?: unknown } }[] } | null)?.nodes ?? [])
    .filter((n) => n.type === 'flow.subbot' && typeof n.params?.botId === 'string')
    .map((n) => n.params!.botId as string);

/** Every flow.subbot names a bot of the workspace, and no chain of sub-bots leads back to the bot being saved. */
async function checkSubbots(graph: Graph, c: BotValidationContext) {
  const errors: ReturnType<typeof issue>[] = [];
  const bots = c.repos.bots;
  if (!bots) return errors;
  for (const node of graph.nodes.filter((n) => n.type === 'flow.subbot')) {
    const id = (node.params as { botId?: unknown }).botId;
    if (typeof id !== 'string' || !id) continue; // a missing param is reported by the params check
    const target = id === c.botId ? null : await bots.get(id);
    if (id !== c.botId && (!target || target.workspaceId !== c.workspaceId)) {
      errors.push(issue('SUBBOT_NOT_FOUND', 'SUBBOT_NOT_FOUND', { node: nodeName(node), bot: id }, { nodeId: node.id, param: 'botId' }));
      continue;
    }
    if (!c.botId) continue;
    // Depth-first through the saved graphs of the bots it calls, looking for the bot being saved.
    const path = await findPath(id, c.botId, bots, c.workspaceId);
    if (path) {
      const names = path.join(' → ');
      errors.push(issue('SUBBOT_CYCLE', 'SUBBOT_CYCLE', { node: nodeName(node), path: names }, { nodeId: node.id, param: 'botId' }));
    }
  }
  return errors;
}

async function findPath(
  from: string,
  to: string,
  bots: NonNullable<BotValidationContext['repos']['bots']>,
  workspaceId: string,
): Promise<string[] | undefined> {
  const seen = new Set<string>();
  const walk = async (id: string, trail: string[], depth: number): Promise<string[] | undefined> => {
    if (id === to) return [...trail, '…'];
    if (seen.has(id) || depth > MAX_SUBBOT_DEPTH) return undefined;
    seen.add(id);
    const bot = await bots.get(id);
    if (!bot || bot.workspaceId !== workspaceId) return undefined;
    for (const next of subbotIds(bot.graph)) {
      const found = await walk(next, [...trail, `"${bot.name}"`], depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(from, [], 0);
}

/** What validation reads of a stored LLM connection (packages/db's repository satisfies it). */
export interface ConnectionForValidation {
  name: string;
  isActive: boolean;
  workspaceId: string;
  ownerUserId: string;
  shared: boolean;
}

export interface BotValidationContext {
  repos: {
    connections: { get(id: string): Promise<ConnectionForValidation | null> };
    /** To name the owner of a colleague's personal connection. */
    users: { findById(id: string): Promise<{ name: string; email: string } | null> };
    /** The workspace's secrets, to check `{{ secrets.NAME }}` references (names only). */
    secrets: { list(workspaceId: string): Promise<{ name: string }[]> };
    /** The bots flow.subbot nodes name: they must be of the workspace, and no bot may end up calling itself. */
    bots?: { get(id: string): Promise<{ id: string; workspaceId: string; name: string; graph: unknown } | null> };
  };
  /** The bot being saved (absent for a new one): a sub-bot cycle through it is refused. */
  botId?: string;
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
  for (const id of graphConnectionIds(graph)) ids.add(id);
  const usable = new Set<string>();
  /** Colleagues' personal connections named by the bot: whose key it is, to say so. */
  const personal = new Map<string, { name: string; owner: string }>();
  let botConnectionProblem: { key: GraphMessageKey; params: MessageParams } | undefined;
  for (const id of ids) {
    const conn = await c.repos.connections.get(id);
    const visible = conn && connectionUsableBy(conn, c.userId, c.workspaceId);
    if (visible && conn.isActive) usable.add(id);
    if (conn && !visible && conn.workspaceId === c.workspaceId && !conn.shared) {
      const owner = await c.repos.users.findById(conn.ownerUserId);
      personal.set(id, { name: conn.name, owner: owner?.name ?? owner?.email ?? '?' });
    }
    if (id === c.botConnectionId && !usable.has(id)) {
      const theirs = personal.get(id);
      botConnectionProblem = visible
        ? { key: 'LLM_CONNECTION_MISSING.botInactive', params: { connection: conn.name } }
        : theirs
          ? { key: 'LLM_CONNECTION_MISSING.botPersonal', params: { connection: theirs.name, owner: theirs.owner } }
          : { key: 'LLM_CONNECTION_MISSING.botUnavailable', params: {} };
    }
  }
  const result = validateGraph(graph, {
    ...nodeTypeLookup,
    maxNodes: c.maxNodes,
    llm: {
      botHasConnection: usable.has(c.botConnectionId ?? ''),
      connectionUsable: (id: string) => usable.has(id),
      personalConnection: (id: string) => personal.get(id),
    },
  });
  // Every `{{ secrets.NAME }}` must name a secret of the workspace (resolved only when the node runs).
  const wanted = graph.nodes
    .filter((n) => !n.disabled) // a disabled node never resolves its secrets
    .map((n) => [n, [...secretReferences(n.params)]] as const)
    .filter(([, names]) => names.length);
  if (wanted.length) {
    const existing = new Set((await c.repos.secrets.list(c.workspaceId)).map((s) => s.name));
    for (const [node, names] of wanted) {
      for (const name of names.filter((x) => !existing.has(x))) {
        result.ok = false;
        result.errors.push(issue('SECRET_MISSING', 'SECRET_MISSING', { node: nodeName(node), name }, { nodeId: node.id }));
      }
    }
  }
  for (const e of await checkSubbots(graph, c)) {
    result.ok = false;
    result.errors.push(e);
  }
  // Say why the bot's default does not count, instead of "has no LLM connection".
  if (botConnectionProblem) {
    const { key, params } = botConnectionProblem;
    result.errors = result.errors.map((e) =>
      e.code === 'LLM_CONNECTION_MISSING' ? issue(e.code, key, { ...e.params, ...params }, { nodeId: e.nodeId, param: e.param }) : e,
    );
  }
  return result;
}

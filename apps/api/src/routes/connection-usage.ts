import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { isConflictError, type Prisma } from '@bm/db';
import type { Graph } from '@bm/graph';
import { connectionUsableBy } from '@bm/llm';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { nodesUsing, switchedGraph } from '../lib/connection-usage';
import { accessTo } from '../plugins/access';

const { connections } = contract;

/**
 * Which bots use a connection, and moving them to another one: what the connections page asks
 * before a delete or deactivate (a bot left pointing at a deleted connection fails with
 * NO_CONNECTION; at a deactivated one with CONNECTION_INACTIVE).
 */
export const connectionUsageRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    /** The bots of the connection's workspace using it (current versions), and how many elsewhere do. */
    async function usage(connection: { id: string; workspaceId: string }) {
      const candidates = await repos.bots.mayUseConnection(connection.id);
      const using = candidates
        .map((b) => ({
          bot: b,
          nodes: nodesUsing(b.graph as unknown as Graph, connection.id),
          defaultConnection: b.llmConnectionId === connection.id,
        }))
        .filter((u) => u.defaultConnection || u.nodes.length > 0);
      // A connection belongs to one workspace and every member reads its bots; a bot elsewhere
      // naming it (an import of a foreign graph) is counted, never shown.
      const mine = using.filter((u) => u.bot.workspaceId === connection.workspaceId);
      return { mine, otherBots: using.length - mine.length };
    }

    app.route({
      ...fromContract(connections.usage),
      handler: async (req) => {
        const { mine, otherBots } = await usage(accessTo(req, 'connection').row);
        return {
          bots: mine.map((u) => ({ id: u.bot.id, name: u.bot.name, nodes: u.nodes, defaultConnection: u.defaultConnection })),
          otherBots,
        };
      },
    });

    app.route({
      ...fromContract(connections.switch),
      handler: async (req) => {
        const { user, row, workspaceId } = accessTo(req, 'connection');
        const { toConnectionId, botIds } = req.body;
        const to = toConnectionId === row.id ? null : await repos.connections.get(toConnectionId);
        // The target must be one this caller may put in bots of this workspace (like a bot save checks).
        if (!to || !connectionUsableBy(to, user.id, workspaceId)) throw apiError(422, 'INVALID_CONNECTION');
        if (!to.isActive) throw apiError(422, 'SWITCH_TARGET_INACTIVE', { params: { connection: to.name } });
        const { mine } = await usage(row);
        const wanted = botIds ? new Set(botIds) : null;
        if (wanted && [...wanted].some((id) => !mine.some((u) => u.bot.id === id))) throw apiError(422, 'SWITCH_BOT_NOT_USING');
        const changes = mine
          .filter((u) => !wanted || wanted.has(u.bot.id))
          .map((u) => ({
            id: u.bot.id,
            fromVersion: u.bot.currentVersion,
            graph: switchedGraph(u.bot.graph as unknown as Graph, row.id, to.id) as unknown as Prisma.InputJsonValue,
            ...(u.defaultConnection ? { llmConnectionId: to.id } : {}),
          }));
        if (!changes.length) return { bots: [] };
        const bots = await repos.bots.saveMany(user.id, changes).catch((err: unknown) => {
          if (isConflictError(err)) throw apiError(409, 'EDIT_CONFLICT');
          throw err;
        });
        return { bots };
      },
    });
  };

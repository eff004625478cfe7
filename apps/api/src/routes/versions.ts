import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { isConflictError, type BotVersion, type Prisma } from '@bm/db';
import { describeSummary, diffGraphs, sameJson, summarizeDiff, type DiffableGraph } from '@bm/graph';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { savableGraph, storedGraph } from '../lib/graph';
import { botOut } from '../lib/bot-out';
import { audit } from '../lib/audit';
import { accessTo } from '../plugins/access';

const { versions } = contract;

type Person = { id: string; name: string; email: string };

/** A stored graph as the diff reads it; a row that is not a graph (it should not happen) diffs as empty. */
const diffable = (g: unknown): DiffableGraph => {
  const nodes = (g as { nodes?: unknown } | null)?.nodes;
  const edges = (g as { edges?: unknown } | null)?.edges;
  const notes = (g as { notes?: unknown } | null)?.notes;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return { nodes: list(nodes), edges: list(edges), notes: list(notes) } as DiffableGraph;
};

/** One history entry: who saved it, and what it changed against the version before it. */
function summaryOf(v: BotVersion, previous: Pick<BotVersion, 'graph'> | null, people: Map<string, Person>) {
  const changes = previous ? summarizeDiff(diffGraphs(diffable(previous.graph), diffable(v.graph))) : null;
  const who = v.createdById ? people.get(v.createdById) : undefined;
  return {
    version: v.version,
    createdAt: v.createdAt,
    createdById: v.createdById,
    createdBy: who ? { id: who.id, name: who.name, email: who.email } : null,
    name: v.name,
    restoredFrom: v.restoredFrom,
    changes,
    summary: v.restoredFrom !== null ? `Restored version ${v.restoredFrom}` : describeSummary(changes),
  };
}

/** Every saved change of the graph is an immutable version; runs record which one they executed. */
export const versionRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { bots, users } = deps.services.repos;
    const authorsOf = (rows: BotVersion[]) => users.peopleOf(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])));
    const missing = (version: number) => apiError(404, 'NOT_FOUND', { key: 'NOT_FOUND.version', params: { version } });

    app.route({
      ...fromContract(versions.list),
      handler: async (req) => {
        // Newest first, each diffed against the next older one: one query for the versions, one for their authors.
        const rows = await bots.versions(accessTo(req, 'bot').row.id);
        const people = await authorsOf(rows);
        return { versions: rows.map((v, i) => summaryOf(v, rows[i + 1] ?? null, people)) };
      },
    });

    app.route({
      ...fromContract(versions.get),
      handler: async (req) => {
        const v = await bots.versionDetail(accessTo(req, 'bot').row.id, req.params.version);
        if (!v) throw missing(req.params.version);
        return {
          version: v.version,
          graph: storedGraph(v.graph),
          createdAt: v.createdAt,
          createdById: v.createdById,
          name: v.name,
          restoredFrom: v.restoredFrom,
        };
      },
    });

    app.route({
      ...fromContract(versions.name),
      handler: async (req) => {
        const botId = accessTo(req, 'bot').row.id;
        const { version } = req.params;
        if (!(await bots.versionDetail(botId, version))) throw missing(version);
        const named = await bots.nameVersion(botId, version, req.body.name || null);
        const previous = version > 1 ? await bots.version(botId, version - 1) : null;
        return summaryOf(named, previous, await authorsOf([named]));
      },
    });

    app.route({
      ...fromContract(versions.restore),
      handler: async (req) => {
        const { user, row } = accessTo(req, 'bot');
        const { version } = req.params;
        const old = await bots.version(row.id, version);
        if (!old) throw missing(version);
        // The same path as a save: the old graph must still be valid today (a connection or secret
        // it names may be gone), and secret params keep their stored values.
        const graph = await savableGraph(
          deps,
          old.graph,
          { userId: user.id, workspaceId: row.workspaceId, botConnectionId: row.llmConnectionId },
          row.graph,
        );
        // Restoring what is already current changes nothing, so it makes no version (as a save would not).
        if (sameJson(JSON.parse(JSON.stringify(graph)), row.graph)) return botOut(row);
        const restored = await bots
          .update(row.id, user.id, { graph: graph as unknown as Prisma.InputJsonValue }, true, {
            restoredFrom: version,
          })
          .catch((err: unknown) => {
            if (isConflictError(err)) throw apiError(409, 'EDIT_CONFLICT');
            throw err;
          });
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'bot.versionRestored',
          target: { type: 'bot', id: row.id, name: row.name },
          details: { version: restored.currentVersion, restoredFrom: version },
        });
        return botOut(restored);
      },
    });
  };

import { isDeepStrictEqual } from 'node:util';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { OnFailure } from '@bm/contract';
import { isConflictError, isVersionConflict, Prisma, type Bot } from '@bm/db';
import { connectionUsableBy } from '@bm/llm';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { checkNoticeSecrets } from '../lib/notice-channels';
import { apiError, HttpError } from '../lib/errors';
import { savableGraph, validGraphOr422 } from '../lib/graph';
import { botOut } from '../lib/bot-out';
import { botListItems } from '../lib/bot-list';
import { versionConflict } from '../lib/version-conflict';
import { accessTo } from '../plugins/access';
import { stopBotActivity } from '../lib/stop-bots';
import { requireWithinPlan } from '../lib/plans';
import { audit } from '../lib/audit';
import { pinChanges, savePins, withPins } from '../lib/pins';

const { bots } = contract;

export const botRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;
    const toOut = botOut;

    /** A single bot's answer: its graph with the pinned outputs merged in (lists leave them out). */
    const toOutWithPins = async (b: Bot) => {
      const out = toOut(b);
      return { ...out, graph: withPins(out.graph, await repos.pins.list(b.id)) };
    };

    /** A bot's default connection must be one the caller can use in that workspace. */
    async function checkConnection(id: string | null | undefined, userId: string, workspaceId: string) {
      if (!id) return;
      const c = await repos.connections.get(id);
      if (!c || !connectionUsableBy(c, userId, workspaceId)) {
        throw apiError(422, 'INVALID_CONNECTION', { details: [{ key: 'INVALID_CONNECTION' }] });
      }
    }

    /** The on-failure bot must be another bot of the workspace; its notice secrets must exist. */
    async function checkOnFailure(onFailure: OnFailure | null | undefined, workspaceId: string, selfId?: string) {
      if (!onFailure) return;
      if (onFailure.botId) {
        const target = onFailure.botId === selfId ? null : await repos.bots.get(onFailure.botId);
        if (!target || target.workspaceId !== workspaceId) throw apiError(422, 'ON_FAILURE_BOT_NOT_FOUND');
      }
      await checkNoticeSecrets(deps, workspaceId, onFailure.notify, 'ON_FAILURE_SECRET_MISSING');
    }
    const storedOnFailure = (o: OnFailure | null | undefined) =>
      o === undefined ? undefined : o === null || (!o.botId && !o.notify) ? Prisma.DbNull : (o as Prisma.InputJsonValue);

    app.route({
      ...fromContract(bots.create),
      handler: async (req, reply) => {
        const { user, workspaceId } = accessTo(req, 'workspace');
        const b = req.body;
        await requireWithinPlan(deps, workspaceId, 'bots');
        await checkConnection(b.llmConnectionId, user.id, workspaceId);
        await checkOnFailure(b.onFailure, workspaceId);
        pinChanges(b.graph); // refuses an oversized pin before anything is stored
        const graph = await savableGraph(deps, b.graph, { userId: user.id, workspaceId, botConnectionId: b.llmConnectionId ?? null });
        const bot = await repos.bots.create({
          workspaceId,
          createdById: user.id,
          name: b.name,
          description: b.description,
          graph: graph as unknown as Prisma.InputJsonValue,
          llmConnectionId: b.llmConnectionId ?? null,
          llmModelOverride: b.llmModelOverride || null,
          onFailure: storedOnFailure(b.onFailure),
        });
        await savePins(deps, bot.id, user.id, b.graph);
        await audit(deps, req, { workspaceId, action: 'bot.created', target: { type: 'bot', id: bot.id, name: bot.name } });
        return reply.code(201).send(await toOutWithPins(bot));
      },
    });

    app.route({
      ...fromContract(bots.list),
      handler: async (req) => {
        const { workspaceId } = accessTo(req, 'workspace');
        const { q, sort, order } = req.query;
        return { bots: await botListItems(deps, await repos.bots.list(workspaceId, q || undefined), sort, order) };
      },
    });

    app.route({
      ...fromContract(bots.get),
      handler: async (req) => {
        const { row } = accessTo(req, 'bot');
        return toOutWithPins(row);
      },
    });

    app.route({
      ...fromContract(bots.update),
      handler: async (req) => {
        const { user, row } = accessTo(req, 'bot');
        const b = req.body;
        // Refused before anything is written (a save can move typed credentials into secrets);
        // the repository checks again atomically for a save that races this one.
        if (b.baseVersion !== undefined && b.baseVersion !== row.currentVersion) throw versionConflict(row.currentVersion, b.baseVersion);
        if (b.llmConnectionId !== undefined) await checkConnection(b.llmConnectionId, user.id, row.workspaceId);
        await checkOnFailure(b.onFailure, row.workspaceId, row.id);
        if (b.graph !== undefined) pinChanges(b.graph); // refuses an oversized pin before anything is stored
        const botConnectionId = b.llmConnectionId !== undefined ? b.llmConnectionId : row.llmConnectionId;
        let graph: Prisma.InputJsonValue | undefined;
        let changed = false;
        if (b.graph !== undefined || b.llmConnectionId !== undefined) {
          const g = await savableGraph(
            deps,
            b.graph ?? row.graph,
            { userId: user.id, workspaceId: row.workspaceId, botConnectionId, botId: row.id },
            row.graph,
          );
          graph = g as unknown as Prisma.InputJsonValue;
          // Compared as data, not text: PostgreSQL's jsonb does not keep key order.
          changed = b.graph !== undefined && !isDeepStrictEqual(JSON.parse(JSON.stringify(g)), row.graph);
        }
        const patch = {
          name: b.name,
          description: b.description,
          llmConnectionId: b.llmConnectionId,
          llmModelOverride: b.llmModelOverride === undefined ? undefined : b.llmModelOverride || null,
          onFailure: storedOnFailure(b.onFailure),
          graph: changed ? graph : undefined,
        };
        const updated = await repos.bots.update(row.id, user.id, patch, changed, { baseVersion: b.baseVersion }).catch((err: unknown) => {
          // Two saves raced for the same next version: the second one loses cleanly.
          if (isVersionConflict(err)) throw versionConflict(err.current, b.baseVersion!);
          if (isConflictError(err)) throw apiError(409, 'EDIT_CONFLICT');
          throw err;
        });
        // Pins change beside the graph: a save that only pins or unpins makes no version.
        if (b.graph !== undefined)
          await savePins(
            deps,
            row.id,
            user.id,
            b.graph,
            (graph as unknown as { nodes: { id: string }[] }).nodes.map((n) => n.id),
          );
        return toOutWithPins(updated);
      },
    });

    app.route({
      ...fromContract(bots.remove),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'bot');
        await stopBotActivity(deps, {
          scheduleIds: (await repos.schedules.list(row.id)).map((s) => s.id),
          workflowIds: (await repos.runs.listOpen(row.id)).map((r) => r.workflowId),
        });
        await repos.bots.delete(row.id);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'bot.deleted',
          target: { type: 'bot', id: row.id, name: row.name },
        });
        return reply.code(204).send(null);
      },
    });

    app.route({
      ...fromContract(bots.validate),
      handler: async (req) => {
        const { user, workspaceId } = accessTo(req, 'workspace');
        try {
          await validGraphOr422(deps, req.body.graph, { userId: user.id, workspaceId, botConnectionId: req.body.llmConnectionId ?? null });
          return { ok: true, errors: [] };
        } catch (err) {
          if (err instanceof HttpError && err.statusCode === 422) return { ok: false, errors: err.details as { message: string }[] };
          throw err;
        }
      },
    });
  };

import { BOT_DOCUMENT_FORMAT, BotDocument, contract, type ConnectionSlot } from '@bm/contract';
import type { Prisma } from '@bm/db';
import { connectionIdsIn } from '@bm/nodes';
import { getNodeDefinition } from '@bm/nodes/registry';
import type { z } from 'zod';
import type { AppDeps } from '../deps';
import { audit } from '../lib/audit';
import { botOut } from '../lib/bot-out';
import { fromContract } from '../lib/contract-route';
import { apiError, type ErrorKey, type ErrorParams } from '../lib/errors';
import { laidOutGraph } from '../lib/graph-layout';
import { savableGraph } from '../lib/graph';
import { requireWithinPlan } from '../lib/plans';
import { createBotFromPortable } from '../lib/portable-bots';
import type { ContractPlugin } from '../lib/response-serializer';
import { accessTo } from '../plugins/access';
import { portableOfBot } from './templates';

const { portability } = contract;
type Detail = { key: ErrorKey; params: ErrorParams; nodeId?: string; path?: string; code: string };

const invalid = (messageKey: ErrorKey, params: ErrorParams, details: Detail[]) =>
  apiError(422, 'INVALID_DOCUMENT', { key: messageKey, params, details });

/**
 * A bot file as data: refused (422 INVALID_DOCUMENT, every problem in `details`) unless it is our
 * format and version, well-formed within the contract's size limits, names no connection id (a
 * file carries slots) and its slots name LLM nodes of its graph. The graph's own checks (cycles,
 * node types, node count, ids, expressions) follow when the bot is created from it.
 */
export function parseBotDocument(raw: unknown): z.output<typeof BotDocument> {
  const head = (raw && typeof raw === 'object' ? raw : {}) as { format?: unknown; version?: unknown };
  if (head.format !== BOT_DOCUMENT_FORMAT)
    throw invalid('INVALID_DOCUMENT.format', {}, [{ code: 'FORMAT', path: 'format', key: 'INVALID_DOCUMENT.format', params: {} }]);
  if (head.version !== 1) {
    const version = typeof head.version === 'number' || typeof head.version === 'string' ? head.version : String(head.version);
    throw invalid('INVALID_DOCUMENT.version', { version }, [
      { code: 'VERSION', path: 'version', key: 'INVALID_DOCUMENT.version', params: { version } },
    ]);
  }
  // zod says "expected object, received undefined" of a missing field: people read "missing".
  const parsed = BotDocument.safeParse(raw, { error: (iss) => (iss.input === undefined ? 'missing' : undefined) });
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 50).map((i) => {
      const path = i.path.join('.');
      return { code: 'FIELD', path, key: 'INVALID_DOCUMENT.field' as const, params: { path, message: i.message } };
    });
    throw invalid('INVALID_DOCUMENT.malformed', { first: { key: details[0]!.key, params: details[0]!.params } }, details);
  }
  const doc = parsed.data;
  const problems: Detail[] = connectionIdsIn(doc.bot.graph).map(({ nodeId, param }) => ({
    code: 'CONNECTION_ID',
    nodeId,
    key: 'INVALID_DOCUMENT.connectionId',
    params: { nodeId, param },
  }));
  const llmNodes = new Set(
    doc.bot.graph.nodes.filter((n) => getNodeDefinition(n.type, n.version)?.connectionParams.length).map((n) => n.id),
  );
  const keys = new Set<string>();
  for (const slot of doc.bot.slots) {
    if (keys.has(slot.key)) problems.push({ code: 'DUPLICATE_SLOT', key: 'INVALID_DOCUMENT.duplicateSlot', params: { slot: slot.key } });
    keys.add(slot.key);
    for (const nodeId of slot.nodes.filter((id) => !llmNodes.has(id)))
      problems.push({ code: 'SLOT_NODE', nodeId, key: 'INVALID_DOCUMENT.slotNode', params: { slot: slot.key, nodeId } });
  }
  if (problems.length) throw invalid(problems[0]!.key, problems[0]!.params, problems);
  return doc;
}

export const portabilityRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    app.route({
      ...fromContract(portability.export),
      handler: async (req) => {
        const { row: bot, workspaceId } = accessTo(req, 'bot');
        const p = await portableOfBot(deps, bot);
        await audit(deps, req, { workspaceId, action: 'bot.exported', target: { type: 'bot', id: bot.id, name: bot.name } });
        return {
          format: BOT_DOCUMENT_FORMAT,
          version: 1 as const,
          bot: {
            name: bot.name,
            description: bot.description,
            graph: p.graph,
            slots: p.slots as ConnectionSlot[],
            secretSlots: p.secretSlots,
          },
        };
      },
    });

    app.route({
      ...fromContract(portability.import),
      handler: async (req, reply) => {
        const { user, workspaceId } = accessTo(req, 'workspace');
        const b = req.body;
        const doc = parseBotDocument(b.document);
        const bot = await createBotFromPortable(deps, req, {
          user,
          workspaceId,
          name: b.name ?? doc.bot.name,
          description: doc.bot.description,
          // A document whose nodes lie on top of each other (hand-written, another tool's) is tidied up.
          portable: { graph: await laidOutGraph(doc.bot.graph), slots: doc.bot.slots },
          connections: b.connections,
          secrets: b.secrets,
          action: 'bot.imported',
          details: { format: doc.format, version: doc.version },
        });
        return reply.code(201).send(botOut(bot));
      },
    });

    app.route({
      ...fromContract(portability.duplicate),
      handler: async (req, reply) => {
        const { user, row, workspaceId } = accessTo(req, 'bot');
        await requireWithinPlan(deps, workspaceId, 'bots');
        // The copy is validated as the caller's save: the connections it names must be theirs to use.
        const graph = await savableGraph(deps, row.graph, { userId: user.id, workspaceId, botConnectionId: row.llmConnectionId });
        const bot = await repos.bots.create({
          workspaceId,
          createdById: user.id,
          name: req.body.name ?? `${row.name} (copy)`.slice(0, 120),
          description: row.description,
          graph: graph as unknown as Prisma.InputJsonValue,
          llmConnectionId: row.llmConnectionId,
          llmModelOverride: row.llmModelOverride,
        });
        await audit(deps, req, {
          workspaceId,
          action: 'bot.duplicated',
          target: { type: 'bot', id: bot.id, name: bot.name },
          details: { sourceBotId: row.id },
        });
        return reply.code(201).send(botOut(bot));
      },
    });
  };

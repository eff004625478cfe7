import { contract } from '@bm/contract';
import { convertN8nWorkflow, N8nImportError } from '@bm/n8n-import';
import type { AppDeps } from '../deps';
import { botOut } from '../lib/bot-out';
import { laidOutGraph } from '../lib/graph-layout';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { createBotFromPortable } from '../lib/portable-bots';
import type { ContractPlugin } from '../lib/response-serializer';
import { accessTo } from '../plugins/access';
import { parseBotDocument } from './portability';

/** The converter's refusals, by code, as catalogue keys (`{reason}` is its particular). */
const KEYS = {
  N8N_NOT_A_WORKFLOW: 'INVALID_N8N_WORKFLOW.notWorkflow',
  N8N_TOO_LARGE: 'INVALID_N8N_WORKFLOW.tooLarge',
  N8N_DUPLICATE_NODE_NAME: 'INVALID_N8N_WORKFLOW.duplicateName',
} as const;

/**
 * An n8n workflow → the closest bot (packages/n8n-import does the mapping). `dryRun` answers the
 * converted document, its connection slots, what was not mapped and the triggers to set up, for
 * the UI's mapping step; otherwise the document is checked and its slots bound exactly as
 * `POST /api/bots/import` does (unbound slots: 422 SLOTS_UNBOUND).
 */
export const importN8nRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    app.route({
      ...fromContract(contract.portability.importN8n),
      handler: async (req, reply) => {
        const { user, workspaceId } = accessTo(req, 'workspace');
        const b = req.body;
        let converted: ReturnType<typeof convertN8nWorkflow>;
        try {
          converted = convertN8nWorkflow(b.workflow, { bots: b.bots });
        } catch (err) {
          if (!(err instanceof N8nImportError)) throw err;
          const key = KEYS[err.code];
          const params = { reason: err.detail };
          throw apiError(422, 'INVALID_N8N_WORKFLOW', { key, params, details: [{ code: err.code, path: err.path, key, params }] });
        }
        const { slots, unmapped, triggers } = converted;
        // Laid out before the mapping step shows it, so the preview and the saved bot look the same.
        const document = {
          ...converted.document,
          bot: { ...converted.document.bot, graph: await laidOutGraph(converted.document.bot.graph, { force: true }) },
        };
        if (b.dryRun) return reply.code(200).send({ document, slots, unmapped, triggers });
        const doc = parseBotDocument(document);
        const bot = await createBotFromPortable(deps, req, {
          user,
          workspaceId,
          name: b.name ?? doc.bot.name,
          description: doc.bot.description,
          portable: { graph: doc.bot.graph, slots: doc.bot.slots },
          connections: b.connections,
          secrets: b.secrets,
          action: 'bot.imported',
          details: { format: 'n8n', unmapped: unmapped.length },
        });
        return reply.code(201).send({ bot: botOut(bot), unmapped, triggers });
      },
    });
  };

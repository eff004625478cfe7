import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { accessTo } from '../plugins/access';
import { requireFeature } from '../lib/plans';
import { audit } from '../lib/audit';
import { webhookResponseOf } from '../lib/webhook-answer';

const { webhooks } = contract;

/** A bot's webhook trigger URL (the trigger itself is public: routes/hooks.ts). */
export const webhookRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { bots } = deps.services.repos;

    app.route({
      ...fromContract(webhooks.rotate),
      handler: async (req, reply) => {
        const { row, user } = accessTo(req, 'bot');
        await requireFeature(deps, row.workspaceId, 'webhooks');
        const asked = req.body?.response;
        if (asked) await bots.setWebhookResponse(row.id, asked);
        // The token is stored hashed: this answer is the only place its URL is ever shown.
        reply.header('cache-control', 'no-store');
        const url = deps.webhookUrl(await bots.rotateWebhook(row.id, user.id));
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'webhook.created',
          target: { type: 'bot', id: row.id, name: row.name },
        });
        return { url, response: asked ?? webhookResponseOf(row.webhookResponse) };
      },
    });

    app.route({
      ...fromContract(webhooks.update),
      handler: async (req) => {
        const { row } = accessTo(req, 'bot');
        await requireFeature(deps, row.workspaceId, 'webhooks');
        const { response } = req.body;
        // The default is stored as null: a bot that never chose answers at once.
        const updated = await bots.setWebhookResponse(row.id, response.mode === 'immediate' && !response.timeoutMs ? null : response);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'webhook.changed',
          target: { type: 'bot', id: row.id, name: row.name },
          details: { mode: response.mode, ...(response.timeoutMs ? { timeoutMs: response.timeoutMs } : {}) },
        });
        return { enabled: updated.webhookToken !== null, response: webhookResponseOf(updated.webhookResponse) };
      },
    });

    app.route({
      ...fromContract(webhooks.disable),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'bot');
        await bots.disableWebhook(row.id);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'webhook.deleted',
          target: { type: 'bot', id: row.id, name: row.name },
        });
        return reply.code(204).send(null);
      },
    });
  };

import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { notFound } from '../lib/errors';
import { startBotRun } from '../lib/runs';

/**
 * Public webhook triggers: the unguessable token in the URL is the credential; the payload becomes
 * the run input. Its own plugin, for its own content-type parser.
 */
export const hookRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    // Accept any content type: JSON is parsed by Fastify, anything else arrives as text.
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));

    app.route({
      ...fromContract(contract.webhooks.trigger),
      bodyLimit: 1024 * 1024,
      config: {
        rateLimit: {
          max: 120,
          timeWindow: '1 minute',
          keyGenerator: (req: { params: unknown }) => (req.params as { token: string }).token,
        },
      },
      handler: async (req, reply) => {
        const bot = await deps.services.repos.bots.findByWebhookToken(req.params.token);
        if (!bot) throw notFound('webhook');
        // Runs as whoever created or rotated the webhook: their connections, their permissions.
        const runId = await startBotRun(deps, bot, {
          userId: bot.webhookUserId ?? bot.createdById,
          trigger: 'webhook',
          input: req.body ?? null,
        });
        return reply.code(202).send({ runId });
      },
    });
  };

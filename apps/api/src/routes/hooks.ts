import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { notFound } from '../lib/errors';
import { startBotRun } from '../lib/runs';
import { errorResponses } from '../lib/schemas';

/**
 * Public webhook triggers: the unguessable token in the URL is the credential; the payload becomes
 * the run input. Registered in its own plugin, outside session auth.
 */
export const hookRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  // Accept any content type: JSON is parsed by Fastify, anything else arrives as text.
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.post('/api/hooks/:token', {
    schema: { params: z.object({ token: z.string().min(10).max(200) }), body: z.unknown(), response: { 202: z.object({ runId: z.string() }), ...errorResponses } },
    bodyLimit: 1024 * 1024,
    config: { rateLimit: { max: 120, timeWindow: '1 minute', keyGenerator: (req: { params: unknown }) => (req.params as { token: string }).token } },
  }, async (req, reply) => {
    const bot = await deps.services.repos.bots.findByWebhookToken(req.params.token);
    if (!bot) throw notFound('Webhook');
    // Runs as whoever created or rotated the webhook: their connections, their permissions.
    const runId = await startBotRun(deps, bot, { userId: bot.webhookUserId ?? bot.createdById, trigger: 'webhook', input: req.body ?? null });
    return reply.code(202).send({ runId });
  });
};

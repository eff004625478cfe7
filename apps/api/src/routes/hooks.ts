import type { FastifyReply } from 'fastify';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { notFound } from '../lib/errors';
import { errorMessage } from '../lib/messages';
import { requestLocale } from '../lib/locale';
import { startBotRun } from '../lib/runs';
import { CONTENT_SECURITY_POLICY } from '../plugins/security-headers';
import { waitForWebhookAnswer, webhookResponseOf } from '../lib/webhook-answer';

/** Statuses whose answer never has a body (RFC 9110). */
const NO_BODY = new Set([204, 205, 304]);

/**
 * A bot's answer: JSON as JSON, text as text/plain, unless the bot set a Content-Type itself.
 * Serialised here (a string is sent as it is): the bot's status need not be one the contract lists.
 */
function sendBody(reply: FastifyReply, status: number, headers: Record<string, string>, body: unknown) {
  reply.code(status);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  if (NO_BODY.has(status) || body === null || body === undefined) return reply.send('');
  const typed = reply.hasHeader('content-type');
  if (typeof body === 'string') {
    if (!typed) reply.type('text/plain; charset=utf-8');
    return reply.send(body);
  }
  if (!typed) reply.type('application/json; charset=utf-8');
  return reply.send(JSON.stringify(body));
}

/**
 * Public webhook triggers: the unguessable token in the URL is the credential; the payload becomes
 * the run input. Its own plugin, for its own content-type parser. A bot may make its webhook wait
 * for the run and answer with its Respond node's record or the run's result (lib/webhook-answer.ts).
 */
export const hookRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    // Accept any content type: JSON is parsed by Fastify, anything else arrives as text.
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
    // A bot's answer comes from the app's own origin: sandboxed, a page it returns runs no scripts
    // and gets no access to the app (after the app-wide security headers, which this extends).
    app.addHook('onSend', async (_req, reply) => {
      reply.header('content-security-policy', `${CONTENT_SECURITY_POLICY}; sandbox`);
    });

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
        const setting = webhookResponseOf(bot.webhookResponse);
        // Runs as whoever created or rotated the webhook: their connections, their permissions.
        const runId = await startBotRun(deps, bot, {
          userId: bot.webhookUserId ?? bot.createdById,
          trigger: 'webhook',
          input: req.body ?? null,
        });
        if (setting.mode === 'immediate') return reply.code(202).send({ runId });

        // A caller that hangs up stops the wait (the run goes on).
        const gone = new AbortController();
        reply.raw.once('close', () => gone.abort());
        const answer = await waitForWebhookAnswer(deps, runId, setting, gone.signal);
        switch (answer.kind) {
          case 'started':
            return reply.code(202).send({ runId });
          case 'respond':
            return sendBody(reply, answer.status, answer.headers, answer.body);
          case 'result':
            return sendBody(reply, 200, {}, answer.output);
          case 'failed':
            // Who called the webhook is not who owns the bot: what went wrong stays in the run.
            return reply.code(502).send({
              error: { code: 'RUN_FAILED', message: errorMessage(requestLocale(req), `RUN_FAILED.${answer.status}`), runId },
            });
        }
      },
    });
  };

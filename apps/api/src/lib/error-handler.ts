import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { AppLocale } from '@bm/i18n';
import { isConflictError, isNotFoundError, isTransientDbError } from '@bm/db';
import { isLlmError } from '@bm/llm';
import { HttpError, type ErrorKey, type Missing } from './errors';
import { requestLocale } from './locale';
import { errorMessage, hasMessage, type ErrorParams } from './messages';
import { validationMessage } from './validation-messages';

type Detail = { path: string; message: string };

/** The repositories' entity names (packages/db) that have their own 404 sentence. */
const DB_ENTITY: Record<string, Missing> = {
  Bot: 'bot',
  'LLM connection': 'connection',
  Schedule: 'schedule',
  secret: 'secret',
  Run: 'run',
};

/**
 * Every failure becomes `{ error: { code, message, details? } }` with a fitting status; only
 * unexpected errors are logged, and their internals never reach the client. The code is stable;
 * the message (and each detail's, when it has a catalogue key) is in the caller's language
 * (lib/locale.ts) from the `errors` catalogue of @bm/i18n.
 */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(req);
  const send = (status: number, code: string, key: ErrorKey, params: ErrorParams = {}, details?: unknown) =>
    reply.code(status).send({ error: { code, message: errorMessage(locale, key, params), ...(details !== undefined ? { details } : {}) } });

  if (err instanceof HttpError) {
    const details = err.details === undefined ? undefined : localizeDetails(locale, err.details);
    const message = err.key ? errorMessage(locale, err.key, err.params) : err.message;
    return reply.code(err.statusCode).send({ error: { code: err.code, message, ...(details !== undefined ? { details } : {}) } });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details: Detail[] = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: validationMessage(locale, v.message ?? ''),
    }));
    if (err.validationContext === 'body' && details.every((d) => d.path.startsWith('graph.')))
      return malformedGraph(req, reply, locale, details);
    const first = details[0];
    if (!first) return send(400, 'VALIDATION_FAILED', 'VALIDATION_FAILED.request', {}, details);
    return send(
      400,
      'VALIDATION_FAILED',
      first.path ? 'VALIDATION_FAILED.field' : 'VALIDATION_FAILED.plain',
      { path: first.path, message: first.message },
      details,
    );
  }
  // A repository found the row gone (deleted meanwhile) or lost a race to another write.
  if (isNotFoundError(err)) {
    const what = DB_ENTITY[err.entity];
    return send(404, 'NOT_FOUND', what ? `NOT_FOUND.${what}` : 'NOT_FOUND.item');
  }
  if (isConflictError(err)) return send(409, 'CONFLICT', err.entity === 'secret' ? 'SECRET_NAME_TAKEN' : 'CONFLICT');
  // A provider's failure (model list, …): the provider is the bad gateway; the message says what to do.
  if (isLlmError(err)) return reply.code(502).send({ error: { code: err.code, message: llmMessage(locale, err) } });
  if (err.statusCode && err.statusCode < 500) {
    const code =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'BODY_TOO_LARGE'
        : err.code?.startsWith('FST_')
          ? 'BAD_REQUEST'
          : (err.code ?? 'BAD_REQUEST');
    if (code === 'BODY_TOO_LARGE') return send(err.statusCode, code, 'BODY_TOO_LARGE');
    // Fastify's own wording of what it could not read (bad JSON, a wrong content type).
    return send(err.statusCode, code, 'BAD_REQUEST', { reason: err.message });
  }
  // The database is away (restarting, failing over): a 503 the caller can retry, not a 500.
  if (isTransientDbError(err)) {
    req.log.warn({ err }, 'database unreachable');
    reply.header('retry-after', '5');
    return send(503, 'DB_UNAVAILABLE', 'DB_UNAVAILABLE');
  }
  req.log.error({ err }, 'request failed');
  return send(500, 'INTERNAL', 'INTERNAL');
}

/** An LlmError's message in the caller's language when it names its catalogue key (packages/llm). */
function llmMessage(locale: AppLocale, err: { message: string; key?: string; params?: ErrorParams }): string {
  return err.key && hasMessage('errors', err.key) ? errorMessage(locale, err.key as ErrorKey, err.params) : err.message;
}

/**
 * Details that name a catalogue key get their message from it in the caller's language, and keep
 * the key and params (a client may render them itself, e.g. after switching language); others
 * pass unchanged.
 */
function localizeDetails(locale: AppLocale, details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    if (!d || typeof d !== 'object' || typeof (d as { key?: unknown }).key !== 'string') return d;
    const { key, params = {}, ...rest } = d as { key: ErrorKey; params?: ErrorParams };
    return { ...rest, message: errorMessage(locale, key, params), key, params };
  });
}

/**
 * API.md: an invalid graph is 422 INVALID_GRAPH with `details: [{ nodeId?, message }]`, whether it
 * is malformed (caught here by the body schema) or fails validation (lib/graph.ts).
 */
function malformedGraph(req: FastifyRequest, reply: FastifyReply, locale: AppLocale, issues: Detail[]) {
  const nodes = (req.body as { graph?: { nodes?: { id?: unknown }[] } } | undefined)?.graph?.nodes;
  const details = issues.map((d) => {
    const index = /^graph\.nodes\.(\d+)/.exec(d.path)?.[1];
    const nodeId = index !== undefined && Array.isArray(nodes) ? nodes[Number(index)]?.id : undefined;
    return { ...(typeof nodeId === 'string' ? { nodeId } : {}), message: `${d.path}: ${d.message}` };
  });
  return reply.code(422).send({
    error: { code: 'INVALID_GRAPH', message: errorMessage(locale, 'INVALID_GRAPH.malformed', { first: details[0]!.message }), details },
  });
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConflictError, isNotFoundError, isTransientDbError } from '@bm/db';
import { isLlmError } from '@bm/llm';
import { HttpError } from './errors';

type Detail = { path: string; message: string };

/**
 * Every failure becomes `{ error: { code, message, details? } }` with a fitting status; only
 * unexpected errors are logged, and their internals never reach the client.
 */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof HttpError) {
    return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details: Detail[] = err.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message ?? 'invalid' }));
    if (err.validationContext === 'body' && details.every((d) => d.path.startsWith('graph.'))) return malformedGraph(req, reply, details);
    const first = details[0];
    return reply.code(400).send({
      error: { code: 'VALIDATION_FAILED', message: first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'The request is not valid.', details },
    });
  }
  // A repository found the row gone (deleted meanwhile) or lost a race to another write.
  if (isNotFoundError(err)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: err.message } });
  if (isConflictError(err)) return reply.code(409).send({ error: { code: 'CONFLICT', message: `${err.message} Reload and try again.` } });
  // A provider's failure (model list, …): the provider is the bad gateway; the message says what to do.
  if (isLlmError(err)) return reply.code(502).send({ error: { code: err.code, message: err.message } });
  if (err.statusCode && err.statusCode < 500) {
    const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'BODY_TOO_LARGE' : err.code?.startsWith('FST_') ? 'BAD_REQUEST' : (err.code ?? 'BAD_REQUEST');
    return reply.code(err.statusCode).send({ error: { code, message: err.message } });
  }
  // The database is away (restarting, failing over): a 503 the caller can retry, not a 500.
  if (isTransientDbError(err)) {
    req.log.warn({ err }, 'database unreachable');
    return reply.code(503).header('retry-after', '5').send({ error: { code: 'DB_UNAVAILABLE', message: 'The database is unreachable right now. Try again in a moment.' } });
  }
  req.log.error({ err }, 'request failed');
  return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. The error was logged.' } });
}

/**
 * API.md: an invalid graph is 422 INVALID_GRAPH with `details: [{ nodeId?, message }]`, whether it
 * is malformed (caught here by the body schema) or fails validation (lib/graph.ts).
 */
function malformedGraph(req: FastifyRequest, reply: FastifyReply, issues: Detail[]) {
  const nodes = (req.body as { graph?: { nodes?: { id?: unknown }[] } } | undefined)?.graph?.nodes;
  const details = issues.map((d) => {
    const index = /^graph\.nodes\.(\d+)/.exec(d.path)?.[1];
    const nodeId = index !== undefined && Array.isArray(nodes) ? nodes[Number(index)]?.id : undefined;
    return { ...(typeof nodeId === 'string' ? { nodeId } : {}), message: `${d.path}: ${d.message}` };
  });
  return reply.code(422).send({ error: { code: 'INVALID_GRAPH', message: `The graph is not well-formed: ${details[0]!.message}`, details } });
}

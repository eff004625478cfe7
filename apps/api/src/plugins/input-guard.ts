import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findUnstorable, MAX_JSON_DEPTH } from '@bm/db';
import { apiError } from '../lib/errors';

// What the database cannot store (packages/db/src/storable.ts) is refused at the door, for every
// route at once, before validation, access checks or any query can meet it: bodies and query
// strings with 422 UNSTORABLE_INPUT naming the field; path params that cannot be ids with 404.

/**
 * The longest id a path may carry: row ids are far shorter; graph node ids go up to 128; the web
 * UI's wildcard is a page path of any length.
 */
const MAX_PARAM_LENGTH: Record<string, number> = { nodeId: 128, '*': Infinity };
const DEFAULT_MAX_PARAM_LENGTH = 100;
const CONTROL = /[\u0000-\u001f\u007f]/;

const unstorable = (where: 'query' | 'body', value: unknown) => {
  const problem = findUnstorable(value);
  if (!problem) return;
  const key = `UNSTORABLE_INPUT.${problem.reason}` as const;
  const params = { field: problem.path || where, max: MAX_JSON_DEPTH };
  throw apiError(422, 'UNSTORABLE_INPUT', { key, params, details: [{ ...(problem.path ? { path: problem.path } : {}), key, params }] });
};

export function checkInput(req: FastifyRequest) {
  for (const [name, value] of Object.entries((req.params ?? {}) as Record<string, unknown>)) {
    const s = String(value);
    if (s.length > (MAX_PARAM_LENGTH[name] ?? DEFAULT_MAX_PARAM_LENGTH) || CONTROL.test(s) || findUnstorable(s)) {
      // No row can have this id, so it was not found (a 400 would tell a prober more than it needs).
      throw apiError(404, 'NOT_FOUND', { key: 'NOT_FOUND.param', params: { name } });
    }
  }
  if (req.query && typeof req.query === 'object') unstorable('query', req.query);
  if (req.body !== undefined && req.body !== null) unstorable('body', req.body);
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => checkInput(req));
}

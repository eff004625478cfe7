import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeUnstorable, findUnstorable } from '@bm/db';
import { HttpError } from '../lib/errors';

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

const unstorable = (where: string, value: unknown) => {
  const problem = findUnstorable(value);
  if (!problem) return;
  const message = describeUnstorable(problem, where);
  throw new HttpError(422, 'UNSTORABLE_INPUT', message, [{ ...(problem.path ? { path: problem.path } : {}), message }]);
};

export function checkInput(req: FastifyRequest) {
  for (const [name, value] of Object.entries((req.params ?? {}) as Record<string, unknown>)) {
    const s = String(value);
    if (s.length > (MAX_PARAM_LENGTH[name] ?? DEFAULT_MAX_PARAM_LENGTH) || CONTROL.test(s) || findUnstorable(s)) {
      // No row can have this id, so it was not found (a 400 would tell a prober more than it needs).
      throw new HttpError(404, 'NOT_FOUND', `Nothing with this ${name} exists.`);
    }
  }
  if (req.query && typeof req.query === 'object') unstorable('The query string', req.query);
  if (req.body !== undefined && req.body !== null) unstorable('The request body', req.body);
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => checkInput(req));
}

import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { auditEverywhere } from '../lib/audit';
import { fromContract } from '../lib/contract-route';
import { notFound } from '../lib/errors';
import { currentUser } from '../plugins/auth';

const { tokens } = contract;

/** Personal API tokens for scripts: each caller manages only their own. */
export const tokenRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { apiTokens } = deps.services.repos;

    app.route({
      ...fromContract(tokens.create),
      handler: async (req, reply) => {
        const { row, token } = await apiTokens.create(currentUser(req).id, req.body.name, req.body.scope);
        // A token reaches every workspace of its user: each of them records it.
        await auditEverywhere(deps, req, {
          action: 'token.created',
          target: { type: 'token', id: row.id, name: row.name },
          details: { scope: row.scope },
        });
        // The token is stored hashed: this answer is the only place it is ever shown.
        reply.header('cache-control', 'no-store');
        return reply.code(201).send({ id: row.id, name: row.name, scope: row.scope, token });
      },
    });

    app.route({ ...fromContract(tokens.list), handler: async (req) => ({ tokens: await apiTokens.list(currentUser(req).id) }) });

    app.route({
      ...fromContract(tokens.remove),
      handler: async (req, reply) => {
        const { count } = await apiTokens.delete(currentUser(req).id, req.params.id);
        if (!count) throw notFound('apiToken');
        await auditEverywhere(deps, req, { action: 'token.revoked', target: { type: 'token', id: req.params.id } });
        return reply.code(204).send(null);
      },
    });
  };

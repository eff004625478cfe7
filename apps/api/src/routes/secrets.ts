import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { isConflictError, isNotFoundError, type WorkspaceSecretRow } from '@bm/db';
import { encryptSecret, keyHint } from '@bm/secrets';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError, notFound } from '../lib/errors';
import { accessTo } from '../plugins/access';
import { audit } from '../lib/audit';

const { secrets } = contract;

/** Never the value: its name and a hint of its last characters. */
const toOut = (s: WorkspaceSecretRow) => ({
  id: s.id,
  name: s.name,
  hint: s.hint,
  workspaceId: s.workspaceId,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

const mapped = (err: unknown): never => {
  if (isConflictError(err)) throw apiError(409, 'SECRET_NAME_TAKEN');
  if (isNotFoundError(err)) throw notFound('secret');
  throw err;
};

/** Workspace secrets: sealed like provider keys (the row id is the authenticated data), never returned. */
export const secretRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos, keyRing } = deps.services;
    // Nothing here carries a value, but neither a browser nor a proxy needs to keep these answers.
    app.addHook('onSend', async (_req, reply) => void reply.header('cache-control', 'no-store'));

    app.route({
      ...fromContract(secrets.create),
      handler: async (req, reply) => {
        const { user, workspaceId } = accessTo(req, 'workspace');
        const id = repos.secrets.newId();
        const { name, value } = req.body;
        const row = await repos.secrets
          .create({ id, workspaceId, name, sealed: encryptSecret(keyRing, value, id), hint: keyHint(value), createdById: user.id })
          .catch(mapped);
        await audit(deps, req, { workspaceId, action: 'secret.created', target: { type: 'secret', id: row.id, name: row.name } });
        return reply.code(201).send(toOut(row));
      },
    });

    app.route({
      ...fromContract(secrets.list),
      handler: async (req) => ({ secrets: (await repos.secrets.list(accessTo(req, 'workspace').workspaceId)).map(toOut) }),
    });

    app.route({
      ...fromContract(secrets.update),
      handler: async (req) => {
        const { row } = accessTo(req, 'secret');
        const { name, value } = req.body;
        const sealed = value !== undefined ? { sealed: encryptSecret(keyRing, value, row.id), hint: keyHint(value) } : {};
        const updated = await repos.secrets.update(row.id, { name, ...sealed }).catch(mapped);
        // What changed, never the value.
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'secret.changed',
          target: { type: 'secret', id: row.id, name: updated.name },
          details: { renamedFrom: name !== undefined && name !== row.name ? row.name : undefined, valueChanged: value !== undefined },
        });
        return toOut(updated);
      },
    });

    app.route({
      ...fromContract(secrets.remove),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'secret');
        await repos.secrets.delete(row.id).catch(mapped);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'secret.deleted',
          target: { type: 'secret', id: row.id, name: row.name },
        });
        return reply.code(204).send(null);
      },
    });
  };

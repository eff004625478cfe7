import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { LlmConnection, Role } from '@bm/db';
import { pricesOf } from '@bm/llm';
import { assertUrlAllowed, OutboundBlockedError } from '@bm/net';
import { encryptSecret, keyHint, urlCredential } from '@bm/secrets';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { accessTo } from '../plugins/access';
import { allows } from '../permissions';
import { audit } from '../lib/audit';

const { connections } = contract;

/** Sharing decides whose money the workspace spends: admins only, even for the key's owner. */
function mayShare(role: Role) {
  if (!allows(role, 'connections.share')) throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.share', params: { role } });
}

/** A connection as every response shows it: never the key, only its hint. */
const toOut = (c: LlmConnection, userId: string) => ({
  id: c.id,
  provider: c.provider,
  name: c.name,
  baseUrl: c.baseUrl,
  modelDefault: c.modelDefault,
  keyHint: c.keyHint,
  isActive: c.isActive,
  shared: c.shared,
  workspaceId: c.workspaceId,
  ownedByMe: c.ownerUserId === userId,
  ownerUserId: c.ownerUserId,
  prices: pricesOf(c.prices),
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** LLM connections. Who may see or change one is permissions.ts's (visible = own or shared). */
export const connectionRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos, keyRing, policy, llm } = deps.services;

    async function checkBaseUrl(url: string | null | undefined) {
      if (!url) return;
      // The base URL is shown to everyone who sees the connection and stored in plain text: a key
      // inside it would bypass the encryption of the key field.
      const carried = urlCredential(url);
      if (carried) {
        const params = { where: carried };
        throw apiError(422, 'CREDENTIALS_IN_URL', {
          key: 'CREDENTIALS_IN_URL.message',
          params,
          details: [{ field: 'baseUrl', key: 'CREDENTIALS_IN_URL.field', params }],
        });
      }
      try {
        await assertUrlAllowed(url, policy);
      } catch (err) {
        if (err instanceof OutboundBlockedError) throw apiError(400, 'OUTBOUND_BLOCKED', { params: { reason: err.message } });
        // Unresolvable hosts are not refused here: "Test connection" reports them.
      }
    }

    app.route({
      ...fromContract(connections.create),
      handler: async (req, reply) => {
        const { user, workspaceId, role } = accessTo(req, 'workspace');
        const b = req.body;
        if (b.shared) mayShare(role);
        await checkBaseUrl(b.baseUrl);
        const id = repos.connections.newId();
        const row = await repos.connections.create({
          id,
          ownerUserId: user.id,
          workspaceId,
          provider: b.provider,
          name: b.name,
          baseUrl: b.baseUrl ?? null,
          modelDefault: b.modelDefault,
          shared: b.shared ?? false,
          sealed: b.apiKey ? encryptSecret(keyRing, b.apiKey, id) : null,
          keyHint: b.apiKey ? keyHint(b.apiKey) : null,
          prices: b.prices,
        });
        await audit(deps, req, {
          workspaceId,
          action: 'connection.created',
          target: { type: 'connection', id: row.id, name: row.name },
          details: { provider: row.provider, shared: row.shared },
        });
        return reply.code(201).send(toOut(row, user.id));
      },
    });

    app.route({
      ...fromContract(connections.list),
      handler: async (req) => {
        const { user, workspaceId } = accessTo(req, 'workspace');
        return { connections: (await repos.connections.listVisible(user.id, workspaceId)).map((r) => toOut(r, user.id)) };
      },
    });

    app.route({
      ...fromContract(connections.get),
      handler: async (req) => {
        const { user, row } = accessTo(req, 'connection');
        return toOut(row, user.id);
      },
    });

    app.route({
      ...fromContract(connections.update),
      handler: async (req) => {
        const { user, row, role } = accessTo(req, 'connection');
        const { apiKey, ...rest } = req.body;
        const sharing = rest.shared !== undefined && rest.shared !== row.shared;
        if (sharing) mayShare(role);
        // Pointing someone else's key at another server would hand it to that server: only the owner
        // may move it, or an admin together with a replacement key.
        if (row.ownerUserId !== user.id && rest.baseUrl !== undefined && rest.baseUrl !== row.baseUrl && !apiKey && row.apiKeyEncrypted) {
          throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.baseUrlOwner' });
        }
        if (rest.baseUrl === null && ['local', 'other'].includes(row.provider)) {
          throw apiError(400, 'VALIDATION_FAILED', { key: 'VALIDATION_FAILED.baseUrlRequired' });
        }
        await checkBaseUrl(rest.baseUrl);
        const updated = await repos.connections.update(row.id, {
          ...rest,
          ...(apiKey ? { sealed: encryptSecret(keyRing, apiKey, row.id), keyHint: keyHint(apiKey) } : {}),
        });
        const target = { type: 'connection', id: row.id, name: updated.name };
        if (apiKey)
          await audit(deps, req, {
            workspaceId: row.workspaceId,
            action: 'connection.keyRotated',
            target,
            details: { keyHint: updated.keyHint },
          });
        if (sharing)
          await audit(deps, req, {
            workspaceId: row.workspaceId,
            action: updated.shared ? 'connection.shared' : 'connection.unshared',
            target,
          });
        return toOut(updated, user.id);
      },
    });

    app.route({
      ...fromContract(connections.remove),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'connection');
        await repos.connections.delete(row.id);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'connection.deleted',
          target: { type: 'connection', id: row.id, name: row.name },
        });
        return reply.code(204).send(null);
      },
    });

    // The row satisfies the LLM service's connection record (the key stays sealed until the call).
    app.route({ ...fromContract(connections.test), handler: async (req) => llm.testConnection(accessTo(req, 'connection').row) });

    app.route({
      ...fromContract(connections.models),
      handler: async (req) => ({ models: await llm.listModels(accessTo(req, 'connection').row) }),
    });
  };

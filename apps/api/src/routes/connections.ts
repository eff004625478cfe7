import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertUrlAllowed, OutboundBlockedError } from '@bm/net';
import { encryptSecret, keyHint, urlCredential } from '@bm/secrets';
import { connectionUsableBy, toConnectionRecord } from '@bm/llm';
import type { LlmConnection } from '@bm/db';
import type { AppDeps } from '../app';
import { HttpError, badRequest, notFound } from '../lib/errors';
import { IdParams, Iso, WorkspaceQuery, errorResponses } from '../lib/schemas';
import { requireInWorkspace, requireWorkspace } from '../plugins/auth';
import { atLeast } from '../lib/roles';

const Provider = z.enum(['openai', 'anthropic', 'google', 'local', 'other']);
const BaseUrl = z
  .string()
  .trim()
  .max(2000)
  .url('The base URL must be a full http(s) URL, e.g. http://127.0.0.1:11434/v1.')
  .refine((u) => /^https?:\/\//i.test(u), 'The base URL must start with http:// or https://.');

/** A connection as every response shows it: never the key, only its hint. */
export const ConnectionOut = z.object({
  id: z.string(),
  provider: Provider,
  name: z.string(),
  baseUrl: z.string().nullable(),
  modelDefault: z.string(),
  keyHint: z.string().nullable(),
  isActive: z.boolean(),
  shared: z.boolean(),
  workspaceId: z.string(),
  ownedByMe: z.boolean(),
  createdAt: Iso,
  updatedAt: Iso,
});

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
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const connectionRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { repos, keyRing, policy, llm } = deps.services;

  async function checkBaseUrl(url: string | null | undefined) {
    if (!url) return;
    // The base URL is shown to everyone who sees the connection and stored in plain text: a key
    // inside it would bypass the encryption of the key field.
    const carried = urlCredential(url);
    if (carried) {
      const where = carried === 'userinfo' ? 'a user name or password' : 'a key in its query string';
      throw new HttpError(422, 'CREDENTIALS_IN_URL', `The base URL contains ${where}. Put the API key in the API key field instead: it is stored encrypted and never shown again.`, [
        { field: 'baseUrl', message: `The base URL contains ${where}.` },
      ]);
    }
    try {
      await assertUrlAllowed(url, policy);
    } catch (err) {
      if (err instanceof OutboundBlockedError) throw badRequest('OUTBOUND_BLOCKED', err.message);
      // Unresolvable hosts are not refused here: "Test connection" reports them.
    }
  }

  /** Visible = member of its workspace and (owner or shared). Anything else is 404. */
  async function visible(req: Parameters<typeof requireWorkspace>[1], id: string) {
    const { user, row, role } = await requireInWorkspace(deps, req, await repos.connections.get(id), 'LLM connection');
    if (!connectionUsableBy(row, user.id, row.workspaceId)) throw notFound('LLM connection');
    return { user, row, role };
  }
  async function editable(req: Parameters<typeof requireWorkspace>[1], id: string) {
    const v = await visible(req, id);
    if (v.row.ownerUserId !== v.user.id && !atLeast(v.role, 'admin')) {
      throw new HttpError(403, 'FORBIDDEN', 'Only the owner of this connection (or a workspace admin) can change it.');
    }
    return v;
  }

  app.post('/api/llm-connections', {
    schema: {
      body: z
        .object({
          provider: Provider,
          name: z.string().trim().min(1, 'Name the connection.').max(100),
          apiKey: z.string().trim().min(1).max(4000).optional(),
          baseUrl: BaseUrl.optional().nullable(),
          modelDefault: z.string().trim().min(1, 'Choose a default model.').max(200),
          workspaceId: z.string().max(100).optional(),
          shared: z.boolean().optional(),
        })
        .refine((b) => !['local', 'other'].includes(b.provider) || !!b.baseUrl, {
          message: 'A local or custom (OpenAI-compatible) connection needs a base URL, e.g. http://127.0.0.1:11434/v1.',
          path: ['baseUrl'],
        })
        .refine((b) => ['local', 'other'].includes(b.provider) || !!b.apiKey, {
          message: 'This provider needs an API key.',
          path: ['apiKey'],
        }),
      response: { 201: ConnectionOut, ...errorResponses },
    },
  }, async (req, reply) => {
    const { user, workspaceId } = await requireWorkspace(deps, req, req.body.workspaceId, 'editor');
    const b = req.body;
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
    });
    return reply.code(201).send(toOut(row, user.id));
  });

  app.get('/api/llm-connections', {
    schema: { querystring: WorkspaceQuery, response: { 200: z.object({ connections: z.array(ConnectionOut) }), ...errorResponses } },
  }, async (req) => {
    const { user, workspaceId } = await requireWorkspace(deps, req, req.query.workspaceId);
    const rows = await repos.connections.listVisible(user.id, workspaceId);
    return { connections: rows.map((r) => toOut(r, user.id)) };
  });

  app.get('/api/llm-connections/:id', { schema: { params: IdParams, response: { 200: ConnectionOut, ...errorResponses } } }, async (req) => {
    const { user, row } = await visible(req, req.params.id);
    return toOut(row, user.id);
  });

  app.patch('/api/llm-connections/:id', {
    schema: {
      params: IdParams,
      body: z.object({
        name: z.string().trim().min(1).max(100).optional(),
        apiKey: z.string().trim().min(1).max(4000).optional(),
        baseUrl: BaseUrl.nullable().optional(),
        modelDefault: z.string().trim().min(1).max(200).optional(),
        isActive: z.boolean().optional(),
        shared: z.boolean().optional(),
      }),
      response: { 200: ConnectionOut, ...errorResponses },
    },
  }, async (req) => {
    const { user, row } = await editable(req, req.params.id);
    const { apiKey, ...rest } = req.body;
    // Pointing someone else's key at another server would hand it to that server: only the owner
    // may move it, or an admin together with a replacement key.
    if (row.ownerUserId !== user.id && rest.baseUrl !== undefined && rest.baseUrl !== row.baseUrl && !apiKey && row.apiKeyEncrypted) {
      throw new HttpError(403, 'FORBIDDEN', "Only the connection's owner can change its base URL without entering a new API key.");
    }
    if (rest.baseUrl === null && ['local', 'other'].includes(row.provider)) {
      throw badRequest('VALIDATION_FAILED', 'A local or custom connection needs a base URL.');
    }
    await checkBaseUrl(rest.baseUrl);
    const updated = await repos.connections.update(row.id, {
      ...rest,
      ...(apiKey ? { sealed: encryptSecret(keyRing, apiKey, row.id), keyHint: keyHint(apiKey) } : {}),
    });
    return toOut(updated, user.id);
  });

  app.delete('/api/llm-connections/:id', { schema: { params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    const { row } = await editable(req, req.params.id);
    await repos.connections.delete(row.id);
    return reply.code(204).send(null);
  });

  app.post('/api/llm-connections/:id/test', {
    schema: {
      params: IdParams,
      response: {
        200: z.union([
          z.object({ ok: z.literal(true), model: z.string(), latencyMs: z.number(), output: z.string() }),
          z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
        ]),
        ...errorResponses,
      },
    },
  }, async (req) => {
    const { row } = await visible(req, req.params.id);
    return llm.testConnection(toConnectionRecord(row));
  });

  app.get('/api/llm-connections/:id/models', {
    schema: { params: IdParams, response: { 200: z.object({ models: z.array(z.object({ id: z.string() })) }), ...errorResponses, 502: errorResponses[400] } },
  }, async (req) => {
    const { row } = await visible(req, req.params.id);
    return { models: await llm.listModels(toConnectionRecord(row)) };
  });
};

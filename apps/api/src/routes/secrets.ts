import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, NotFoundError, type WorkspaceSecretRow } from '@bm/db';
import { encryptSecret, keyHint } from '@bm/secrets';
import type { AppDeps } from '../app';
import { HttpError, notFound } from '../lib/errors';
import { IdParams, Iso, WorkspaceQuery, errorResponses } from '../lib/schemas';
import { requireInWorkspace, requireWorkspace } from '../plugins/auth';

/** A name as a template references it: `{{ secrets.GITHUB_TOKEN }}`. */
const SecretName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Use letters, digits and "_" (up to 64, not starting with a digit), e.g. GITHUB_TOKEN.');
const SecretValue = z.string().min(1, 'Enter the secret value.').max(10_000);

/** Never the value: its name and a hint of its last characters. */
const SecretOut = z.object({ id: z.string(), name: z.string(), hint: z.string(), workspaceId: z.string(), createdAt: Iso, updatedAt: Iso });
const toOut = (s: WorkspaceSecretRow) => ({ id: s.id, name: s.name, hint: s.hint, workspaceId: s.workspaceId, createdAt: s.createdAt, updatedAt: s.updatedAt });

const taken = (err: unknown) => {
  if (err instanceof ConflictError) throw new HttpError(409, 'SECRET_NAME_TAKEN', 'A secret with this name already exists in the workspace. Pick another name, or change that secret.');
  if (err instanceof NotFoundError) throw notFound('Secret');
  throw err;
};

export const secretRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { repos, keyRing } = deps.services;
  // The value is shown once — never: only the hint comes back. Answers carry no secret, but a
  // browser or proxy need not keep them either.
  app.addHook('onSend', async (_req, reply) => void reply.header('cache-control', 'no-store'));

  app.post('/api/secrets', {
    schema: { body: z.object({ workspaceId: z.string().max(100).optional(), name: SecretName, value: SecretValue }), response: { 201: SecretOut, ...errorResponses } },
  }, async (req, reply) => {
    const { user, workspaceId } = await requireWorkspace(deps, req, req.body.workspaceId, 'admin');
    const id = repos.secrets.newId();
    const row = await repos.secrets
      .create({ id, workspaceId, name: req.body.name, sealed: encryptSecret(keyRing, req.body.value, id), hint: keyHint(req.body.value), createdById: user.id })
      .catch(taken);
    return reply.code(201).send(toOut(row));
  });

  // Editors read the names (to reference them in bots); only admins create, change or delete.
  app.get('/api/secrets', { schema: { querystring: WorkspaceQuery, response: { 200: z.object({ secrets: z.array(SecretOut) }), ...errorResponses } } }, async (req) => {
    const { workspaceId } = await requireWorkspace(deps, req, req.query.workspaceId, 'editor');
    return { secrets: (await repos.secrets.list(workspaceId)).map(toOut) };
  });

  app.patch('/api/secrets/:id', {
    schema: { params: IdParams, body: z.object({ name: SecretName.optional(), value: SecretValue.optional() }), response: { 200: SecretOut, ...errorResponses } },
  }, async (req) => {
    const { row } = await requireInWorkspace(deps, req, await repos.secrets.get(req.params.id), 'Secret', 'admin');
    const { name, value } = req.body;
    const updated = await repos.secrets
      .update(row.id, { name, ...(value !== undefined ? { sealed: encryptSecret(keyRing, value, row.id), hint: keyHint(value) } : {}) })
      .catch(taken);
    return toOut(updated);
  });

  app.delete('/api/secrets/:id', { schema: { params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    const { row } = await requireInWorkspace(deps, req, await repos.secrets.get(req.params.id), 'Secret', 'admin');
    await repos.secrets.delete(row.id).catch(taken);
    return reply.code(204).send(null);
  });
};

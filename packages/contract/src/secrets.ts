import { z } from 'zod';
import { errorResponses, Id, IdParams, IsoDate, NoContent, WorkspaceQuery } from './common';
import { route } from './route';

/** A name as a template references it: `{{ secrets.GITHUB_TOKEN }}`. */
export const SecretName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Use letters, digits and "_" (up to 64, not starting with a digit), e.g. GITHUB_TOKEN.');
const SecretValue = z.string().min(1, 'Enter the secret value.').max(10_000);

/** A workspace secret as every answer shows it: never the value, only a hint of its last characters. */
export const WorkspaceSecret = z.object({
  id: z.string(),
  name: z.string(),
  hint: z.string(),
  workspaceId: z.string(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export const CreateSecretBody = z.object({ workspaceId: Id.optional(), name: SecretName, value: SecretValue });
export const UpdateSecretBody = z.object({ name: SecretName.optional(), value: SecretValue.optional() });

export const secrets = {
  create: route({ method: 'POST', path: '/api/secrets', body: CreateSecretBody, response: { 201: WorkspaceSecret, ...errorResponses } }),
  list: route({
    method: 'GET',
    path: '/api/secrets',
    querystring: WorkspaceQuery,
    response: { 200: z.object({ secrets: z.array(WorkspaceSecret) }), ...errorResponses },
  }),
  update: route({
    method: 'PATCH',
    path: '/api/secrets/:id',
    params: IdParams,
    body: UpdateSecretBody,
    response: { 200: WorkspaceSecret, ...errorResponses },
  }),
  remove: route({ method: 'DELETE', path: '/api/secrets/:id', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
};

export type WorkspaceSecret = z.infer<typeof WorkspaceSecret>;

import { z } from 'zod';
import { ErrorBody, errorResponses } from './common';
import { User, UserLocale } from './auth';
import { route } from './route';

export const Role = z.enum(['owner', 'admin', 'editor', 'viewer']);
export const WorkspaceMembership = z.object({ id: z.string(), name: z.string(), role: Role, personal: z.boolean() });
export const MeResponse = z.object({ user: User, workspaces: z.array(WorkspaceMembership) });
/** The caller's own settings; `locale: null` = follow the browser's language again. */
export const UpdateMeBody = z.object({ locale: UserLocale.nullable() });

/** Who the caller is and which workspaces they belong to; the caller's own settings. */
export const me = {
  get: route({ method: 'GET', path: '/api/me', response: { 200: MeResponse, 401: ErrorBody } }),
  update: route({ method: 'PATCH', path: '/api/me', body: UpdateMeBody, response: { 200: MeResponse, ...errorResponses } }),
};

export type Role = z.infer<typeof Role>;
export type Workspace = z.infer<typeof WorkspaceMembership>;
export type Me = z.infer<typeof MeResponse>;
export type UpdateMeBody = z.input<typeof UpdateMeBody>;

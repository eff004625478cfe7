import { z } from 'zod';
import { ErrorBody } from './common';
import { User } from './auth';
import { route } from './route';

export const Role = z.enum(['owner', 'admin', 'editor', 'viewer']);
export const WorkspaceMembership = z.object({ id: z.string(), name: z.string(), role: Role, personal: z.boolean() });
export const MeResponse = z.object({ user: User, workspaces: z.array(WorkspaceMembership) });

/** Who the caller is and which workspaces they belong to. */
export const me = {
  get: route({ method: 'GET', path: '/api/me', response: { 200: MeResponse, 401: ErrorBody } }),
};

export type Role = z.infer<typeof Role>;
export type Workspace = z.infer<typeof WorkspaceMembership>;
export type Me = z.infer<typeof MeResponse>;

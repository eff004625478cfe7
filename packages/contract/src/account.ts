import { z } from 'zod';
import { Id, NoContent, errorResponses } from './common';
import { NewPassword } from './auth';
import { route } from './route';

export const ChangePasswordBody = z.object({ currentPassword: z.string().max(200), newPassword: NewPassword });
export const MemberParams = z.object({ id: Id, userId: Id });
/** The link is shown once (and emailed to the member when the installation can send email). */
export const PasswordResetLink = z.object({ url: z.string(), expiresAt: z.string(), emailed: z.boolean() });

/** The caller's own account security, and reset links an owner or admin makes for a member. */
export const account = {
  /** Signs every other session of the caller out; this one stays. */
  changePassword: route({
    method: 'POST',
    path: '/api/me/password',
    body: ChangePasswordBody,
    response: { 204: NoContent, ...errorResponses },
  }),
  createPasswordReset: route({
    method: 'POST',
    path: '/api/workspaces/:id/members/:userId/password-reset',
    params: MemberParams,
    response: { 201: PasswordResetLink, ...errorResponses },
  }),
};

export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;

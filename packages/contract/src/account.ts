import { z } from 'zod';
import { Id, IsoDate, NoContent, errorResponses } from './common';
import { NewPassword } from './auth';
import { route } from './route';

export const ChangePasswordBody = z.object({ currentPassword: z.string().max(200), newPassword: NewPassword });
export const MemberParams = z.object({ id: Id, userId: Id });
/** The link is shown once (and emailed to the member when the installation can send email). */
export const PasswordResetLink = z.object({ url: z.string(), expiresAt: z.string(), emailed: z.boolean() });

/** How the caller's account signs in: a password (or not), and the single sign-on identities linked to it. */
export const AccountSecurity = z.object({
  hasPassword: z.boolean(),
  identities: z.array(z.object({ issuer: z.string(), email: z.string().nullable(), linkedAt: IsoDate })),
});

/** The caller's own account security, and reset links an owner or admin makes for a member. */
export const account = {
  get: route({ method: 'GET', path: '/api/me/account', response: { 200: AccountSecurity, ...errorResponses } }),
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
export type AccountSecurity = z.infer<typeof AccountSecurity>;
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;

import { z } from 'zod';
import { errorResponses, NoContent } from './common';
import { route } from './route';

/** A language the product speaks (@bm/i18n's LOCALES; the contract depends on nothing internal). */
export const UserLocale = z.enum(['en', 'ko']);
/** `locale`: the language the user chose; null = follow the browser (Accept-Language). */
export const User = z.object({ id: z.string(), email: z.string(), name: z.string(), locale: UserLocale.nullable() });
export const UserResponse = z.object({ user: User });

export const SignupBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  password: z.string().min(8, 'Use at least 8 characters for the password.').max(200),
  name: z.string().trim().min(1, 'Enter your name.').max(100),
});
export const LoginBody = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) });
/** A new password: the same first check as sign-up's (the server also refuses blank and common ones). */
export const NewPassword = z.string().min(8, 'Use at least 8 characters for the password.').max(200);

/** How this installation signs people in: the sign-in page shows what it offers. */
export const SsoInfo = z.object({
  /** Single sign-on with an OpenID Provider is configured. */
  enabled: z.boolean(),
  /** Email and password sign-in and sign-up are on (BOT_MANAGER_PASSWORD_LOGIN=off turns them off). */
  passwordLogin: z.boolean(),
  /** The provider's name for the "Sign in with …" button. */
  providerName: z.string().optional(),
});
/** Where to go after signing in: a path of this app only (anything else is ignored). */
export const SsoStartQuery = z.object({ returnTo: z.string().max(2000).optional() });
/** What the OpenID Provider sends back (validated by the relying-party library, not here). */
export const SsoCallbackQuery = z.record(z.string(), z.string().max(4000));
/** A redirect: its Location is the answer. */
export const Redirect = z.null();

export const PasswordResetBody = z.object({ token: z.string().min(1).max(200), newPassword: NewPassword });

/** Sign-up, log-in (session cookie), log-out, single sign-on and password reset links. */
export const auth = {
  signup: route({ method: 'POST', path: '/api/auth/signup', body: SignupBody, response: { 201: UserResponse, ...errorResponses } }),
  login: route({ method: 'POST', path: '/api/auth/login', body: LoginBody, response: { 200: UserResponse, ...errorResponses } }),
  logout: route({ method: 'POST', path: '/api/auth/logout', response: { 204: NoContent, ...errorResponses } }),
  /** "Sign out everywhere": every session of the caller, this one included. */
  logoutAll: route({ method: 'POST', path: '/api/auth/logout-all', response: { 204: NoContent, ...errorResponses } }),
  sso: route({ method: 'GET', path: '/api/auth/sso', response: { 200: SsoInfo } }),
  /** 302 to the OpenID Provider; a browser navigation, not a fetch. */
  ssoStart: route({
    method: 'GET',
    path: '/api/auth/sso/start',
    querystring: SsoStartQuery,
    response: { 302: Redirect, ...errorResponses },
  }),
  /** The provider's redirect back: signs in and 302s to `returnTo`, or to `/login?sso_error=CODE`. */
  ssoCallback: route({
    method: 'GET',
    path: '/api/auth/sso/callback',
    querystring: SsoCallbackQuery,
    response: { 302: Redirect, ...errorResponses },
  }),
  /** Uses a reset link an owner or admin made: sets the password, ends every session, signs in. */
  passwordReset: route({
    method: 'POST',
    path: '/api/auth/password-reset',
    body: PasswordResetBody,
    response: { 200: UserResponse, ...errorResponses },
  }),
};

export type User = z.infer<typeof User>;
export type UserLocale = z.infer<typeof UserLocale>;
export type SignupBody = z.input<typeof SignupBody>;
export type LoginBody = z.input<typeof LoginBody>;
export type SsoInfo = z.infer<typeof SsoInfo>;
export type PasswordResetBody = z.input<typeof PasswordResetBody>;

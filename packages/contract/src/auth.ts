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

/** Sign-up, log-in (session cookie) and log-out. */
export const auth = {
  signup: route({ method: 'POST', path: '/api/auth/signup', body: SignupBody, response: { 201: UserResponse, ...errorResponses } }),
  login: route({ method: 'POST', path: '/api/auth/login', body: LoginBody, response: { 200: UserResponse, ...errorResponses } }),
  logout: route({ method: 'POST', path: '/api/auth/logout', response: { 204: NoContent, ...errorResponses } }),
};

export type User = z.infer<typeof User>;
export type UserLocale = z.infer<typeof UserLocale>;
export type SignupBody = z.input<typeof SignupBody>;
export type LoginBody = z.input<typeof LoginBody>;

import { z } from 'zod';
import { errorResponses, NoContent } from './common';
import { route } from './route';

export const User = z.object({ id: z.string(), email: z.string(), name: z.string() });
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
export type SignupBody = z.input<typeof SignupBody>;
export type LoginBody = z.input<typeof LoginBody>;

import {
  contract,
  type ChangePasswordBody,
  type LoginBody,
  type PasswordResetBody,
  type SignupBody,
  type UpdateMeBody,
} from '@bm/contract';
import { adoptUserLocale } from '../i18n/i18n';
import { call } from './http';

const { auth, me, account } = contract;

export const authApi = {
  /** The signed-in user; their stored language becomes the app's (i18n.ts). */
  me: async () => {
    const m = await call(me.get);
    adoptUserLocale(m.user.locale);
    return m;
  },
  updateMe: (body: UpdateMeBody) => call(me.update, { body }),
  signup: (body: SignupBody) => call(auth.signup, { body }),
  login: (body: LoginBody) => call(auth.login, { body }),
  logout: () => call(auth.logout),
  /** How this installation signs people in (single sign-on, password login). */
  sso: () => call(auth.sso),
  logoutAll: () => call(auth.logoutAll),
  resetPassword: (body: PasswordResetBody) => call(auth.passwordReset, { body }),
  changePassword: (body: ChangePasswordBody) => call(account.changePassword, { body }),
  /** Whether the caller has a password, and their linked single sign-on identities. */
  account: () => call(account.get),
};

/** Where the browser goes to sign in with the provider (a navigation: the API answers with redirects). */
export const ssoStartUrl = (returnTo: string) => `${auth.ssoStart.path}?${new URLSearchParams({ returnTo })}`;

import { contract, type LoginBody, type SignupBody, type UpdateMeBody } from '@bm/contract';
import { adoptUserLocale } from '../i18n/i18n';
import { call } from './http';

const { auth, me } = contract;

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
};

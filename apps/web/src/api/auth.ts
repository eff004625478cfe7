import { contract, type LoginBody, type SignupBody } from '@bm/contract';
import { call } from './http';

const { auth, me } = contract;

export const authApi = {
  me: () => call(me.get),
  signup: (body: SignupBody) => call(auth.signup, { body }),
  login: (body: LoginBody) => call(auth.login, { body }),
  logout: () => call(auth.logout),
};

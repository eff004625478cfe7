import { contract } from '@bm/contract';
import { call } from './http';

const { tokens } = contract;

export const tokensApi = {
  list: () => call(tokens.list),
  create: (name: string) => call(tokens.create, { body: { name } }),
  remove: (id: string) => call(tokens.remove, { params: { id } }),
};

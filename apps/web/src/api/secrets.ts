import { contract } from '@bm/contract';
import { call } from './http';

const { secrets } = contract;

export const secretsApi = {
  list: (workspaceId: string | undefined) => call(secrets.list, { query: { workspaceId } }),
  create: (body: { workspaceId?: string; name: string; value: string }) => call(secrets.create, { body }),
  update: (id: string, body: { name?: string; value?: string }) => call(secrets.update, { params: { id }, body }),
  remove: (id: string) => call(secrets.remove, { params: { id } }),
};

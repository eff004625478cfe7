import { contract } from '@bm/contract';
import { call } from './http';

const { versions } = contract;

export const versionsApi = {
  list: (botId: string) => call(versions.list, { params: { id: botId } }),
  get: (botId: string, version: number) => call(versions.get, { params: { id: botId, version } }),
  name: (botId: string, version: number, name: string | null) => call(versions.name, { params: { id: botId, version }, body: { name } }),
  restore: (botId: string, version: number) => call(versions.restore, { params: { id: botId, version } }),
};

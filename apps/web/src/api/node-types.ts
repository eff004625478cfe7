import { contract } from '@bm/contract';
import { call } from './http';

export const nodeTypesApi = {
  list: () => call(contract.nodeTypes.list),
};

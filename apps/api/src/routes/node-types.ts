import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { describeNodeTypes } from '@bm/nodes';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';

/** The catalogue the editor builds its palette, forms and help from: each node definition's facts. */
export const nodeTypeRoutes = (_deps: AppDeps): ContractPlugin => async (app) => {
  const nodeTypes = describeNodeTypes();
  app.route({ ...fromContract(contract.nodeTypes.list), handler: async () => ({ nodeTypes }) });
};

import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { requestLocale } from '../lib/locale';
import { nodeCatalogue } from '../lib/node-catalogue';

/**
 * The catalogue the editor builds its palette, forms and help from: each node definition's facts,
 * its texts in the caller's language (lib/node-catalogue.ts).
 */
export const nodeTypeRoutes =
  (_deps: AppDeps): ContractPlugin =>
  async (app) => {
    app.route({ ...fromContract(contract.nodeTypes.list), handler: async (req) => ({ nodeTypes: nodeCatalogue(requestLocale(req)) }) });
  };

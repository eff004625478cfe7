import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { storedGraph } from '../lib/graph';
import { accessTo } from '../plugins/access';

const { versions } = contract;

/** Every saved change of the graph is an immutable version; runs record which one they executed. */
export const versionRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { bots } = deps.services.repos;

    app.route({ ...fromContract(versions.list), handler: async (req) => ({ versions: await bots.versions(accessTo(req, 'bot').row.id) }) });

    app.route({
      ...fromContract(versions.get),
      handler: async (req) => {
        const v = await bots.version(accessTo(req, 'bot').row.id, req.params.version);
        if (!v) throw apiError(404, 'NOT_FOUND', { key: 'NOT_FOUND.version', params: { version: req.params.version } });
        return { version: v.version, graph: storedGraph(v.graph), createdAt: v.createdAt };
      },
    });
  };

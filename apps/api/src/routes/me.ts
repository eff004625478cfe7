import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { currentUser } from '../plugins/auth';
import { publicUser } from './auth';

/** The caller and their workspaces. */
export const meRoutes = (deps: AppDeps): ContractPlugin => async (app) => {
  app.route({
    ...fromContract(contract.me.get),
    handler: async (req) => {
      const user = currentUser(req);
      const ms = await deps.services.repos.workspaces.listForUser(user.id);
      return { user: publicUser(user), workspaces: ms.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role, personal: m.workspace.personal })) };
    },
  });
};

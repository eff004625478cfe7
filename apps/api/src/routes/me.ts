import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { User } from '@bm/db';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { currentUser } from '../plugins/auth';
import { publicUser } from './auth';

/** The caller and their workspaces; the caller's own settings (their language). */
export const meRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;
    const me = async (user: User) => {
      const ms = await repos.workspaces.listForUser(user.id);
      return {
        user: publicUser(user),
        workspaces: ms.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role, personal: m.workspace.personal })),
      };
    };

    app.route({ ...fromContract(contract.me.get), handler: async (req) => me(currentUser(req)) });

    app.route({
      ...fromContract(contract.me.update),
      handler: async (req) => {
        const user = await repos.users.setLocale(currentUser(req).id, req.body.locale);
        // Later errors of this request already speak the new language.
        req.user = user;
        return me(user);
      },
    });
  };

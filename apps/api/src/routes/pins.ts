import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { checkedPin } from '../lib/pins';
import { accessTo } from '../plugins/access';

const { pins } = contract;

/** Pin and unpin a node's output at once, without a save: pins are outside the bot's versions. */
export const pinRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    app.route({
      ...fromContract(pins.set),
      handler: async (req) => {
        const { user, row } = accessTo(req, 'bot');
        const { nodeId } = req.params;
        const output = checkedPin(nodeId, req.body.output ?? null);
        await repos.pins.set(row.id, nodeId, output, user.id);
        return { nodeId, output };
      },
    });

    app.route({
      ...fromContract(pins.remove),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'bot');
        await repos.pins.remove(row.id, [req.params.nodeId]);
        return reply.code(204).send(null);
      },
    });
  };

import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { Result } from '@bm/db';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { accessTo } from '../plugins/access';

const { results } = contract;
const out = (r: Result) => ({
  id: r.id,
  botId: r.botId,
  runId: r.runId,
  title: r.title,
  content: r.content,
  data: r.data,
  createdAt: r.createdAt,
});

/** The results inboxes: one bot's, and the workspace-wide one across bots. */
export const resultRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    app.route({
      ...fromContract(results.forBot),
      handler: async (req) => ({
        results: (await repos.results.list({ botId: accessTo(req, 'bot').row.id, q: req.query.q, take: req.query.limit })).map(out),
      }),
    });

    app.route({
      ...fromContract(results.inbox),
      handler: async (req) => ({
        results: (
          await repos.results.list({ workspaceId: accessTo(req, 'workspace').workspaceId, q: req.query.q, take: req.query.limit })
        ).map(out),
      }),
    });
  };

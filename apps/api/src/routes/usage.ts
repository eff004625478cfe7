import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { listPrices, PRICE_SOURCE } from '@bm/llm';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { accessTo } from '../plugins/access';

const { usage } = contract;

/** The current calendar month in UTC: what "usage" means without dates. */
function thisMonth(now = new Date()) {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from, to };
}

/** Prices and the usage ledger's roll-ups (cost per bot, connection, model, member, day, month). */
export const usageRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;
    // The table is fixed per release of the price data: computed once.
    let prices: ReturnType<typeof listPrices> | undefined;

    app.route({
      ...fromContract(usage.prices),
      handler: async () => ({
        asOf: PRICE_SOURCE.asOf,
        source: `${PRICE_SOURCE.package}@${PRICE_SOURCE.version}`,
        models: (prices ??= listPrices()),
      }),
    });

    app.route({
      ...fromContract(usage.get),
      handler: async (req) => {
        const { workspaceId } = accessTo(req, 'workspace');
        const month = thisMonth();
        const from = req.query.from ?? month.from;
        const to = req.query.to ?? (req.query.from ? new Date(from.getTime() + 31 * 86_400_000) : month.to);
        if (to <= from) throw apiError(400, 'VALIDATION_FAILED', { key: 'VALIDATION_FAILED.dateRange' });
        const { groupBy, series, botId } = req.query;
        if (series && groupBy !== 'day' && groupBy !== 'month')
          throw apiError(400, 'VALIDATION_FAILED', { key: 'VALIDATION_FAILED.usageSeries' });
        const q = { workspaceId, from, to, botId };
        const [rows, total] = await Promise.all([
          series ? repos.usage.rollupSeries({ ...q, groupBy: groupBy as 'day' | 'month', series }) : repos.usage.rollup({ ...q, groupBy }),
          repos.usage.total(q),
        ]);
        return { from: from.toISOString(), to: to.toISOString(), groupBy, rows, total };
      },
    });
  };

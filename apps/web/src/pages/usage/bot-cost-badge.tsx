import { useQuery } from '@tanstack/react-query';
import type { Bot } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { schedulesApi } from '../../api/schedules';
import { useConnections } from '../../api/use-connections';
import { usageApi, usageKeys } from '../../api/usage';
import { formatter } from '../../i18n/i18n';
import { useWorkspace } from '../../session/workspace';
import { estimateRun, type LlmNodeParams } from './estimate';
import { canReadUsage, formatUsd } from './money';
import { projectSchedules } from './projection';
import { presetRange } from './range';

/**
 * What a bot's LLM calls cost over the last 30 days, and what its schedules will cost in the next
 * 30, in its header (editors and up; viewers cannot read usage).
 */
export function BotCostBadge({ bot }: { bot: Bot }) {
  const { t } = useTranslation();
  const current = useWorkspace().current;
  const allowed = canReadUsage(current?.role);
  const range = presetRange('last30');
  const usage = useQuery({
    queryKey: usageKeys.usage(current?.id, 'day', range, bot.id),
    queryFn: () => usageApi.get(current?.id, 'day', range, bot.id),
    enabled: allowed,
    select: (d) => d.total,
  });
  const schedules = useQuery({ queryKey: queryKeys.schedules(bot.id), queryFn: () => schedulesApi.list(bot.id), enabled: allowed });
  const prices = useQuery({ queryKey: usageKeys.prices, queryFn: usageApi.prices, staleTime: 3_600_000, enabled: allowed });
  const connections = useConnections();
  if (!allowed || usage.data === undefined) return null;

  const projection =
    schedules.data && prices.data && connections.data
      ? projectSchedules(schedules.data.schedules, usage.data, () =>
          estimateRun(
            bot.graph.nodes.map((n) => ({ type: n.type, params: n.params as LlmNodeParams })),
            '',
            {
              connections: connections.data,
              prices: prices.data.models,
              botConnectionId: bot.llmConnectionId,
              botModel: bot.llmModelOverride,
            },
          ),
        )
      : null;
  return (
    <>
      <span className="badge" title={t('usage:bot.last30Title')} data-testid="bot-cost-30d">
        {t('usage:bot.last30', { amount: formatUsd(usage.data.costUsd) })}
      </span>
      {projection && (
        <span
          className="badge"
          data-testid="bot-cost-projected"
          title={t(projection.basis === 'history' ? 'usage:bot.projectedFromHistory' : 'usage:bot.projectedFromEstimate', {
            runs: formatter().number(projection.runs),
          })}
        >
          {projection.unpriced && projection.usd === 0
            ? t('usage:bot.projectedUnpriced')
            : t('usage:bot.projected', { amount: formatUsd(projection.usd) })}
        </span>
      )}
    </>
  );
}

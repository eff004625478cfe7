import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usageApi, usageKeys } from '../../api/usage';
import { useWorkspace } from '../../session/workspace';
import { canReadUsage, formatUsd } from './money';
import { presetRange } from './range';

/** What a bot's LLM calls cost over the last 30 days, in its header (editors and up; viewers cannot read usage). */
export function BotCostBadge({ botId }: { botId: string }) {
  const { t } = useTranslation();
  const current = useWorkspace().current;
  const allowed = canReadUsage(current?.role);
  const range = presetRange('last30');
  const usage = useQuery({
    queryKey: usageKeys.usage(current?.id, 'day', range, botId),
    queryFn: () => usageApi.get(current?.id, 'day', range, botId),
    enabled: allowed,
    select: (d) => d.total.costUsd,
  });
  if (!allowed || usage.data === undefined) return null;
  return (
    <span className="badge" title={t('usage:bot.last30Title')} data-testid="bot-cost-30d">
      {t('usage:bot.last30', { amount: formatUsd(usage.data) })}
    </span>
  );
}

import type { BotListItem } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../ui/status-badge';
import { formatDateTime, formatRelative } from '../../ui/time';
import '../bot/lists.css';

/** A bot card's last run (linked), next scheduled run (relative, exact on hover) and owner. */
export function BotFacts({ bot }: { bot: BotListItem }) {
  const { t } = useTranslation();
  return (
    <div className="facts" data-testid="bot-facts">
      <span className="row" style={{ gap: 4 }}>
        {t('pages:bots.facts.lastRun')}
        {bot.lastRun ? (
          <Link
            to={`/bots/${bot.id}/runs/${bot.lastRun.id}`}
            title={formatDateTime(bot.lastRun.createdAt)}
            data-testid="bot-last-run"
            aria-label={t('pages:bots.facts.lastRunLabel', { when: formatRelative(bot.lastRun.createdAt) })}
          >
            <StatusBadge status={bot.lastRun.status} />
          </Link>
        ) : (
          <span>{t('pages:bots.facts.never')}</span>
        )}
      </span>
      {bot.nextRunAt && (
        <span title={formatDateTime(bot.nextRunAt)} data-testid="bot-next-run">
          {t('pages:bots.facts.nextRun', { when: formatRelative(bot.nextRunAt) })}
        </span>
      )}
      {bot.owner && (
        <span className="truncate" title={bot.owner.email} data-testid="bot-owner">
          {t('pages:bots.facts.owner', { name: bot.owner.name || bot.owner.email })}
        </span>
      )}
    </div>
  );
}

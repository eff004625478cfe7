import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { runErrorMessage, runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatDateTime, formatDuration, formatRelative } from '../../ui/time';
import { triggerLabel } from './trigger-labels';
import { CostText } from '../usage/cost-text';

export function RunsPage() {
  const { botId } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const runs = useQuery({
    queryKey: queryKeys.runs(botId!),
    queryFn: () => runsApi.listForBot(botId!),
    select: (d) => d.runs,
    // Keep the list live while something is still going.
    refetchInterval: (q) => (q.state.data?.runs.some((r) => !TERMINAL_RUN_STATUSES.has(r.status)) ? 2000 : false),
  });

  return (
    <div className="page">
      <PageHeader title={t('pages:runs.title')} subtitle={t('pages:runs.subtitle')} />
      {runs.isPending ? (
        <LoadingState label={t('pages:runs.loading')} />
      ) : runs.isError ? (
        <ErrorState error={runs.error} title={t('pages:runs.loadError')} onRetry={() => runs.refetch()} />
      ) : runs.data.length === 0 ? (
        <EmptyState icon="play" title={t('pages:runs.empty')}>
          <Trans i18nKey="pages:runs.emptyBody" components={{ b: <b /> }} />
        </EmptyState>
      ) : (
        <div className="card">
          <table className="table">
            <thead>
              <tr>
                <th>{t('pages:runs.columns.status')}</th>
                <th>{t('pages:runs.columns.started')}</th>
                <th>{t('pages:runs.columns.duration')}</th>
                <th>{t('pages:runs.columns.trigger')}</th>
                <th>{t('pages:runs.columns.version')}</th>
                <th className="num">{t('usage:bot.runCost')}</th>
                <th>{t('pages:runs.columns.error')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id} className="clickable" onClick={() => navigate(run.id)} data-testid="run-row">
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td title={formatDateTime(run.startedAt ?? run.createdAt)}>
                    {/* The row is clickable for the mouse; this link is the way in for the keyboard. */}
                    <Link to={run.id} className="row-link" onClick={(e) => e.stopPropagation()}>
                      {formatRelative(run.startedAt ?? run.createdAt)}
                    </Link>
                  </td>
                  <td>{formatDuration(run.startedAt, run.finishedAt)}</td>
                  <td>
                    <span className="badge">{triggerLabel(run.trigger)}</span>
                  </td>
                  <td className="muted">
                    <Link
                      to={`/bots/${botId}?version=${run.version}`}
                      onClick={(e) => e.stopPropagation()}
                      title={t('versions:runs.openVersion', { version: run.version })}
                      data-testid="run-version-link"
                    >
                      {t('pages:botLayout.version', { version: run.version })}
                    </Link>
                  </td>
                  <td className="num" data-testid="run-cost">
                    <CostText costUsd={run.costUsd} unpricedCalls={run.unpricedCalls} />
                  </td>
                  <td className="truncate" style={{ maxWidth: 280, color: 'var(--danger)' }} title={runErrorMessage(run.error) ?? ''}>
                    {runErrorMessage(run.error)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

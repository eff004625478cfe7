import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { runErrorMessage, runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { useBot } from '../../api/use-bot';
import { PageHeader } from '../../ui/page-header';
import { Button } from '../../ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatDateTime, formatDuration, formatRelative } from '../../ui/time';
import { triggerLabel } from './trigger-labels';
import { CostText } from '../usage/cost-text';
import { filtersFrom, filtersToParams, filtersToQuery, hasFilters, type RunFilters } from './run-filters';
import { RunFilterBar } from './run-filter-bar';
import { RunOrigin } from './run-origin';
import { RerunMenu } from './rerun-button';

export function RunsPage() {
  const { botId } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  // The filters live in the URL: a copied link shows the same runs.
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const setFilters = (next: RunFilters) => setParams(filtersToParams(next), { replace: true });
  const query = filtersToQuery(filters);
  const bot = useBot(botId);
  const versions = Array.from({ length: bot.data?.version ?? 0 }, (_, i) => (bot.data?.version ?? 0) - i);
  const runs = useInfiniteQuery({
    queryKey: queryKeys.runsFiltered(botId!, JSON.stringify(query)),
    queryFn: ({ pageParam }) => runsApi.listForBot(botId!, { ...query, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The old rows stay while a new filter loads (no flash of the loading state on each chip).
    placeholderData: keepPreviousData,
    // Keep the list live while something is still going.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.runs.some((r) => !TERMINAL_RUN_STATUSES.has(r.status))) ? 2000 : false),
  });
  const list = runs.data?.pages.flatMap((p) => p.runs) ?? [];
  const filtered = hasFilters(filters);

  return (
    <div className="page">
      <PageHeader title={t('pages:runs.title')} subtitle={t('pages:runs.subtitle')} />
      <div className="stack-lg">
        {(filtered || list.length > 0) && <RunFilterBar filters={filters} versions={versions} onChange={setFilters} />}
        {runs.isPending ? (
          <LoadingState label={t('pages:runs.loading')} />
        ) : runs.isError ? (
          <ErrorState error={runs.error} title={t('pages:runs.loadError')} onRetry={() => runs.refetch()} />
        ) : list.length === 0 && filtered ? (
          <EmptyState
            icon="list"
            title={t('pages:runs.noMatch')}
            action={
              <Button size="sm" onClick={() => setFilters({ status: [], trigger: [], version: '', from: '', to: '', q: '' })}>
                {t('pages:runs.filters.clear')}
              </Button>
            }
          />
        ) : list.length === 0 ? (
          <EmptyState icon="play" title={t('pages:runs.empty')}>
            <Trans i18nKey="pages:runs.emptyBody" components={{ b: <b /> }} />
          </EmptyState>
        ) : (
          <div className="card" aria-busy={runs.isFetching} style={runs.isPlaceholderData ? { opacity: 0.6 } : undefined}>
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
                  <th aria-label={t('pages:runs.columns.actions')} />
                </tr>
              </thead>
              <tbody>
                {list.map((run) => (
                  <tr key={run.id} className="clickable" onClick={() => navigate(run.id)} data-testid="run-row" data-run-id={run.id}>
                    <td>
                      <StatusBadge status={run.status} />
                    </td>
                    <td title={formatDateTime(run.startedAt ?? run.createdAt)}>
                      <div className="run-origin">
                        {/* The row is clickable for the mouse; this link is the way in for the keyboard. */}
                        <Link to={run.id} className="row-link" onClick={(e) => e.stopPropagation()}>
                          {formatRelative(run.startedAt ?? run.createdAt)}
                        </Link>
                        <RunOrigin run={run} botId={botId!} />
                      </div>
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
                    <td onClick={(e) => e.stopPropagation()}>
                      <RerunMenu run={run} workspaceId={bot.data?.workspaceId} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {runs.hasNextPage && (
              <div className="card-body row" style={{ justifyContent: 'center' }}>
                <Button size="sm" loading={runs.isFetchingNextPage} onClick={() => runs.fetchNextPage()}>
                  {t('pages:runs.more')}
                </Button>
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

import { useQueries, useQuery } from '@tanstack/react-query';
import type { UsageResponse } from '@bm/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usageApi, usageKeys } from '../../api/usage';
import { formatter } from '../../i18n/i18n';
import { useWorkspace } from '../../session/workspace';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { seriesByDay, stackDays } from './bars';
import { NotFoundPage } from '../not-found-page';
import { canReadUsage, formatUsd } from './money';
import { RangePicker } from './range-picker';
import { daysOf, presetRange, type DayRange } from './range';
import { StackedBarChart } from './stacked-bar-chart';
import { UsageTable } from './usage-table';

/** How many bots or models get their own colour; the rest are "Other". */
const MAX_SERIES = 6;
const TABLES = ['bot', 'model', 'connection', 'member'] as const;

const byDay = (res: UsageResponse | undefined, pick: (r: UsageResponse['rows'][number]) => number) =>
  new Map((res?.rows ?? []).map((r) => [r.key.slice(0, 10), pick(r)]));

/** Usage is for editors and up: viewers get the not-found page, as for any page they may not open. */
export function UsagePage() {
  const role = useWorkspace().current?.role;
  return canReadUsage(role) ? <UsageView /> : <NotFoundPage />;
}

function UsageView() {
  const { t } = useTranslation();
  const workspaceId = useWorkspace().current?.id;
  const [range, setRange] = useState<DayRange>(() => presetRange('thisMonth'));
  const [stack, setStack] = useState<'bot' | 'model' | 'total'>('bot');
  const perDay = useQuery({
    queryKey: usageKeys.usage(workspaceId, 'day', range),
    queryFn: () => usageApi.get(workspaceId, 'day', range),
  });
  const tables = useQueries({
    queries: TABLES.map((g) => ({ queryKey: usageKeys.usage(workspaceId, g, range), queryFn: () => usageApi.get(workspaceId, g, range) })),
  });
  const split = stack === 'total' ? undefined : stack;
  const perSeries = useQuery({
    queryKey: usageKeys.series(workspaceId, split ?? 'bot', range),
    queryFn: () => usageApi.series(workspaceId, split ?? 'bot', range),
    enabled: split !== undefined,
  });
  const days = useMemo(() => daysOf(range), [range]);

  const cost = useMemo(() => {
    if (!split || !perSeries.data)
      return stackDays(days, [{ key: 'total', label: '', byDay: byDay(perDay.data, (r) => r.costUsd) }], 1, '');
    // A deleted bot has no name any more; a model is its own name.
    const label = (key: string, name: string | null | undefined) => name ?? (split === 'model' && key ? key : t('usage:table.unnamed'));
    return stackDays(days, seriesByDay(perSeries.data.rows, label), MAX_SERIES, t('usage:chart.other'));
  }, [perDay.data, perSeries.data, split, days, t]);

  const tokens = useMemo(() => {
    const stacked = stackDays(
      days,
      [
        { key: 'in', label: t('usage:chart.input'), byDay: byDay(perDay.data, (r) => r.inputTokens) },
        { key: 'out', label: t('usage:chart.output'), byDay: byDay(perDay.data, (r) => r.outputTokens) },
      ],
      2,
      '',
    );
    // Input first and output second whatever their sizes, so the colours mean the same every time.
    stacked.series.sort((a, b) => (a.key === 'in' ? 0 : 1) - (b.key === 'in' ? 0 : 1));
    return stacked;
  }, [perDay.data, days, t]);

  const f = formatter();
  const total = perDay.data?.total;
  return (
    <div className="page">
      <PageHeader title={t('usage:page.title')} subtitle={t('usage:page.subtitle')} />
      <div className="stack-lg">
        <RangePicker value={range} onChange={setRange} />
        {perDay.isPending ? (
          <LoadingState label={t('usage:page.loading')} />
        ) : perDay.isError ? (
          <ErrorState error={perDay.error} title={t('usage:page.loadError')} onRetry={() => perDay.refetch()} />
        ) : (
          <>
            <div className="card card-body usage-totals" data-testid="usage-totals">
              <div>
                <div className="small muted">{t('usage:page.total')}</div>
                <div className="value" data-testid="usage-total-cost">
                  {formatUsd(total!.costUsd)}
                </div>
              </div>
              <div>
                <div className="small muted">{t('usage:page.totalRuns')}</div>
                <div className="value">{f.number(total!.runs)}</div>
              </div>
              <div>
                <div className="small muted">{t('usage:page.totalCalls')}</div>
                <div className="value">{f.number(total!.calls)}</div>
              </div>
              <div>
                <div className="small muted">{t('usage:page.totalTokens')}</div>
                <div className="value">
                  {f.tokens(total!.inputTokens)} / {f.tokens(total!.outputTokens)}
                </div>
              </div>
            </div>
            {total!.calls === 0 ? (
              <EmptyState icon="zap" title={t('usage:page.empty')}>
                {t('usage:page.emptyBody')}
              </EmptyState>
            ) : (
              <>
                <section className="card">
                  <div className="card-header">
                    <h3>{t('usage:chart.costTitle')}</h3>
                    <span className="spacer" />
                    <span className="small muted" id="usage-stack-by">
                      {t('usage:chart.stackBy')}
                    </span>
                    <div className="seg" role="group" aria-labelledby="usage-stack-by">
                      <button type="button" aria-pressed={stack === 'bot'} onClick={() => setStack('bot')}>
                        {t('usage:chart.byBot')}
                      </button>
                      <button type="button" aria-pressed={stack === 'model'} onClick={() => setStack('model')}>
                        {t('usage:chart.byModel')}
                      </button>
                      <button type="button" aria-pressed={stack === 'total'} onClick={() => setStack('total')}>
                        {t('usage:chart.byTotal')}
                      </button>
                    </div>
                  </div>
                  <div className="card-body">
                    <StackedBarChart
                      testId="usage-cost-chart"
                      days={cost.days}
                      series={cost.series}
                      format={formatUsd}
                      label={t('usage:chart.costLabel', {
                        days: days.length,
                        max: formatUsd(Math.max(0, ...cost.days.map((d) => d.total))),
                      })}
                    />
                  </div>
                </section>
                <section className="card">
                  <div className="card-header">
                    <h3>{t('usage:chart.tokensTitle')}</h3>
                  </div>
                  <div className="card-body">
                    <StackedBarChart
                      testId="usage-tokens-chart"
                      days={tokens.days}
                      series={tokens.series}
                      format={(n) => f.tokens(n)}
                      label={t('usage:chart.tokensLabel', { days: days.length })}
                    />
                  </div>
                </section>
                {TABLES.map((g, i) => {
                  const q = tables[i]!;
                  return q.isError ? (
                    <ErrorState key={g} error={q.error} title={t('usage:page.loadError')} onRetry={() => q.refetch()} />
                  ) : q.data ? (
                    <UsageTable key={g} group={g} rows={q.data.rows} range={range} />
                  ) : (
                    <LoadingState key={g} label={t('usage:page.loading')} />
                  );
                })}
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}

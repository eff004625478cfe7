import { useQuery } from '@tanstack/react-query';
import type { LimitsResponse } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { usageApi, usageKeys } from '../../api/usage';
import { formatter } from '../../i18n/i18n';
import { ErrorState, LoadingState } from '../../ui/states';
import { percentOf } from '../usage/bars';
import '../usage/usage.css';

const LIMITS = {
  bots: 'usage:limits.bots',
  activeSchedules: 'usage:limits.activeSchedules',
  members: 'usage:limits.members',
  runsPerMonth: 'usage:limits.runsPerMonth',
} as const satisfies Record<keyof LimitsResponse['usage'], string>;

/** The workspace's plan: a bar per limit (used of max), what is over shown in red with what that means. */
export function PlanLimits({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const f = formatter();
  const limits = useQuery({ queryKey: usageKeys.limits(workspaceId), queryFn: () => usageApi.limits(workspaceId) });
  if (limits.isPending) return <LoadingState />;
  if (limits.isError) return <ErrorState error={limits.error} title={t('usage:limits.loadError')} onRetry={() => limits.refetch()} />;
  const { plan, usage, over } = limits.data;
  return (
    <section className="card" data-testid="plan-limits" aria-label={t('usage:limits.title')}>
      <div className="card-header">
        <h3>{t('usage:limits.plan', { name: plan.name })}</h3>
      </div>
      <div className="card-body stack">
        {over.length > 0 && <p className="small over-text">{t('usage:limits.overHelp')}</p>}
        {(Object.keys(LIMITS) as (keyof typeof LIMITS)[]).map((k) => {
          const max = limits.data.limits[k];
          const used = usage[k];
          const isOver = over.includes(k);
          return (
            <div key={k} className="stack" style={{ gap: 4 }} data-testid={`plan-limit-${k}`} data-over={isOver}>
              <div className="row small">
                <span>{t(LIMITS[k])}</span>
                <span className="spacer" />
                <span className={isOver ? 'over-text' : 'muted'}>
                  {max === undefined
                    ? t('usage:limits.unlimited', { used: f.number(used) })
                    : t('usage:limits.usedOf', { used: f.number(used), max: f.number(max) })}
                  {isOver && ` · ${t('usage:limits.over')}`}
                </span>
              </div>
              {max !== undefined && (
                <div
                  className={`meter${isOver ? ' over' : ''}`}
                  role="meter"
                  aria-label={t(LIMITS[k])}
                  aria-valuemin={0}
                  aria-valuemax={max}
                  aria-valuenow={used}
                >
                  <span className="fill" style={{ width: `${percentOf(used, max)}%` }} />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { approvalsApi } from '../../api/approvals';
import { queryKeys } from '../../api/query-keys';
import { can, useRole } from '../../session/roles';
import { ErrorState, Spinner } from '../../ui/states';
import { DecidedApprovalCard, PendingApprovalCard } from './approval-card';

/** Decided ones shown under the pending ones: enough to see what just happened. */
const RECENT_DECIDED = 5;

/**
 * The top of the results inbox: the approvals waiting for a decision (then the few last decided).
 * Polled: a run may ask at any moment, and a teammate (or a link) may decide one meanwhile.
 */
export function ApprovalsSection({ workspaceId, botId }: { workspaceId: string | undefined; botId?: string }) {
  const { t } = useTranslation();
  const role = useRole(workspaceId);
  const approvals = useQuery({
    queryKey: queryKeys.approvals(workspaceId, botId),
    queryFn: () => approvalsApi.list(workspaceId, botId),
    select: (d) => d.approvals,
    refetchInterval: (q) => (q.state.data?.approvals.some((a) => a.status === 'pending') ? 10_000 : 30_000),
  });
  const canDecide = can(role, 'runs.approve');

  if (approvals.isPending)
    return (
      <div className="row small muted" data-testid="approvals-loading">
        <Spinner small /> {t('pages:approvals.loading')}
      </div>
    );
  if (approvals.isError)
    return <ErrorState error={approvals.error} title={t('pages:approvals.loadError')} onRetry={() => approvals.refetch()} />;
  const pending = approvals.data.filter((a) => a.status === 'pending');
  const decided = approvals.data.filter((a) => a.status !== 'pending').slice(0, RECENT_DECIDED);
  if (!pending.length && !decided.length) return null;
  return (
    <section className="stack approvals" aria-labelledby="approvals-title" data-testid="approvals">
      <div>
        <h2 id="approvals-title">{t('pages:approvals.sectionTitle')}</h2>
        <p className="small muted">
          {pending.length ? t('pages:approvals.waiting', { count: pending.length }) : t('pages:approvals.empty')}
        </p>
      </div>
      {pending.map((a) => (
        <PendingApprovalCard key={a.id} approval={a} canDecide={canDecide} />
      ))}
      {decided.length > 0 && (
        <details className="approvals-decided" open={!pending.length}>
          <summary>{t('pages:approvals.decidedTitle')}</summary>
          <div className="stack">
            {decided.map((a) => (
              <DecidedApprovalCard key={a.id} approval={a} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}

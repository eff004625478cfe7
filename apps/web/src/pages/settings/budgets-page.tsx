import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Budget } from '@bm/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { useConnections } from '../../api/use-connections';
import { usageApi, usageKeys } from '../../api/usage';
import { errorText } from '../../i18n/error-text';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime } from '../../ui/time';
import { toast } from '../../ui/toast';
import { NotFoundPage } from '../not-found-page';
import { budgetBar } from '../usage/bars';
import { canManage, canReadUsage, formatUsd } from '../usage/money';
import { BudgetFormDialog } from './budget-form-dialog';
import { PlanLimits } from './plan-limits';
import '../usage/usage.css';

const SCOPE = {
  workspace: 'usage:budgets.scopeWorkspace',
  bot: 'usage:budgets.scopeBot',
  connection: 'usage:budgets.scopeConnection',
} as const;
const PERIOD = { day: 'usage:budgets.periodDay', month: 'usage:budgets.periodMonth' } as const;
const ACTION = { notify: 'usage:budgets.actionNotify', stop: 'usage:budgets.actionStop' } as const;

/** Budgets (editors read, admins and owners change) and, for admins, the plan's limits. Viewers do not see it. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const current = useWorkspace().current;
  const workspaceId = current?.id;
  const admin = canManage(current?.role);
  const [editing, setEditing] = useState<Budget | 'new' | null>(null);
  const queryClient = useQueryClient();
  const readable = canReadUsage(current?.role);
  const budgets = useQuery({
    queryKey: usageKeys.budgets(workspaceId),
    queryFn: () => usageApi.budgets(workspaceId),
    select: (d) => d.budgets,
    enabled: readable,
  });
  const bots = useQuery({
    queryKey: queryKeys.bots(workspaceId),
    queryFn: () => botsApi.list(workspaceId),
    select: (d) => d.bots.map((b) => ({ id: b.id, name: b.name })),
    enabled: readable,
  });
  const connections = useConnections();
  const remove = useMutation({
    mutationFn: (id: string) => usageApi.removeBudget(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usageKeys.budgets(workspaceId) });
      toast.info(t('usage:budgets.deleted'));
    },
    onError: (e) => toast.error(errorText(e)),
  });
  if (!readable) return <NotFoundPage />;

  const connList = (connections.data ?? []).map((c) => ({ id: c.id, name: c.name }));
  const nameOf = (b: Budget) => {
    if (b.scope === 'workspace') return current?.name ?? '';
    const list = b.scope === 'bot' ? bots.data : connList;
    return list?.find((x) => x.id === b.targetId)?.name ?? t('usage:budgets.targetMissing');
  };

  return (
    <div className="page">
      <PageHeader
        title={t('usage:budgets.title')}
        subtitle={t('usage:budgets.subtitle')}
        actions={
          admin && (
            <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
              {t('usage:budgets.add')}
            </Button>
          )
        }
      />
      <div className="stack-lg">
        <Alert kind="info">{t('usage:budgets.stopHelp')}</Alert>
        {!admin && <p className="small muted">{t('usage:budgets.readOnly')}</p>}
        {budgets.isPending ? (
          <LoadingState label={t('usage:budgets.loading')} />
        ) : budgets.isError ? (
          <ErrorState error={budgets.error} title={t('usage:budgets.loadError')} onRetry={() => budgets.refetch()} />
        ) : budgets.data.length === 0 ? (
          <EmptyState icon="zap" title={t('usage:budgets.empty')}>
            {t('usage:budgets.emptyBody')}
          </EmptyState>
        ) : (
          <div className="card">
            <table className="table" data-testid="budgets-table">
              <thead>
                <tr>
                  <th>{t('usage:budgets.columns.scope')}</th>
                  <th>{t('usage:budgets.columns.period')}</th>
                  <th>{t('usage:budgets.columns.action')}</th>
                  <th style={{ width: '40%' }}>{t('usage:budgets.columns.spend')}</th>
                  {admin && <th />}
                </tr>
              </thead>
              <tbody>
                {budgets.data.map((b) => {
                  const bar = budgetBar(b.current.spentUsd, b.current.heldUsd, b.limitUsd);
                  return (
                    <tr key={b.id} data-testid="budget-row">
                      <td>
                        <div>{nameOf(b)}</div>
                        <div className="small muted">{t(SCOPE[b.scope])}</div>
                      </td>
                      <td>{t(PERIOD[b.period])}</td>
                      <td>
                        <span className={b.action === 'stop' ? 'badge badge-failed' : 'badge'}>{t(ACTION[b.action])}</span>
                        {b.softPercent && <div className="small muted">{t('usage:budgets.softAt', { percent: b.softPercent })}</div>}
                      </td>
                      <td>
                        <div className="stack" style={{ gap: 4 }}>
                          <div
                            className={`meter${bar.over ? ' over' : ''}`}
                            role="meter"
                            aria-label={nameOf(b)}
                            aria-valuemin={0}
                            aria-valuemax={b.limitUsd}
                            aria-valuenow={b.current.spentUsd + b.current.heldUsd}
                          >
                            <span className="fill" style={{ width: `${bar.spent}%` }} />
                            <span className="fill held" style={{ width: `${bar.held}%` }} />
                            {b.softPercent && <span className="mark" style={{ left: `${b.softPercent}%` }} />}
                          </div>
                          <div className={`small ${bar.over ? 'over-text' : 'muted'}`}>
                            {t('usage:budgets.spent', {
                              spent: formatUsd(b.current.spentUsd),
                              held: formatUsd(b.current.heldUsd),
                              limit: formatUsd(b.limitUsd),
                            })}
                          </div>
                          <div className="small muted">{t('usage:budgets.resets', { when: formatDateTime(b.current.resetsAt) })}</div>
                        </div>
                      </td>
                      {admin && (
                        <td>
                          <div className="row">
                            <Button size="sm" icon="edit" onClick={() => setEditing(b)}>
                              {t('usage:budgets.edit')}
                            </Button>
                            <ConfirmButton
                              size="sm"
                              variant="danger"
                              icon="trash"
                              title={t('usage:budgets.deleteConfirm')}
                              loading={remove.isPending && remove.variables === b.id}
                              onConfirm={() => remove.mutate(b.id)}
                            >
                              {t('usage:budgets.delete')}
                            </ConfirmButton>
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {admin && workspaceId && <PlanLimits workspaceId={workspaceId} />}
      </div>
      {editing && (
        <BudgetFormDialog
          workspaceId={workspaceId}
          existing={editing === 'new' ? undefined : editing}
          bots={bots.data ?? []}
          connections={connList}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

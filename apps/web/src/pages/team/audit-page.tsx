import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditEvent } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { teamsApi } from '../../api/teams';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';
import { actionText, detailsText } from './audit-texts';

/** The current workspace's audit log, newest first, for admins and owners. */
export function AuditPage() {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const [action, setAction] = useState('');
  const allowed = !!current && !current.personal && can(current.role, 'audit.read');
  const id = current?.id ?? '';
  const log = useInfiniteQuery({
    queryKey: queryKeys.audit(id, action),
    queryFn: ({ pageParam }) => teamsApi.audit(id, { cursor: pageParam, action: action || undefined }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: allowed,
  });

  const header = (
    <PageHeader
      title={t('teams:audit.title')}
      subtitle={
        current ? (
          <Trans i18nKey="teams:audit.subtitle" values={{ name: current.name }} components={{ b: <b translate="no" /> }} />
        ) : undefined
      }
    />
  );
  if (!allowed)
    return (
      <div className="page">
        {header}
        <Alert kind="info">{current?.personal ? t('teams:audit.personal') : t('teams:audit.adminsOnly')}</Alert>
      </div>
    );
  const events = log.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div className="page">
      {header}
      <div className="stack-lg">
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <div style={{ minWidth: 260 }}>
            <Field label={t('teams:audit.filter')} htmlFor="audit-action">
              <select id="audit-action" className="select" value={action} onChange={(e) => setAction(e.target.value)}>
                <option value="">{t('teams:audit.allActions')}</option>
                {AUDIT_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {actionText(a)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </div>
        {log.isPending ? (
          <LoadingState label={t('teams:audit.loading')} />
        ) : log.isError ? (
          <ErrorState error={log.error} title={t('teams:audit.loadError')} onRetry={() => log.refetch()} />
        ) : events.length === 0 ? (
          <EmptyState icon="shield" title={action ? t('teams:audit.emptyFiltered') : t('teams:audit.empty')} />
        ) : (
          <>
            <div className="card">
              <table className="table" data-testid="audit-log">
                <thead>
                  <tr>
                    <th>{t('teams:audit.columns.when')}</th>
                    <th>{t('teams:audit.columns.who')}</th>
                    <th>{t('teams:audit.columns.action')}</th>
                    <th>{t('teams:audit.columns.target')}</th>
                    <th>{t('teams:audit.columns.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <AuditRow key={e.id} event={e} />
                  ))}
                </tbody>
              </table>
            </div>
            {log.hasNextPage && (
              <div className="row" style={{ justifyContent: 'center' }}>
                <Button icon="refresh" loading={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
                  {t('teams:audit.loadMore')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function AuditRow({ event: e }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const who = e.actor?.name || e.actor?.email;
  return (
    <tr data-testid="audit-event" data-action={e.action}>
      <td title={formatDateTime(e.at)} style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(e.at)}
      </td>
      <td>
        {who ? (
          <span translate="no" title={e.actor?.email ?? undefined}>
            {who}
          </span>
        ) : (
          <span className="muted">{t('teams:audit.system')}</span>
        )}
      </td>
      <td>{actionText(e.action)}</td>
      <td className="truncate" style={{ maxWidth: 240 }} translate="no" title={e.target?.name ?? e.target?.id ?? undefined}>
        {e.target?.name ?? e.target?.id ?? <span className="muted">—</span>}
      </td>
      <td className="small muted">{detailsText(e)}</td>
    </tr>
  );
}

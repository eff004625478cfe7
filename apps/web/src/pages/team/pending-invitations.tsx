import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { teamsApi } from '../../api/teams';
import { errorText } from '../../i18n/error-text';
import { ROLE_KEYS } from '../../session/roles';
import { ConfirmButton } from '../../ui/confirm-button';
import { ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';

/** Invitations not yet accepted, with revoke (the links themselves are never shown again). */
export function PendingInvitations({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: queryKeys.invitations(workspaceId),
    queryFn: () => teamsApi.invitations(workspaceId),
    select: (d) => d.invitations,
  });
  const revoke = useMutation({
    mutationFn: teamsApi.revoke,
    onSuccess: () => {
      toast.info(t('teams:pending.revoked'));
      return queryClient.invalidateQueries({ queryKey: queryKeys.invitations(workspaceId) });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  return (
    <section className="stack" aria-labelledby="pending-title">
      <h2 id="pending-title" className="section-title">
        {t('teams:pending.title')}
      </h2>
      {list.isPending ? (
        <LoadingState label={t('teams:pending.loading')} />
      ) : list.isError ? (
        <ErrorState error={list.error} title={t('teams:pending.loadError')} onRetry={() => list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="small muted">{t('teams:pending.empty')}</p>
      ) : (
        <div className="card">
          <table className="table">
            <thead>
              <tr>
                <th>{t('teams:pending.columns.email')}</th>
                <th>{t('teams:pending.columns.role')}</th>
                <th>{t('teams:pending.columns.invitedBy')}</th>
                <th>{t('teams:pending.columns.expires')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.map((inv) => (
                <tr key={inv.id} data-testid="pending-invitation">
                  <td translate="no">{inv.email}</td>
                  <td>{t(ROLE_KEYS[inv.role])}</td>
                  <td translate="no">{inv.invitedBy?.name ?? t('teams:pending.unknownInviter')}</td>
                  <td title={formatDateTime(inv.expiresAt)}>{formatRelative(inv.expiresAt)}</td>
                  <td style={{ textAlign: 'right' }}>
                    <ConfirmButton
                      size="sm"
                      variant="danger"
                      icon="x"
                      confirmLabel={t('teams:pending.revoke')}
                      loading={revoke.isPending && revoke.variables === inv.id}
                      onConfirm={() => revoke.mutate(inv.id)}
                    >
                      {t('teams:pending.revoke')}
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

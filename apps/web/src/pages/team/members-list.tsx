import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Member, PasswordResetLink, Role, Workspace } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { teamsApi } from '../../api/teams';
import { errorText } from '../../i18n/error-text';
import { useSession } from '../../session/use-session';
import { useWorkspacesChanged } from '../../session/use-workspaces-changed';
import { useWorkspace } from '../../session/workspace';
import { can, mayManageMember, outranks, ROLE_KEYS, ROLES } from '../../session/roles';
import { ConfirmButton } from '../../ui/confirm-button';
import { CopyField } from '../../ui/copy-button';
import { Alert, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';

/** The members with their role; what the caller may do to each is decided by their own role. */
export function MembersList({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useSession().data?.user;
  const { workspaces, setCurrent } = useWorkspace();
  const changed = useWorkspacesChanged();
  const navigate = useNavigate();
  const id = workspace.id;
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.members(id) });
  const onError = (err: unknown) => toast.error(errorText(err));
  const members = useQuery({ queryKey: queryKeys.members(id), queryFn: () => teamsApi.members(id), select: (d) => d.members });

  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => teamsApi.changeRole(id, userId, role),
    onSuccess: (m) => {
      toast.info(t('teams:members.roleChanged', { name: m.name || m.email, role: t(ROLE_KEYS[m.role]) }));
      return refresh();
    },
    onError: (err) => {
      onError(err);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: Member) => teamsApi.removeMember(id, m.userId),
    onSuccess: async (_, m) => {
      if (m.userId === me?.id) {
        // Left: the workspace is gone from this person's list; back to their personal one.
        toast.info(t('teams:members.left', { name: workspace.name }));
        const personal = workspaces.find((w) => w.personal);
        if (personal) setCurrent(personal.id);
        await changed({ left: id });
        navigate('/');
        return;
      }
      toast.info(t('teams:members.removed', { name: m.name || m.email }));
      await refresh();
    },
    onError,
  });
  // The last reset link made here: shown once, to copy (the server keeps only its hash).
  const [resetLink, setResetLink] = useState<(PasswordResetLink & { name: string }) | null>(null);
  const reset = useMutation({
    mutationFn: (m: Member) => teamsApi.passwordReset(id, m.userId),
    onSuccess: (link, m) => setResetLink({ ...link, name: m.name || m.email }),
    onError,
  });
  const transfer = useMutation({
    mutationFn: (m: Member) => teamsApi.transfer(id, m.userId),
    onSuccess: async (res, m) => {
      queryClient.setQueryData(queryKeys.members(id), res);
      toast.info(t('teams:members.transferred', { name: m.name || m.email }));
      await changed();
    },
    onError,
  });

  if (members.isPending) return <LoadingState label={t('teams:members.loading')} />;
  if (members.isError) return <ErrorState error={members.error} title={t('teams:members.loadError')} onRetry={() => members.refetch()} />;
  const myRole = workspace.role;
  // The last owner cannot leave (the server says LAST_OWNER): say so before they try.
  const lastOwner = members.data.filter((m) => m.role === 'owner').length === 1 && myRole === 'owner';
  return (
    <div className="card">
      {resetLink && (
        <div data-testid="reset-link" style={{ marginBottom: 12 }}>
          <Alert kind="success" title={t('teams:members.resetCreated', { name: resetLink.name })}>
            <div className="stack" style={{ gap: 8 }}>
              <span>{resetLink.emailed ? t('teams:members.resetEmailed') : t('teams:members.resetNotEmailed')}</span>
              <CopyField value={resetLink.url} label={t('teams:members.resetLink')} />
              <strong>{t('teams:invite.shownOnce')}</strong>
            </div>
          </Alert>
        </div>
      )}
      <table className="table" data-testid="members">
        <thead>
          <tr>
            <th>{t('teams:members.columns.name')}</th>
            <th>{t('teams:members.columns.role')}</th>
            <th>{t('teams:members.columns.joined')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.data.map((m) => {
            const self = m.userId === me?.id;
            const manage = !self && mayManageMember(myRole, m.role);
            const roleChoices = ROLES.filter((r) => mayManageMember(myRole, m.role, r));
            return (
              <tr key={m.userId} data-testid="member" data-email={m.email}>
                <td>
                  <div className="stack" style={{ gap: 2 }}>
                    <span translate="no" style={{ fontWeight: 560 }}>
                      {m.name || m.email}
                      {self && <span className="muted"> {t('teams:members.you')}</span>}
                    </span>
                    <span className="small muted" translate="no">
                      {m.email}
                    </span>
                  </div>
                </td>
                <td>
                  {manage ? (
                    <select
                      className="select select-sm"
                      aria-label={t('teams:members.roleOf', { name: m.name || m.email })}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as Role })}
                    >
                      {roleChoices.map((r) => (
                        <option key={r} value={r}>
                          {t(ROLE_KEYS[r])}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="badge" title={!self && can(myRole, 'members.manage') ? t('teams:members.ownersOnly') : undefined}>
                      {t(ROLE_KEYS[m.role])}
                    </span>
                  )}
                </td>
                <td title={formatDateTime(m.joinedAt)}>{formatRelative(m.joinedAt)}</td>
                <td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <div className="row" style={{ justifyContent: 'flex-end' }}>
                    {!self && can(myRole, 'workspace.manage') && m.role !== 'owner' && (
                      <ConfirmButton
                        size="sm"
                        variant="ghost"
                        icon="key"
                        confirmLabel={t('teams:members.transferConfirm', { name: m.name || m.email })}
                        loading={transfer.isPending && transfer.variables?.userId === m.userId}
                        onConfirm={() => transfer.mutate(m)}
                      >
                        {t('teams:members.transfer')}
                      </ConfirmButton>
                    )}
                    {!self && can(myRole, 'members.manage') && outranks(myRole, m.role) && (
                      <ConfirmButton
                        size="sm"
                        variant="ghost"
                        icon="key"
                        confirmLabel={t('teams:members.resetConfirm', { name: m.name || m.email })}
                        loading={reset.isPending && reset.variables?.userId === m.userId}
                        onConfirm={() => reset.mutate(m)}
                      >
                        {t('teams:members.reset')}
                      </ConfirmButton>
                    )}
                    {self ? (
                      <ConfirmButton
                        size="sm"
                        variant="danger"
                        icon="logout"
                        confirmLabel={t('teams:members.leaveConfirm')}
                        disabled={lastOwner}
                        title={lastOwner ? t('teams:members.lastOwner') : undefined}
                        loading={remove.isPending && remove.variables?.userId === m.userId}
                        onConfirm={() => remove.mutate(m)}
                      >
                        {t('teams:members.leave')}
                      </ConfirmButton>
                    ) : (
                      manage && (
                        <ConfirmButton
                          size="sm"
                          variant="danger"
                          icon="trash"
                          confirmLabel={t('teams:members.removeConfirm')}
                          loading={remove.isPending && remove.variables?.userId === m.userId}
                          onConfirm={() => remove.mutate(m)}
                        >
                          {t('common:actions.remove')}
                        </ConfirmButton>
                      )
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

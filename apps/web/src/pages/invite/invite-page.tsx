import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
import { authApi } from '../../api/auth';
import { queryKeys } from '../../api/query-keys';
import { teamsApi } from '../../api/teams';
import { ROLE_KEYS } from '../../session/roles';
import { useSession } from '../../session/use-session';
import { useWorkspacesChanged } from '../../session/use-workspaces-changed';
import { rememberWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Alert, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime } from '../../ui/time';
import { AuthCard } from '../auth/auth-card';
import { InviteAuthForm, type AuthMode } from './invite-auth-form';

/** `/invite/:token`: who invited you where as what; sign up or in with the invited email; accept. */
export function InvitePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changed = useWorkspacesChanged();
  const [mode, setMode] = useState<AuthMode>('signup');
  const preview = useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: () => teamsApi.preview(token),
    retry: false,
    staleTime: Infinity,
  });
  const accept = useMutation({
    mutationFn: () => teamsApi.accept(token),
    onSuccess: async ({ workspace }) => {
      rememberWorkspace(workspace.id);
      await changed({ joined: workspace });
      navigate('/', { replace: true });
    },
  });
  const logout = useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] && q.queryKey[0] !== 'invitation' });
      setMode('login');
    },
  });

  if (preview.isPending || session.isPending) return <LoadingState label={t('teams:invitePage.loading')} />;
  if (preview.isError) {
    const invalid = isApiError(preview.error) && preview.error.code === 'INVITATION_INVALID';
    return (
      <AuthCard
        title={invalid ? t('teams:invitePage.invalidTitle') : t('teams:invitePage.loadError')}
        subtitle={invalid ? t('teams:invitePage.invalidBody') : ''}
        footer={<Link to="/">{t('teams:invitePage.toApp')}</Link>}
      >
        {!invalid && <ErrorState error={preview.error} onRetry={() => preview.refetch()} />}
      </AuthCard>
    );
  }

  const inv = preview.data;
  const user = session.data?.user;
  const mismatch = user && user.email.toLowerCase() !== inv.email.toLowerCase();
  const values = { inviter: inv.invitedBy ?? t('teams:invitePage.someone'), workspace: inv.workspaceName, role: t(ROLE_KEYS[inv.role]) };
  return (
    <AuthCard
      title={t('teams:invitePage.title', { workspace: inv.workspaceName })}
      subtitle={t('teams:invitePage.expires', { when: formatDateTime(inv.expiresAt) })}
      footer={
        !user &&
        (mode === 'signup' ? (
          <Trans
            i18nKey="teams:invitePage.toLogin"
            components={{ a: <button type="button" className="link-button" onClick={() => setMode('login')} /> }}
          />
        ) : (
          <Trans
            i18nKey="teams:invitePage.toSignup"
            components={{ a: <button type="button" className="link-button" onClick={() => setMode('signup')} /> }}
          />
        ))
      }
    >
      <p data-testid="invitation-summary">
        <Trans i18nKey="teams:invitePage.summary" values={values} components={{ b: <b translate="no" /> }} />
      </p>
      {!user ? (
        <InviteAuthForm email={inv.email} mode={mode} onMode={setMode} />
      ) : mismatch ? (
        <div className="stack">
          <Alert kind="warning" title={t('teams:invitePage.otherAccount', { email: user.email })}>
            {t('errors:INVITATION_EMAIL_MISMATCH', { email: inv.email })}
          </Alert>
          <Button icon="logout" loading={logout.isPending} onClick={() => logout.mutate()}>
            {t('teams:invitePage.signOut')}
          </Button>
        </div>
      ) : (
        <div className="stack">
          <ErrorAlert error={accept.error} />
          <Button variant="primary" icon="check" loading={accept.isPending} onClick={() => accept.mutate()}>
            {t('teams:invitePage.accept')}
          </Button>
          <span className="small muted">{t('teams:invitePage.signedInAs', { email: user.email })}</span>
        </div>
      )}
    </AuthCard>
  );
}

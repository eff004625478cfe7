import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorState, LoadingState } from '../ui/states';
import { useSession } from './use-session';
import { WorkspaceProvider } from './workspace';

/** Gate for signed-in pages: sends visitors to /login and remembers where they were going. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (session.isPending) return <LoadingState label={t('common:session.loading')} />;
  if (session.isError)
    return <ErrorState error={session.error} title={t('common:session.unreachable')} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <WorkspaceProvider workspaces={session.data.workspaces}>
      <Outlet />
    </WorkspaceProvider>
  );
}

import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorState, LoadingState } from '../ui/states';
import { useSession } from './use-session';
import { WorkspaceProvider } from './workspace';

/** Gate for signed-in pages: sends visitors to /login and remembers where they were going. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState label="Loading your workspace…" />;
  if (session.isError) return <ErrorState error={session.error} title="Cannot reach Bot Manager" onRetry={() => session.refetch()} />;
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

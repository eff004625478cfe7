import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { authApi } from '../api/auth';
import { queryKeys } from '../api/query-keys';
import { useWorkspace } from '../session/workspace';
import { useSession } from '../session/use-session';
import { Button } from '../ui/button';
import { Icon } from '../ui/icons';
import { HealthBanner } from './health-banner';

function WorkspaceSwitcher() {
  const { workspaces, current, setCurrent } = useWorkspace();
  const navigate = useNavigate();
  if (workspaces.length < 2) return null;
  return (
    <select
      className="select"
      aria-label="Workspace"
      value={current?.id}
      onChange={(e) => {
        setCurrent(e.target.value);
        navigate('/');
      }}
    >
      {workspaces.map((w) => (
        <option key={w.id} value={w.id}>
          {w.personal ? `${w.name} (personal)` : w.name}
        </option>
      ))}
    </select>
  );
}

function UserMenu() {
  const user = useSession().data?.user;
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      // Forget the user (RequireAuth, watching the session, sends the page to /login), then drop the
      // rest of their data. `clear()` would orphan the live session observer and leave the page up.
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
    },
  });
  if (!user) return null;
  const initials = (user.name || user.email).split(/\s+/).map((p) => p[0]).join('').slice(0, 2).toUpperCase();
  return (
    <div className="user-chip">
      <span className="avatar" aria-hidden="true">{initials}</span>
      <span className="truncate" style={{ maxWidth: 160 }} title={user.email}>{user.name || user.email}</span>
      <Button variant="ghost" size="sm" icon="logout" loading={logout.isPending} onClick={() => logout.mutate()} title="Log out" aria-label="Log out" />
    </div>
  );
}

export function AppShell() {
  const { pathname } = useLocation();
  const onBots = pathname === '/' || pathname.startsWith('/bots');
  return (
    <div className="app">
      <header className="topbar">
        <NavLink to="/" className="brand">
          <span className="brand-mark">
            <Icon name="flow" />
          </span>
          Bot Manager
        </NavLink>
        <nav className="topnav" aria-label="Main">
          <NavLink to="/" className={onBots ? 'active' : ''}>
            Bots
          </NavLink>
          <NavLink to="/inbox">Inbox</NavLink>
          <NavLink to="/settings/connections">LLM connections</NavLink>
          <NavLink to="/settings/tokens">API tokens</NavLink>
        </nav>
        <span className="spacer" />
        <WorkspaceSwitcher />
        <UserMenu />
      </header>
      <HealthBanner />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

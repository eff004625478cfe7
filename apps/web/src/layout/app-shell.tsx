import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { authApi } from '../api/auth';
import { queryKeys } from '../api/query-keys';
import { can } from '../session/roles';
import { useWorkspace } from '../session/workspace';
import { LocaleSwitcher } from '../i18n/locale-switcher';
import { useSession } from '../session/use-session';
import { Button } from '../ui/button';
import { Icon } from '../ui/icons';
import { HealthBanner } from './health-banner';
import { ThemeToggle } from './theme-toggle';
import { WorkspaceSwitcher } from './workspace-switcher';
import { canReadUsage } from '../pages/usage/money';

function UserMenu() {
  const user = useSession().data?.user;
  const queryClient = useQueryClient();
  const { t } = useTranslation();
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
  const initials = (user.name || user.email)
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="user-chip" translate="no">
      <span className="avatar" aria-hidden="true">
        {initials}
      </span>
      <span className="truncate" style={{ maxWidth: 160 }} title={user.email}>
        {user.name || user.email}
      </span>
      <Button
        variant="ghost"
        size="sm"
        icon="logout"
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        title={t('common:user.logout')}
        aria-label={t('common:user.logout')}
      />
    </div>
  );
}

export function AppShell() {
  const { pathname } = useLocation();
  const onBots = pathname === '/' || pathname.startsWith('/bots');
  const { t } = useTranslation();
  const { current } = useWorkspace();
  // Costs and budgets are for editors and up (viewers get a 403 from the API).
  const seesUsage = canReadUsage(current?.role);
  return (
    <div className="app">
      <header className="topbar">
        <NavLink to="/" className="brand">
          <span className="brand-mark">
            <Icon name="flow" />
          </span>
          {t('common:brand')}
        </NavLink>
        <WorkspaceSwitcher />
        <nav className="topnav" aria-label={t('common:nav.main')}>
          <NavLink to="/" className={onBots ? 'active' : ''}>
            {t('common:nav.bots')}
          </NavLink>
          <NavLink to="/templates">{t('gallery:nav.templates')}</NavLink>
          <NavLink to="/inbox">{t('common:nav.inbox')}</NavLink>
          {seesUsage && <NavLink to="/usage">{t('usage:nav.usage')}</NavLink>}
          <NavLink to="/settings/connections">{t('common:nav.connections')}</NavLink>
          <NavLink to="/settings/secrets">{t('common:nav.secrets')}</NavLink>
          <NavLink to="/settings/tokens">{t('common:nav.tokens')}</NavLink>
          <NavLink to="/settings/members">{t('teams:nav.members')}</NavLink>
          {current && !current.personal && can(current.role, 'audit.read') && (
            <NavLink to="/settings/audit">{t('teams:nav.audit')}</NavLink>
          )}
          {seesUsage && <NavLink to="/settings/budgets">{t('usage:nav.budgets')}</NavLink>}
          <NavLink to="/settings/account">{t('common:nav.account')}</NavLink>
        </nav>
        <span className="spacer" />
        <ThemeToggle />
        <LocaleSwitcher />
        <UserMenu />
      </header>
      <HealthBanner />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import { useBot } from '../api/use-bot';
import { Icon, type IconName } from '../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { BotHeaderSlot } from './bot-header-slot';
import { BotCostBadge } from '../pages/usage/bot-cost-badge';

// The guard reads the editor store, which brings React Flow along: keep both out of the main chunk.
const UnsavedChangesGuard = lazy(() => import('./unsaved-changes-guard').then((m) => ({ default: m.UnsavedChangesGuard })));

const TABS = [
  { to: '', label: 'pages:botLayout.tabs.editor', icon: 'flow', end: true },
  { to: 'runs', label: 'pages:botLayout.tabs.runs', icon: 'list' },
  { to: 'results', label: 'pages:botLayout.tabs.results', icon: 'inbox' },
  { to: 'triggers', label: 'pages:botLayout.tabs.triggers', icon: 'clock' },
] as const satisfies readonly { to: string; label: string; icon: IconName; end?: boolean }[];

/** Header with the bot's name and its tabs; every bot page renders below it. */
export function BotLayout() {
  const { botId } = useParams();
  const bot = useBot(botId);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const { t } = useTranslation();
  if (bot.isPending) return <LoadingState label={t('pages:botLayout.loading')} />;
  if (bot.isError) {
    if (isApiError(bot.error) && bot.error.status === 404)
      return (
        <div className="page">
          <EmptyState icon="bot" title={t('pages:botLayout.notFound')} action={<Link to="/">{t('pages:botLayout.back')}</Link>}>
            {t('pages:botLayout.notFoundBody')}
          </EmptyState>
        </div>
      );
    return <ErrorState error={bot.error} title={t('pages:botLayout.loadError')} onRetry={() => bot.refetch()} />;
  }
  return (
    <BotHeaderSlot.Provider value={slot}>
      <div className="bot-header">
        <div className="crumbs">
          <Link to="/" className="row small">
            <Icon name="chevronLeft" width={14} height={14} /> {t('common:nav.bots')}
          </Link>
          <span className="faint">/</span>
          <span className="name truncate" title={bot.data.name} translate="no">
            {bot.data.name}
          </span>
          <span className="badge">{t('pages:botLayout.version', { version: bot.data.version })}</span>
          <BotCostBadge bot={bot.data} />
        </div>
        <nav className="tabs" aria-label={t('pages:botLayout.tabsLabel')}>
          {TABS.map((tab) => (
            <NavLink
              key={tab.label}
              to={tab.to}
              end={'end' in tab ? tab.end : undefined}
              className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
            >
              <Icon name={tab.icon} />
              {t(tab.label)}
            </NavLink>
          ))}
        </nav>
        <span className="spacer" />
        <div className="bot-header-actions" ref={setSlot} />
      </div>
      <Outlet />
      <Suspense fallback={null}>
        <UnsavedChangesGuard botId={bot.data.id} />
      </Suspense>
    </BotHeaderSlot.Provider>
  );
}

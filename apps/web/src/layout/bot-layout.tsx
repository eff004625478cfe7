import { lazy, Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import { useBot } from '../api/use-bot';
import { Icon, type IconName } from '../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { BotHeaderSlot } from './bot-header-slot';

// The guard reads the editor store, which brings React Flow along: keep both out of the main chunk.
const UnsavedChangesGuard = lazy(() => import('./unsaved-changes-guard').then((m) => ({ default: m.UnsavedChangesGuard })));

const TABS: { to: string; label: string; icon: IconName; end?: boolean }[] = [
  { to: '', label: 'Editor', icon: 'flow', end: true },
  { to: 'runs', label: 'Runs', icon: 'list' },
  { to: 'results', label: 'Results', icon: 'inbox' },
  { to: 'triggers', label: 'Triggers', icon: 'clock' },
];

/** Header with the bot's name and its tabs; every bot page renders below it. */
export function BotLayout() {
  const { botId } = useParams();
  const bot = useBot(botId);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  if (bot.isPending) return <LoadingState label="Loading bot…" />;
  if (bot.isError) {
    if (isApiError(bot.error) && bot.error.status === 404)
      return (
        <div className="page">
          <EmptyState icon="bot" title="Bot not found" action={<Link to="/">Back to your bots</Link>}>
            It may have been deleted, or it belongs to a workspace you cannot see.
          </EmptyState>
        </div>
      );
    return <ErrorState error={bot.error} title="Could not load this bot" onRetry={() => bot.refetch()} />;
  }
  return (
    <BotHeaderSlot.Provider value={slot}>
      <div className="bot-header">
        <div className="crumbs">
          <Link to="/" className="row small">
            <Icon name="chevronLeft" width={14} height={14} /> Bots
          </Link>
          <span className="faint">/</span>
          <span className="name truncate" title={bot.data.name}>{bot.data.name}</span>
          <span className="badge">v{bot.data.version}</span>
        </div>
        <nav className="tabs" aria-label="Bot">
          {TABS.map((t) => (
            <NavLink key={t.label} to={t.to} end={t.end} className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
              <Icon name={t.icon} />
              {t.label}
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

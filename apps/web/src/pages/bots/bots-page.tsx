import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { botsApi } from '../../api/bots';
import type { BotListItem as BotSummary } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';
import { errorText } from '../../i18n/error-text';
import { t as tr } from '../../i18n/i18n';
import { useConnections } from '../../api/use-connections';
import { Alert } from '../../ui/states';
import { CreateBotDialog } from './create-bot-dialog';
import { ImportBotDialog } from './import-bot-dialog';
import { portabilityApi } from '../../api/templates';
import { GettingStarted } from './getting-started';
import { BotFacts } from './bot-facts';
import { BotListToolbar, useBotListView } from './bot-list-toolbar';

function BotCard({ bot, mayWrite }: { bot: BotSummary; mayWrite: boolean }) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const duplicate = useMutation({
    mutationFn: () => portabilityApi.duplicate(bot.id),
    onSuccess: (copy) => {
      toast.info(tr('gallery:duplicate.done', { name: copy.name }));
      return queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
    },
    onError: (err) => toast.error(tr('gallery:duplicate.failed', { reason: errorText(err) })),
  });
  const remove = useMutation({
    mutationFn: () => botsApi.remove(bot.id),
    onSuccess: () => {
      toast.info(tr('pages:bots.deleted', { name: bot.name }));
      return queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  return (
    <article className="card bot-card" data-testid="bot-card">
      <div className="row" style={{ paddingRight: 84 }}>
        <h3 className="truncate">
          {/* The link's ::after covers the card, so the whole card opens the bot. */}
          <Link to={`/bots/${bot.id}`} className="stretched">
            {bot.name}
          </Link>
        </h3>
      </div>
      <p className="desc">{bot.description || <span className="muted">{t('pages:bots.noDescription')}</span>}</p>
      <div className="meta">
        <span className="badge">{t('pages:botLayout.version', { version: bot.version })}</span>
        <span>{t('pages:bots.updated', { when: formatRelative(bot.updatedAt) })}</span>
      </div>
      <BotFacts bot={bot} />
      <div className="actions row">
        {mayWrite && (
          <Button
            size="sm"
            variant="ghost"
            icon="copy"
            aria-label={t('gallery:duplicate.label', { name: bot.name })}
            title={t('gallery:duplicate.title')}
            loading={duplicate.isPending}
            onClick={() => duplicate.mutate()}
          />
        )}
        {mayWrite && (
          <ConfirmButton
            size="sm"
            variant="ghost"
            icon="trash"
            aria-label={t('pages:bots.deleteLabel', { name: bot.name })}
            title={t('pages:bots.deleteTitle')}
            loading={remove.isPending}
            onConfirm={() => remove.mutate()}
          />
        )}
      </div>
    </article>
  );
}

export function BotsPage() {
  const { current } = useWorkspace();
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [view, setView] = useBotListView();
  const bots = useQuery({
    queryKey: queryKeys.botsListed(current?.id, JSON.stringify(view)),
    queryFn: () => botsApi.list(current?.id, { q: view.q || undefined, sort: view.sort, order: view.order }),
    select: (d) => d.bots,
    // The cards stay while a new search loads.
    placeholderData: keepPreviousData,
  });
  const searching = view.q.trim() !== '';
  const connections = useConnections();
  const hasConnection = (connections.data ?? []).some((c) => c.isActive);

  const mayWrite = can(current?.role, 'bots.write');
  const newButton = (
    <Button
      variant="primary"
      icon="plus"
      onClick={() => setCreating(true)}
      disabled={!mayWrite}
      title={mayWrite ? undefined : t('teams:roleGate.editorsOnly')}
    >
      {t('pages:bots.new')}
    </Button>
  );
  const importButton = (
    <Button
      icon="upload"
      onClick={() => setImporting(true)}
      disabled={!mayWrite}
      title={mayWrite ? t('gallery:import.buttonTitle') : t('teams:roleGate.editorsOnly')}
    >
      {t('gallery:import.button')}
    </Button>
  );
  return (
    <div className="page">
      <PageHeader
        title={t('pages:bots.title')}
        subtitle={current && !current.personal ? t('pages:bots.subtitleWorkspace', { name: current.name }) : t('pages:bots.subtitle')}
        actions={
          bots.data?.length || searching ? (
            <>
              {importButton}
              {newButton}
            </>
          ) : (
            importButton
          )
        }
      />
      {bots.isPending ? (
        <LoadingState label={t('pages:bots.loading')} />
      ) : bots.isError ? (
        <ErrorState error={bots.error} title={t('pages:bots.loadError')} onRetry={() => bots.refetch()} />
      ) : bots.data.length === 0 && searching ? (
        <div className="stack-lg">
          <BotListToolbar view={view} onChange={setView} />
          <EmptyState icon="bot" title={t('pages:bots.noMatch')}>
            {t('pages:bots.noMatchBody', { q: view.q.trim() })}
          </EmptyState>
        </div>
      ) : bots.data.length === 0 ? (
        <EmptyState icon="bot" title={t('pages:bots.welcome')}>
          <p>
            <Trans i18nKey="pages:bots.intro" components={{ b: <b /> }} />
          </p>
          {connections.isPending ? null : <GettingStarted hasConnection={hasConnection} onNewBot={() => setCreating(true)} />}
        </EmptyState>
      ) : (
        <div className="stack-lg">
          {connections.isSuccess && !hasConnection && (
            <Alert kind="warning" title={t('pages:bots.noConnection')}>
              <Trans i18nKey="pages:bots.noConnectionBody" components={{ a: <Link to="/settings/connections" /> }} />
            </Alert>
          )}
          <BotListToolbar view={view} onChange={setView} />
          <div className="bot-grid">
            {bots.data.map((bot) => (
              <BotCard key={bot.id} bot={bot} mayWrite={mayWrite} />
            ))}
          </div>
        </div>
      )}
      {creating && <CreateBotDialog onClose={() => setCreating(false)} />}
      {importing && <ImportBotDialog onClose={() => setImporting(false)} />}
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BotVersionSummary } from '@bm/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { versionsApi } from '../../api/versions';
import { errorText } from '../../i18n/error-text';
import { Button } from '../../ui/button';
import { ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';
import { metaOf } from '../hooks/bot-meta';
import { useReadOnly } from '../hooks/read-only';
import { editorStore, useEditorStore } from '../store/editor-store';
import { flowToGraph } from '../store/graph-convert';
import { summaryText } from './summary-text';
import './versions.css';

function NameForm({ botId, v, onDone }: { botId: string; v: BotVersionSummary; onDone: () => void }) {
  const [name, setName] = useState(v.name ?? '');
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: () => versionsApi.name(botId, v.version, name.trim() || null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(botId) });
      toast.info(t('versions:toasts.named'));
      onDone();
    },
    onError: (err) => toast.error(t('versions:toasts.nameFailed', { reason: errorText(err) })),
  });
  return (
    <form
      className="version-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <input
        className="input"
        aria-label={t('versions:name.label', { version: v.version })}
        placeholder={t('versions:name.placeholder')}
        maxLength={120}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <Button size="sm" type="submit" variant="primary" loading={save.isPending}>
        {t('versions:actions.saveName')}
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        {t('common:actions.cancel')}
      </Button>
    </form>
  );
}

/**
 * The bot's versions, newest first: who saved each and when, what it changed, its name. Any one
 * opens read-only on the canvas or as a diff against the document; editors restore and name them.
 */
export function HistoryPanel({ botId }: { botId: string }) {
  const open = useEditorStore((s) => s.historyOpen);
  const setOpen = useEditorStore((s) => s.setHistoryOpen);
  const current = useEditorStore((s) => s.baseVersion);
  const viewing = useEditorStore((s) => s.versionView);
  const dirty = useEditorStore((s) => s.dirty);
  const readOnly = useReadOnly();
  const queryClient = useQueryClient();
  const [naming, setNaming] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const { t } = useTranslation();
  const list = useQuery({ queryKey: queryKeys.versions(botId), queryFn: () => versionsApi.list(botId), enabled: open });

  const graphOf = (version: number) =>
    queryClient.fetchQuery({ queryKey: queryKeys.version(botId, version), queryFn: () => versionsApi.get(botId, version) });
  const show = async (version: number, kind: 'view' | 'diff') => {
    try {
      const v = await graphOf(version);
      const s = editorStore.getState();
      s.setVersionView(
        kind === 'view'
          ? { kind: 'view', version, graph: v.graph }
          : { kind: 'diff', context: 'history', version, before: v.graph, after: flowToGraph(s.nodes, s.edges, s.notes) },
      );
    } catch (err) {
      toast.error(t('versions:toasts.openFailed', { version, reason: errorText(err) }));
    }
  };
  const restore = useMutation({
    mutationFn: (version: number) => versionsApi.restore(botId, version),
    onSuccess: (bot, version) => {
      queryClient.setQueryData(queryKeys.bot(botId), bot);
      editorStore.getState().load({ id: bot.id, graph: bot.graph, meta: metaOf(bot), version: bot.version });
      editorStore.getState().setHistoryOpen(true);
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(botId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
      setConfirming(null);
      toast.info(t('versions:toasts.restored', { version, current: bot.version }));
    },
    onError: (err) => toast.error(t('versions:toasts.restoreFailed', { reason: errorText(err) })),
  });

  if (!open) return null;
  return (
    <aside className="history-panel" data-testid="history-panel" aria-label={t('versions:panel.title')}>
      <div className="history-head">
        <h2>{t('versions:panel.title')}</h2>
        <Button variant="ghost" size="sm" icon="x" aria-label={t('common:actions.close')} onClick={() => setOpen(false)} />
      </div>
      {list.isPending && <LoadingState label={t('versions:panel.loading')} />}
      {list.isError && <ErrorState error={list.error} title={t('versions:panel.loadError')} onRetry={() => list.refetch()} />}
      <ol className="history-list">
        {list.data?.versions.map((v) => {
          const isCurrent = v.version === current;
          const shown = viewing?.version === v.version;
          return (
            <li key={v.version} className={shown ? 'history-item shown' : 'history-item'} data-version={v.version}>
              <div className="history-title">
                <strong>{t('versions:panel.version', { version: v.version })}</strong>
                {v.name && (
                  <span className="version-name" translate="no">
                    {v.name}
                  </span>
                )}
                {isCurrent && <span className="badge">{t('versions:panel.current')}</span>}
              </div>
              <div className="history-summary">{summaryText(v)}</div>
              <div className="muted history-meta" title={formatDateTime(v.createdAt)}>
                {t('versions:panel.byWhen', {
                  who: v.createdBy?.name || v.createdBy?.email || t('versions:panel.unknownAuthor'),
                  when: formatRelative(v.createdAt),
                })}
              </div>
              {naming === v.version ? (
                <NameForm botId={botId} v={v} onDone={() => setNaming(null)} />
              ) : confirming === v.version ? (
                <div className="restore-confirm" role="alert">
                  <p>{t('versions:restore.confirm', { version: v.version })}</p>
                  {dirty && <p className="muted">{t('versions:restore.dirty', { version: v.version })}</p>}
                  <div className="row">
                    <Button size="sm" variant="primary" loading={restore.isPending} onClick={() => restore.mutate(v.version)}>
                      {t('versions:actions.restore')}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      {t('common:actions.cancel')}
                    </Button>
                  </div>
                </div>
              ) : (
                <div className="history-actions">
                  <Button
                    size="sm"
                    variant="ghost"

                    onClick={() => void show(v.version, 'view')}
                    title={t('versions:actions.viewTitle')}
                  >
                    {t('versions:actions.view')}
                  </Button>
                  {!isCurrent && (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => void show(v.version, 'diff')}
                      title={t('versions:actions.compareTitle')}
                    >
                      {t('versions:actions.compare')}
                    </Button>
                  )}
                  {!readOnly && !isCurrent && (
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(v.version)}>
                      {t('versions:actions.restore')}
                    </Button>
                  )}
                  {!readOnly && (
                    <Button size="sm" variant="ghost" onClick={() => setNaming(v.version)}>
                      {t('versions:actions.name')}
                    </Button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

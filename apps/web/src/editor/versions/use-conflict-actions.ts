import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { versionsApi } from '../../api/versions';
import { t } from '../../i18n/i18n';
import { errorText } from '../../i18n/error-text';
import { toast } from '../../ui/toast';
import { metaOf } from '../hooks/bot-meta';
import { editorStore } from '../store/editor-store';
import { flowToGraph } from '../store/graph-convert';

/**
 * The three ways out of a refused save. "Reload theirs" opens the bot as it is now (the unsaved
 * document is discarded); "keep mine" saves the document again, based on the version it lost to,
 * so it becomes the next version and theirs stays in the history; "see the difference" shows the
 * document against their version on the canvas.
 */
export function useConflictActions(botId: string, save: () => void) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'reload' | 'diff' | null>(null);

  const reload = useCallback(async () => {
    setBusy('reload');
    try {
      const bot = await botsApi.get(botId);
      queryClient.setQueryData(queryKeys.bot(botId), bot);
      editorStore.getState().load({ id: bot.id, graph: bot.graph, meta: metaOf(bot), version: bot.version });
    } catch (err) {
      toast.error(errorText(err));
    } finally {
      setBusy(null);
    }
  }, [botId, queryClient]);

  const keepMine = useCallback(() => {
    const s = editorStore.getState();
    if (!s.conflict) return;
    s.setBaseVersion(s.conflict.current);
    s.setConflict(null);
    s.setVersionView(null);
    save();
  }, [save]);

  const showDiff = useCallback(async () => {
    const s = editorStore.getState();
    const current = s.conflict?.current;
    if (!current) return;
    setBusy('diff');
    try {
      const theirs = await queryClient.fetchQuery({
        queryKey: queryKeys.version(botId, current),
        queryFn: () => versionsApi.get(botId, current),
      });
      const now = editorStore.getState();
      now.setVersionView({
        kind: 'diff',
        context: 'conflict',
        version: current,
        before: theirs.graph,
        after: flowToGraph(now.nodes, now.edges, now.notes),
      });
    } catch (err) {
      toast.error(t('versions:conflict.loadFailed', { current, reason: errorText(err) }));
    } finally {
      setBusy(null);
    }
  }, [botId, queryClient]);

  return { reload, keepMine, showDiff, busy };
}

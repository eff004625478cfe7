import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { toast } from '../../ui/toast';
import { serializeDocument } from '../store/document-slice';
import { editorStore } from '../store/editor-store';
import { flowToGraph } from '../store/graph-convert';

/** PATCHes the graph and bot settings; a 422 marks the offending nodes. */
export function useSaveBot(botId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['save-bot', botId],
    mutationFn: async () => {
      const s = editorStore.getState();
      const snapshot = serializeDocument(s.nodes, s.edges, s.meta, s.notes);
      const bot = await botsApi.update(botId, {
        // The version this edit started from: if someone saved since, the server refuses (409)
        // rather than silently dropping their change.
        baseVersion: s.baseVersion ?? undefined,
        graph: flowToGraph(s.nodes, s.edges, s.notes),
        name: s.meta.name.trim(),
        description: s.meta.description.trim(),
        llmConnectionId: s.meta.llmConnectionId,
        llmModelOverride: s.meta.llmModelOverride?.trim() || null,
        onFailure: s.meta.onFailure,
      });
      return { bot, snapshot };
    },
    onSuccess: ({ bot, snapshot }) => {
      const s = editorStore.getState();
      s.markSaved(snapshot);
      s.setIssues([]);
      s.setConflict(null);
      if (bot?.version) s.setBaseVersion(bot.version);
      if (bot && typeof bot === 'object' && 'graph' in bot) queryClient.setQueryData(queryKeys.bot(botId), bot);
      else void queryClient.invalidateQueries({ queryKey: queryKeys.bot(botId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(botId) });
      toast.info(bot?.version ? t('editor:toasts.saved', { version: bot.version }) : t('editor:toasts.savedPlain'), 'save');
    },
    onError: (err) => {
      const current = isApiError(err) && err.code === 'VERSION_CONFLICT' ? Number(err.info?.current) : NaN;
      if (Number.isInteger(current)) {
        // The conflict dialog says what happened and offers the ways out; no toast on top of it.
        toast.clear('save');
        editorStore.getState().setConflict({ current });
        void queryClient.invalidateQueries({ queryKey: queryKeys.versions(botId) });
      } else if (isApiError(err) && err.status === 422 && err.details?.length) {
        editorStore.getState().setIssues(err.details);
        toast.error(t('editor:toasts.notSavedProblems', { count: err.details.length }), 'save');
      } else toast.error(t('editor:toasts.notSaved', { reason: errorText(err) }), 'save');
    },
  });
}

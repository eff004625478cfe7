import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../api/api-error';
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
      const snapshot = serializeDocument(s.nodes, s.edges, s.meta);
      const bot = await botsApi.update(botId, {
        graph: flowToGraph(s.nodes, s.edges),
        name: s.meta.name.trim(),
        description: s.meta.description.trim(),
        llmConnectionId: s.meta.llmConnectionId,
        llmModelOverride: s.meta.llmModelOverride?.trim() || null,
      });
      return { bot, snapshot };
    },
    onSuccess: ({ bot, snapshot }) => {
      const s = editorStore.getState();
      s.markSaved(snapshot);
      s.setIssues([]);
      if (bot && typeof bot === 'object' && 'graph' in bot) queryClient.setQueryData(queryKeys.bot(botId), bot);
      else void queryClient.invalidateQueries({ queryKey: queryKeys.bot(botId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
      toast.info(bot?.version ? `Saved as version ${bot.version}` : 'Saved', 'save');
    },
    onError: (err) => {
      if (isApiError(err) && err.status === 422 && err.details?.length) {
        editorStore.getState().setIssues(err.details);
        toast.error(`Not saved: ${err.details.length} problem${err.details.length === 1 ? '' : 's'} to fix.`, 'save');
      } else toast.error(`Not saved: ${errorMessage(err)}`, 'save');
    },
  });
}

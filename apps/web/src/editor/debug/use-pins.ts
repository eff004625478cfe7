import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bot } from '@bm/contract';
import { botsApi } from '../../api/bots';
import { debugApi } from '../../api/debug';
import { queryKeys } from '../../api/query-keys';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { toast } from '../../ui/toast';

/**
 * Pinned outputs come with the bot (`graph.nodes[].pinnedOutput` of GET /api/bots/:id) and change
 * at once through the pins routes — never through a save, so pinning makes no version and the
 * editor's document (which leaves pins out) is not touched.
 */
const pinOf = (bot: Bot | undefined, nodeId: string) => bot?.graph.nodes.find((n) => n.id === nodeId)?.pinnedOutput;

/** Whether the node is pinned, and its pinned output. One small subscription per node (memoised canvas nodes). */
export function usePin(botId: string | null, nodeId: string): { pinned: boolean; output: unknown } {
  const q = useQuery({
    queryKey: queryKeys.bot(botId ?? ''),
    queryFn: () => botsApi.get(botId!),
    enabled: false,
    select: (bot: Bot) => {
      const output = pinOf(bot, nodeId);
      return output === undefined ? null : { output };
    },
  });
  return q.data ? { pinned: true, output: q.data.output } : { pinned: false, output: undefined };
}

/** Pin and unpin; the cached bot is updated in place. */
export function usePinMutations(botId: string, nodeId: string, nodeTitle: string) {
  const queryClient = useQueryClient();
  const patchCache = (output: unknown) =>
    queryClient.setQueryData<Bot>(queryKeys.bot(botId), (bot) =>
      bot
        ? {
            ...bot,
            graph: {
              ...bot.graph,
              nodes: bot.graph.nodes.map((n) => {
                if (n.id !== nodeId) return n;
                const { pinnedOutput: _old, ...rest } = n;
                return output === undefined ? rest : { ...rest, pinnedOutput: output };
              }),
            },
          }
        : bot,
    );
  const pin = useMutation({
    mutationFn: (output: unknown) => debugApi.pin(botId, nodeId, output),
    onSuccess: (r) => {
      patchCache(r.output);
      toast.info(t('debug:pinSaved', { node: nodeTitle }), 'pin');
    },
    onError: (err) => toast.error(t('debug:pinFailed', { reason: errorText(err) }), 'pin'),
  });
  const unpin = useMutation({
    mutationFn: () => debugApi.unpin(botId, nodeId),
    onSuccess: () => {
      patchCache(undefined);
      toast.info(t('debug:pinRemoved', { node: nodeTitle }), 'pin');
    },
    onError: (err) => toast.error(t('debug:pinFailed', { reason: errorText(err) }), 'pin'),
  });
  return { pin, unpin };
}

import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { Bot } from '@bm/contract';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';

const PinnedNodes = createContext<ReadonlySet<string> | null>(null);
const NONE: ReadonlySet<string> = new Set();

// Module-level, so the query runs it only when the cached bot changes.
const pinnedIdsOf = (bot: Bot): ReadonlySet<string> =>
  new Set(bot.graph.nodes.filter((n) => n.pinnedOutput !== undefined).map((n) => n.id));

/**
 * Which of the bot's nodes are pinned, for every card on the canvas from one query subscription:
 * a subscription per card (usePin) cost ~0.3 ms each when 1 000 cards mounted.
 */
export function PinnedNodesProvider({ botId, children }: { botId: string | null; children: ReactNode }) {
  const q = useQuery({ queryKey: queryKeys.bot(botId ?? ''), queryFn: () => botsApi.get(botId!), enabled: false, select: pinnedIdsOf });
  return <PinnedNodes.Provider value={q.data ?? NONE}>{children}</PinnedNodes.Provider>;
}

/** The pinned nodes from the nearest provider; null outside one (the card then asks on its own). */
export function usePinnedNodes(): ReadonlySet<string> | null {
  return useContext(PinnedNodes);
}

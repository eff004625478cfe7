import { useMemo, useRef } from 'react';
import type { TFunction } from 'i18next';
import type { BotFlowEdge } from '../store/flow-types';

export type NamedEdge = BotFlowEdge & { ariaLabel: string };

/**
 * The store's edges, each named for screen readers (React Flow's default label is English). An edge
 * the store did not replace keeps its named object, so React Flow re-renders only the edges that
 * changed: at 1 000 nodes, naming every edge afresh on each store update redrew all of them.
 */
export function useNamedEdges(edges: readonly BotFlowEdge[], t: TFunction): NamedEdge[] {
  const cache = useRef<{ t: TFunction; named: WeakMap<BotFlowEdge, NamedEdge> } | null>(null);
  return useMemo(() => {
    if (cache.current?.t !== t) cache.current = { t, named: new WeakMap() };
    const { named } = cache.current;
    return edges.map((e) => {
      let n = named.get(e);
      if (!n) {
        n = { ...e, ariaLabel: t('editor:flow.edge', { source: e.source, target: e.target }) };
        named.set(e, n);
      }
      return n;
    });
  }, [edges, t]);
}

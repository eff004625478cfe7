import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../../api/query-keys';
import { runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { nodeTypeOf } from '../store/catalogue-slice';
import { editorStore, useEditorStore } from '../store/editor-store';

/**
 * Follows the shown run's loop items and the picked item's node runs into the store. Both are read
 * again while the run goes on (the run's event stream invalidates them too: their keys sit under the run's).
 */
export function useLoopItems(runId: string | null) {
  const hasLoop = useEditorStore((s) => s.nodes.some((n) => nodeTypeOf(s, n.data)?.control === 'loop'));
  const active = useEditorStore((s) => Boolean(s.run && s.run.id === runId && !TERMINAL_RUN_STATUSES.has(s.run.status)));
  const picked = useEditorStore((s) => s.runItem?.item);
  const enabled = Boolean(runId) && hasLoop;

  const items = useQuery({
    queryKey: queryKeys.runItems(runId ?? ''),
    queryFn: () => runsApi.items(runId!),
    enabled,
    refetchInterval: active ? 1000 : false,
  });
  useEffect(() => {
    editorStore.getState().setLoops(enabled && items.data ? items.data.loops : []);
  }, [enabled, items.data]);

  const nodes = useQuery({
    queryKey: queryKeys.runItem(runId ?? '', picked ?? -1),
    queryFn: () => runsApi.itemNodes(runId!, picked!),
    enabled: enabled && picked !== undefined,
    refetchInterval: active ? 1000 : false,
  });
  useEffect(() => {
    const s = editorStore.getState();
    if (s.runItem && nodes.data && nodes.data.item === s.runItem.item) s.setRunItem({ ...s.runItem, nodes: nodes.data.nodes });
  }, [nodes.data]);
}

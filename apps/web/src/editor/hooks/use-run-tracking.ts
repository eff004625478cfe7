import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../../api/query-keys';
import { runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { useRunEvents, type NodeEventData } from '../../api/use-run-events';
import { editorStore } from '../store/editor-store';

/** A node event shown on the canvas at once, before the run is read again. */
function showNodeEvent(runId: string, e: NodeEventData) {
  const s = editorStore.getState();
  // An item's event says nothing about the body node as a whole: the item picker shows it.
  if (s.run?.id !== runId || e.item !== undefined) return;
  const status = e.status === 'retrying' ? 'running' : e.status;
  s.setRun({
    ...s.run,
    nodes: s.run.nodes.map((n) => (n.nodeId === e.nodeId ? { ...n, status, ...(e.attempt ? { attempts: e.attempt } : {}) } : n)),
  });
}

/**
 * Follows a run until it ends, mirroring it onto the canvas: through the run's event stream, or
 * by polling about once a second when the stream is not available.
 */
export function useRunTracking(botId: string, runId: string | null) {
  const queryClient = useQueryClient();
  const live = useRunEvents(runId, (e) => runId && showNodeEvent(runId, e));
  const run = useQuery({
    queryKey: queryKeys.run(runId ?? ''),
    queryFn: () => runsApi.get(runId!),
    enabled: Boolean(runId),
    refetchInterval: (q) => (live || (q.state.data && TERMINAL_RUN_STATUSES.has(q.state.data.status)) ? false : 1000),
  });
  useEffect(() => {
    editorStore.getState().setRun(runId && run.data?.id === runId ? run.data : null);
  }, [runId, run.data]);

  // When a run we watched ends, the runs list and the inbox have news.
  const seenTerminal = useRef<string | null>(null);
  const status = run.data?.status;
  useEffect(() => {
    if (!runId || !status || !TERMINAL_RUN_STATUSES.has(status) || seenTerminal.current === runId) return;
    seenTerminal.current = runId;
    void queryClient.invalidateQueries({ queryKey: queryKeys.runs(botId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.resultsAll(botId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.inboxAll });
  }, [botId, runId, status, queryClient]);
  return run;
}

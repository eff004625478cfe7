import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../../api/query-keys';
import { runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { editorStore } from '../store/editor-store';

/** Polls a run about once a second until it ends, mirroring it onto the canvas. */
export function useRunTracking(botId: string, runId: string | null) {
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: queryKeys.run(runId ?? ''),
    queryFn: () => runsApi.get(runId!),
    enabled: Boolean(runId),
    refetchInterval: (q) => (q.state.data && TERMINAL_RUN_STATUSES.has(q.state.data.status) ? false : 1000),
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

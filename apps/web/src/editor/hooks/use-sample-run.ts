import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { contract } from '@bm/contract';
import { call } from '../../api/http';
import { queryKeys } from '../../api/query-keys';
import { runsApi } from '../../api/runs';
import { editorStore } from '../store/editor-store';

/**
 * Loads the bot's latest run as sample data for the expression editor (field tree, previews). The
 * key sits under the runs list's, so the invalidation after a watched run ends refreshes it too.
 */
export function useSampleRun(botId: string) {
  const latest = useQuery({
    queryKey: [...queryKeys.runs(botId), 'latest'],
    queryFn: () => call(contract.runs.listForBot, { params: { id: botId }, query: { limit: 1 } }).then((r) => r.runs[0]?.id ?? null),
  });
  const runId = latest.data ?? null;
  const run = useQuery({ queryKey: queryKeys.run(runId ?? ''), queryFn: () => runsApi.get(runId!), enabled: Boolean(runId) });
  useEffect(() => {
    editorStore.getState().setSampleRun(run.data && run.data.id === runId ? run.data : null);
  }, [run.data, runId]);
}

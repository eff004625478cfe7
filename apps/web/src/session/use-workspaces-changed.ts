import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Me, Workspace } from '@bm/contract';
import { queryKeys } from '../api/query-keys';

/**
 * After creating, joining, leaving or deleting a workspace: the list every page reads (GET /api/me,
 * GET /api/workspaces) is asked again. `joined` goes into the cached list at once, so the switcher
 * can show it (and it can become the current one) before the answer is back.
 */
export function useWorkspacesChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    async (change?: { joined?: Workspace; left?: string }) => {
      queryClient.setQueryData<Me | null>(queryKeys.me, (me) => {
        if (!me) return me;
        let list = me.workspaces.filter((w) => w.id !== change?.left && w.id !== change?.joined?.id);
        if (change?.joined) list = [...list, change.joined];
        return { ...me, workspaces: list };
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
        queryClient.invalidateQueries({ queryKey: queryKeys.workspaces }),
      ]);
    },
    [queryClient],
  );
}

import { useQuery } from '@tanstack/react-query';
import { useWorkspaceId } from '../session/workspace';
import { llmConnectionsApi } from './llm-connections';
import { queryKeys } from './query-keys';

export function useConnections() {
  const workspaceId = useWorkspaceId();
  return useQuery({
    queryKey: queryKeys.connections(workspaceId),
    queryFn: () => llmConnectionsApi.list(workspaceId),
    select: (d) => d.connections,
  });
}

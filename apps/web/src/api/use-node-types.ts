import { useQuery } from '@tanstack/react-query';
import { nodeTypesApi } from './node-types';
import { queryKeys } from './query-keys';

/** The node catalogue rarely changes while the app is open. */
export function useNodeTypes() {
  return useQuery({ queryKey: queryKeys.nodeTypes, queryFn: nodeTypesApi.list, staleTime: 5 * 60_000, select: (d) => d.nodeTypes });
}

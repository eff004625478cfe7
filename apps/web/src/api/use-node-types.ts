import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { nodeTypesApi } from './node-types';
import { queryKeys } from './query-keys';

/** The node catalogue rarely changes while the app is open; its texts come in the app's language. */
export function useNodeTypes() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: queryKeys.nodeTypes(i18n.language),
    queryFn: nodeTypesApi.list,
    staleTime: 5 * 60_000,
    select: (d) => d.nodeTypes,
  });
}

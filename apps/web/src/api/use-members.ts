import { useQuery } from '@tanstack/react-query';
import { useWorkspace } from '../session/workspace';
import { queryKeys } from './query-keys';
import { teamsApi } from './teams';

/** The current workspace's members by user id (to name whose key a shared connection is). */
export function useMemberNames(): Map<string, string> {
  const { current } = useWorkspace();
  const id = current?.id ?? '';
  const members = useQuery({
    queryKey: queryKeys.members(id),
    queryFn: () => teamsApi.members(id),
    enabled: !!current && !current.personal,
    staleTime: 60_000,
    select: (d) => d.members,
  });
  return new Map((members.data ?? []).map((m) => [m.userId, m.name || m.email]));
}

import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { authApi } from '../api/auth';
import type { Me } from '@bm/contract';
import { queryKeys } from '../api/query-keys';

/** The signed-in user, `null` when signed out (a 401 is an answer here, not an error). */
export function useSession() {
  return useQuery<Me | null>({
    queryKey: queryKeys.me,
    queryFn: async () => {
      try {
        return await authApi.me();
      } catch (err) {
        if (isApiError(err) && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { queryKeys } from '../../api/query-keys';

/** After signing in: drop cached data of any previous user, then continue where they were going. */
export function useAuthRedirect() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return {
    target,
    done: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: authApi.me });
      navigate(target, { replace: true });
    },
  };
}

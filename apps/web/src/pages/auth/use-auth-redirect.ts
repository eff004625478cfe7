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
    /** Carries `next` (and an email) to the other auth page, so switching pages keeps the way back. */
    linkTo: (page: '/login' | '/signup', email?: string) => {
      const q = new URLSearchParams();
      if (target !== '/') q.set('next', target);
      if (email) q.set('email', email);
      const qs = q.toString();
      return qs ? `${page}?${qs}` : page;
    },
    initialEmail: params.get('email') ?? '',
    done: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: authApi.me });
      navigate(target, { replace: true });
    },
  };
}

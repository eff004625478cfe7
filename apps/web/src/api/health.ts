import { acceptLanguage } from '../i18n/i18n';
import { useQuery } from '@tanstack/react-query';
import { contract, type Health } from '@bm/contract';

/** /api/health answers 503 with the same body when a part is down, so read the body either way. */
async function fetchHealth(): Promise<Health> {
  const res = await fetch(contract.health.get.path, { headers: { accept: 'application/json', 'accept-language': acceptLanguage() } });
  return (await res.json()) as Health;
}

/** The server's parts, checked now and then while the app is open (a cheap request). */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: fetchHealth, refetchInterval: 30_000, retry: false, staleTime: 10_000 });
}

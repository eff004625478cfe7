import { useQuery } from '@tanstack/react-query';
import { botsApi } from './bots';
import { queryKeys } from './query-keys';

export function useBot(botId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.bot(botId ?? ''),
    queryFn: () => botsApi.get(botId!),
    enabled: Boolean(botId),
  });
}

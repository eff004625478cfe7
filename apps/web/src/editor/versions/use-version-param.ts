import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { versionsApi } from '../../api/versions';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { toast } from '../../ui/toast';
import { editorStore } from '../store/editor-store';

/** `?version=N` (a run's link to the version it ran) opens that version read-only, with the history beside it. */
export function useVersionParam(botId: string) {
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const wanted = Number(params.get('version'));
  useEffect(() => {
    if (!Number.isInteger(wanted) || wanted < 1) return;
    let live = true;
    queryClient
      .fetchQuery({ queryKey: queryKeys.version(botId, wanted), queryFn: () => versionsApi.get(botId, wanted) })
      .then((v) => {
        if (!live) return;
        const s = editorStore.getState();
        s.setHistoryOpen(true);
        s.setVersionView({ kind: 'view', version: wanted, graph: v.graph });
      })
      .catch((err: unknown) => toast.error(t('versions:toasts.openFailed', { version: wanted, reason: errorText(err) })));
    return () => {
      live = false;
    };
  }, [botId, wanted, queryClient]);
}

import type { LlmConnection } from '@bm/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { llmConnectionsApi } from '../../api/llm-connections';
import { queryKeys } from '../../api/query-keys';
import { useConnections } from '../../api/use-connections';
import { Button } from '../../ui/button';
import { Modal } from '../../ui/modal';
import { ErrorAlert, ErrorState, LoadingState } from '../../ui/states';

export type UsageAction = 'delete' | 'deactivate';

/** The bots using a connection, read when a delete or deactivate is asked for. */
export const useConnectionUsage = (id: string) =>
  useQuery({ queryKey: queryKeys.connectionUsage(id), queryFn: () => llmConnectionsApi.usage(id), staleTime: 0 });

/**
 * Before a connection is deleted or turned off: which bots use it (links), with the choice to move
 * them to another connection first or to go ahead anyway (their runs then fail). Nothing uses it:
 * a plain confirmation, no list.
 */
export function ConnectionUsageDialog({
  connection,
  action,
  onDone,
  onClose,
}: {
  connection: LlmConnection;
  action: UsageAction;
  /** Does the delete or deactivate itself (after a switch, when one was chosen). */
  onDone: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const usage = useConnectionUsage(connection.id);
  const others = (useConnections().data ?? []).filter((c) => c.id !== connection.id && c.isActive);
  const [target, setTarget] = useState('');
  const chosen = target || others[0]?.id || '';
  const finish = useMutation({
    mutationFn: async (switchFirst: boolean) => {
      if (switchFirst) await llmConnectionsApi.switchBots(connection.id, chosen);
      await onDone();
    },
    onSuccess: () => {
      onClose();
      void queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
      // Read afresh next time (a deleted connection's usage is a 404: not refetched now).
      queryClient.removeQueries({ queryKey: queryKeys.connectionUsage(connection.id) });
    },
  });
  const bots = usage.data?.bots ?? [];
  const deleting = action === 'delete';
  const title = deleting
    ? t('settings:usage.deleteTitle', { name: connection.name })
    : t('settings:usage.deactivateTitle', { name: connection.name });
  const used = bots.length > 0 || (usage.data?.otherBots ?? 0) > 0;

  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        usage.isSuccess ? (
          <>
            <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
            {used && bots.length > 0 && others.length > 0 && (
              <Button
                variant="primary"
                loading={finish.isPending && finish.variables}
                onClick={() => finish.mutate(true)}
                data-testid="switch-and-go"
              >
                {deleting ? t('settings:usage.switchAndDelete') : t('settings:usage.switchAndDeactivate')}
              </Button>
            )}
            <Button
              variant="danger"
              loading={finish.isPending && !finish.variables}
              onClick={() => finish.mutate(false)}
              data-testid="go-anyway"
            >
              {used
                ? deleting
                  ? t('settings:usage.deleteAnyway')
                  : t('settings:usage.deactivateAnyway')
                : deleting
                  ? t('settings:connection.delete')
                  : t('settings:connection.deactivate')}
            </Button>
          </>
        ) : undefined
      }
    >
      {usage.isPending ? (
        <LoadingState label={t('settings:usage.loading')} />
      ) : usage.isError ? (
        <ErrorState error={usage.error} title={t('settings:usage.loadError')} onRetry={() => usage.refetch()} />
      ) : !used ? (
        <p>{deleting ? t('settings:usage.unusedDelete') : t('settings:usage.unusedDeactivate')}</p>
      ) : (
        <div className="stack" data-testid="connection-usage">
          <p>{t('settings:usage.usedBy', { count: bots.length + usage.data.otherBots })}</p>
          <ul className="stack" style={{ gap: 4, margin: 0, paddingLeft: 18 }}>
            {bots.map((b) => (
              <li key={b.id} data-testid="usage-bot">
                <Link to={`/bots/${b.id}`}>{b.name}</Link>{' '}
                <span className="small muted">
                  {[
                    b.defaultConnection ? t('settings:usage.asDefault') : null,
                    b.nodes.length ? t('settings:usage.onNodes', { count: b.nodes.length }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          {usage.data.otherBots > 0 && <p className="small muted">{t('settings:usage.otherBots', { count: usage.data.otherBots })}</p>}
          <p className="small">{deleting ? t('settings:usage.failDeleted') : t('settings:usage.failInactive')}</p>
          {bots.length > 0 &&
            (others.length > 0 ? (
              <label className="row small" htmlFor="switch-target" style={{ gap: 8 }}>
                <span style={{ whiteSpace: 'nowrap' }}>{t('settings:usage.switchTo')}</span>
                <select id="switch-target" className="select" value={chosen} onChange={(e) => setTarget(e.target.value)}>
                  {others.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="small muted">{t('settings:usage.noOther')}</p>
            ))}
          <ErrorAlert error={finish.error} />
        </div>
      )}
    </Modal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { llmConnectionsApi } from '../../api/llm-connections';
import type { LlmConnection } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { useMemberNames } from '../../api/use-members';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Switch } from '../../ui/field';
import { toast } from '../../ui/toast';
import type { ConnectionFocus } from '../../api/connection-fix';
import { ownerText } from './connection-owner';
import { ConnectionTestResultView } from './connection-test-result';
import { providerLabel } from './providers';
import { ConnectionUsageDialog, type UsageAction } from './connection-usage-dialog';

function useTest(id: string) {
  return useMutation({ mutationKey: ['test-connection', id], mutationFn: () => llmConnectionsApi.test(id) });
}

type RowProps = {
  connection: LlmConnection;
  onEdit: (focus?: ConnectionFocus) => void;
  /** Changes when the connection was just saved with something worth testing: the row tests it then. */
  autoTest?: number;
};

export function ConnectionRow({ connection: c, onEdit, autoTest }: RowProps) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.connectionsAll });
  const onError = (err: unknown) => toast.error(errorText(err));
  const test = useTest(c.id);
  const { mutate: runTest, reset: resetTest } = test;
  // A result about the previous key or URL would mislead once the connection changed.
  useEffect(() => resetTest(), [c.updatedAt, resetTest]);
  useEffect(() => {
    if (autoTest) runTest();
  }, [autoTest, runTest]);
  const toggle = useMutation({
    mutationFn: (isActive: boolean) => llmConnectionsApi.update(c.id, { isActive }),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({ mutationFn: () => llmConnectionsApi.remove(c.id), onSuccess: refresh, onError });
  // Deleting or turning it off first shows which bots use it (and offers to move them).
  const [asking, setAsking] = useState<UsageAction | null>(null);
  const share = useMutation({
    mutationFn: (shared: boolean) => llmConnectionsApi.update(c.id, { shared }),
    onSuccess: (saved) => {
      toast.info(
        saved.shared ? t('teams:connections.nowShared', { name: saved.name }) : t('teams:connections.nowPersonal', { name: saved.name }),
      );
      return refresh();
    },
    onError,
  });
  const { current } = useWorkspace();
  const names = useMemberNames();
  // Sharing decides who spends this key: admins and owners of a team workspace decide it.
  const mayShare = !!current && !current.personal && can(current.role, 'connections.share');
  // A test call spends the owner's money: editors and up only (the server refuses viewers too).
  const mayTest = c.ownedByMe || can(current?.role, 'connections.test');
  // A teammate's shared connection can be used and tested, but only its owner (or an admin) changes it.
  const readOnly = c.ownedByMe === false;
  const ownerHint = readOnly ? t('settings:connection.readOnly') : undefined;
  const mono = { mono: <span className="mono" /> };

  return (
    <div className="card" data-testid="connection" data-connection-id={c.id}>
      <div className="card-body stack">
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <div className="stack" style={{ gap: 4, flex: 1, minWidth: 0 }}>
            <div className="row">
              <h3 className="truncate">{c.name}</h3>
              <span className="badge badge-accent">{providerLabel(c.provider)}</span>
              {!c.isActive && <span className="badge">{t('settings:connection.inactive')}</span>}
              {c.shared && <span className="badge badge-accent">{t('settings:connection.shared')}</span>}
              <span className="small muted" data-testid="connection-owner">
                {ownerText(c, names)}
              </span>
            </div>
            <div className="row-wrap small muted">
              <span>
                <Trans i18nKey="settings:connection.model" values={{ model: c.modelDefault }} components={mono} />
              </span>
              <span>·</span>
              <span>
                <Trans i18nKey="settings:connection.key" values={{ hint: c.keyHint ?? t('settings:connection.none') }} components={mono} />
              </span>
              {c.baseUrl && (
                <>
                  <span>·</span>
                  <span className="mono truncate" style={{ maxWidth: 320 }} title={c.baseUrl}>
                    {c.baseUrl}
                  </span>
                </>
              )}
            </div>
          </div>
          <label className="row small muted" style={{ cursor: 'pointer' }}>
            {c.isActive ? t('settings:connection.active') : t('settings:connection.inactive')}
            {!readOnly && (
              <Switch
                checked={c.isActive}
                label={c.isActive ? t('settings:connection.deactivate') : t('settings:connection.activate')}
                onChange={(v) => (v ? toggle.mutate(true) : setAsking('deactivate'))}
              />
            )}
          </label>
        </div>
        <div className="row">
          <Button
            size="sm"
            icon="zap"
            loading={test.isPending}
            onClick={() => test.mutate()}
            disabled={!mayTest}
            title={mayTest ? undefined : t('teams:roleGate.editorsTest')}
          >
            {t('settings:connection.test')}
          </Button>
          <Button size="sm" icon="edit" onClick={() => onEdit()} disabled={readOnly} title={ownerHint}>
            {t('settings:connection.edit')}
          </Button>
          <span className="spacer" />
          {mayShare && (
            <label className="row small muted" style={{ cursor: 'pointer' }}>
              {t('teams:connections.share')}
              <Switch checked={c.shared} label={t('teams:connections.shareLabel', { name: c.name })} onChange={(v) => share.mutate(v)} />
            </label>
          )}
          {readOnly ? (
            <span className="small muted">{ownerHint}</span>
          ) : (
            <Button size="sm" variant="danger" icon="trash" loading={remove.isPending} onClick={() => setAsking('delete')}>
              {t('settings:connection.delete')}
            </Button>
          )}
        </div>
        <ConnectionTestResultView test={test} onFix={readOnly ? undefined : onEdit} />
      </div>
      {asking && (
        <ConnectionUsageDialog
          connection={c}
          action={asking}
          onDone={() => (asking === 'delete' ? remove.mutateAsync() : toggle.mutateAsync(false))}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}

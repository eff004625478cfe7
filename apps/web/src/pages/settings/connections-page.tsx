import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useConnections } from '../../api/use-connections';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import type { ConnectionFocus } from '../../api/connection-fix';
import { ConnectionFormDialog } from './connection-form-dialog';
import { ConnectionRow } from './connection-row';

const FOCUSES: readonly string[] = ['apiKey', 'baseUrl', 'modelDefault'] satisfies ConnectionFocus[];

export function ConnectionsPage() {
  const connections = useConnections();
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  // The edited connection lives in the URL (`?edit=<id>&focus=apiKey`), so an error elsewhere in the
  // app ("your key was rejected") can link straight to the fix.
  const [params, setParams] = useSearchParams();
  const editId = params.get('edit');
  const focusParam = params.get('focus');
  const focus = focusParam && FOCUSES.includes(focusParam) ? (focusParam as ConnectionFocus) : undefined;
  const editing = editId ? connections.data?.find((c) => c.id === editId) : undefined;
  const [autoTest, setAutoTest] = useState<{ id: string; at: number } | null>(null);

  const openEdit = (id: string, f?: ConnectionFocus) => setParams(f ? { edit: id, focus: f } : { edit: id }, { replace: true });
  const close = () => {
    setAdding(false);
    if (editId) setParams({}, { replace: true });
  };
  // Viewers use what is shared with them; adding a connection (a key to spend) is an editor's.
  const mayCreate = can(useWorkspace().current?.role, 'connections.create');
  const add = (
    <Button
      variant="primary"
      icon="plus"
      onClick={() => setAdding(true)}
      disabled={!mayCreate}
      title={mayCreate ? undefined : t('teams:roleGate.editorsConnect')}
    >
      {t('settings:connections.add')}
    </Button>
  );
  return (
    <div className="page">
      <PageHeader
        title={t('settings:connections.title')}
        subtitle={t('settings:connections.subtitle')}
        actions={connections.data?.length ? add : undefined}
      />
      <div className="stack-lg">
        <Alert kind="info" title={t('settings:connections.byom')}>
          {t('settings:connections.byomBody')}
        </Alert>
        {connections.isPending ? (
          <LoadingState label={t('settings:connections.loading')} />
        ) : connections.isError ? (
          <ErrorState error={connections.error} title={t('settings:connections.loadError')} onRetry={() => connections.refetch()} />
        ) : connections.data.length === 0 ? (
          <EmptyState icon="plug" title={t('settings:connections.empty')} action={add}>
            {t('settings:connections.emptyBody')}
          </EmptyState>
        ) : (
          <div className="stack">
            {connections.data.map((c) => (
              <ConnectionRow
                key={c.id}
                connection={c}
                onEdit={(f) => openEdit(c.id, f)}
                autoTest={autoTest?.id === c.id ? autoTest.at : undefined}
              />
            ))}
          </div>
        )}
      </div>
      {(adding || editing) && (
        <ConnectionFormDialog
          key={editing?.id ?? 'new'}
          existing={editing}
          focus={focus}
          onClose={close}
          onSaved={(saved, reachChanged) => reachChanged && setAutoTest({ id: saved.id, at: Date.now() })}
        />
      )}
    </div>
  );
}

import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useConnections } from '../../api/use-connections';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import type { ConnectionFocus } from '../../api/connection-fix';
import { ConnectionFormDialog } from './connection-form-dialog';
import { ConnectionRow } from './connection-row';

const FOCUSES: readonly string[] = ['apiKey', 'baseUrl', 'modelDefault'] satisfies ConnectionFocus[];

export function ConnectionsPage() {
  const connections = useConnections();
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
  const add = (
    <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
      Add connection
    </Button>
  );
  return (
    <div className="page">
      <PageHeader title="LLM connections" subtitle="The provider accounts your bots call. Each LLM node uses its own connection or the bot's default." actions={connections.data?.length ? add : undefined} />
      <div className="stack-lg">
        <Alert kind="info" title="Bring your own model">
          Bot Manager never provides or pays for an LLM: runs use your own key, at your own cost. Keys are encrypted and never shown again after you save them.
        </Alert>
        {connections.isPending ? (
          <LoadingState label="Loading connections…" />
        ) : connections.isError ? (
          <ErrorState error={connections.error} title="Could not load connections" onRetry={() => connections.refetch()} />
        ) : connections.data.length === 0 ? (
          <EmptyState icon="plug" title="No LLM connection yet" action={add}>
            Connect OpenAI, Anthropic, Google, a local server such as Ollama, or any OpenAI-compatible endpoint. We test it as soon as you save it.
          </EmptyState>
        ) : (
          <div className="stack">
            {connections.data.map((c) => (
              <ConnectionRow key={c.id} connection={c} onEdit={(f) => openEdit(c.id, f)} autoTest={autoTest?.id === c.id ? autoTest.at : undefined} />
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

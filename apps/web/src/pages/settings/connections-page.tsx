import { useState } from 'react';
import type { LlmConnection } from '../../api/llm-connections';
import { useConnections } from '../../api/use-connections';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { ConnectionFormDialog } from './connection-form-dialog';
import { ConnectionRow } from './connection-row';

export function ConnectionsPage() {
  const connections = useConnections();
  const [editing, setEditing] = useState<LlmConnection | 'new' | null>(null);
  const add = (
    <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
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
            Connect OpenAI, Anthropic, Google, a local server such as Ollama, or any OpenAI-compatible endpoint. Then test it with one click.
          </EmptyState>
        ) : (
          <div className="stack">
            {connections.data.map((c) => (
              <ConnectionRow key={c.id} connection={c} onEdit={() => setEditing(c)} />
            ))}
          </div>
        )}
      </div>
      {editing && <ConnectionFormDialog existing={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

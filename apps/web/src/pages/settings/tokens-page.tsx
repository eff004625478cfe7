import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { queryKeys } from '../../api/query-keys';
import { tokensApi } from '../../api/tokens';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { CopyField } from '../../ui/copy-button';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';

export function TokensPage() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const tokens = useQuery({ queryKey: queryKeys.tokens, queryFn: tokensApi.list, select: (d) => d.tokens });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
  const create = useMutation({
    mutationFn: () => tokensApi.create(name.trim()),
    onSuccess: (t) => {
      setCreated({ name: t.name, token: t.token });
      setName('');
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: tokensApi.remove, onSuccess: refresh, onError: (err) => toast.error(errorMessage(err)) });

  return (
    <div className="page">
      <PageHeader title="API tokens" subtitle="Personal tokens let scripts use the API as you: send them as Authorization: Bearer <token>." />
      <div className="stack-lg">
        <section className="card card-body stack">
          <form
            className="row"
            style={{ alignItems: 'flex-end' }}
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) create.mutate();
            }}
          >
            <div style={{ flex: 1 }}>
              <Field label="New token name" htmlFor="token-name">
                <input id="token-name" className="input" placeholder="CI deploy script" value={name} onChange={(e) => setName(e.target.value)} />
              </Field>
            </div>
            <Button type="submit" variant="primary" icon="key" loading={create.isPending} disabled={!name.trim()}>
              Create token
            </Button>
          </form>
          <ErrorAlert error={create.error} />
          {created && (
            <Alert kind="success" title={`Token “${created.name}” created — copy it now, it will not be shown again.`}>
              <div style={{ marginTop: 8 }}>
                <CopyField value={created.token} label="New API token" />
              </div>
            </Alert>
          )}
        </section>
        {tokens.isPending ? (
          <LoadingState label="Loading tokens…" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} title="Could not load tokens" onRetry={() => tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyState icon="key" title="No API token">Create one above to call the API from scripts or CI.</EmptyState>
        ) : (
          <div className="card">
            <table className="table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Created</th>
                  <th>Last used</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {tokens.data.map((t) => (
                  <tr key={t.id} data-testid="token">
                    <td>
                      <span style={{ fontWeight: 560 }}>{t.name}</span>
                      {t.prefix && <span className="mono small muted"> · {t.prefix}…</span>}
                    </td>
                    <td title={formatDateTime(t.createdAt)}>{formatRelative(t.createdAt)}</td>
                    <td title={formatDateTime(t.lastUsedAt)}>{t.lastUsedAt ? formatRelative(t.lastUsedAt) : <span className="muted">Never</span>}</td>
                    <td style={{ textAlign: 'right' }}>
                      <ConfirmButton size="sm" variant="danger" icon="trash" confirmLabel="Revoke" loading={remove.isPending && remove.variables === t.id} onConfirm={() => remove.mutate(t.id)}>
                        Revoke
                      </ConfirmButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

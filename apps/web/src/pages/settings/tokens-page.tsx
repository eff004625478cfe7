import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
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
  const { t } = useTranslation();
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
  const remove = useMutation({ mutationFn: tokensApi.remove, onSuccess: refresh, onError: (err) => toast.error(errorText(err)) });

  return (
    <div className="page">
      <PageHeader title={t('settings:tokens.title')} subtitle={t('settings:tokens.subtitle')} />
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
              <Field label={t('settings:tokens.newName')} htmlFor="token-name">
                <input
                  id="token-name"
                  className="input"
                  placeholder={t('settings:tokens.namePlaceholder')}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </Field>
            </div>
            <Button type="submit" variant="primary" icon="key" loading={create.isPending} disabled={!name.trim()}>
              {t('settings:tokens.create')}
            </Button>
          </form>
          <ErrorAlert error={create.error} />
          {created && (
            <Alert kind="success" title={t('settings:tokens.created', { name: created.name })}>
              <div style={{ marginTop: 8 }}>
                <CopyField value={created.token} label={t('settings:tokens.newToken')} />
              </div>
            </Alert>
          )}
        </section>
        {tokens.isPending ? (
          <LoadingState label={t('settings:tokens.loading')} />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} title={t('settings:tokens.loadError')} onRetry={() => tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyState icon="key" title={t('settings:tokens.empty')}>
            {t('settings:tokens.emptyBody')}
          </EmptyState>
        ) : (
          <div className="card">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('settings:tokens.columns.name')}</th>
                  <th>{t('settings:tokens.columns.created')}</th>
                  <th>{t('settings:tokens.columns.lastUsed')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {tokens.data.map((tok) => (
                  <tr key={tok.id} data-testid="token">
                    <td>
                      <span style={{ fontWeight: 560 }}>{tok.name}</span>
                      {tok.prefix && <span className="mono small muted"> · {tok.prefix}…</span>}
                    </td>
                    <td title={formatDateTime(tok.createdAt)}>{formatRelative(tok.createdAt)}</td>
                    <td title={formatDateTime(tok.lastUsedAt)}>
                      {tok.lastUsedAt ? formatRelative(tok.lastUsedAt) : <span className="muted">{t('settings:tokens.never')}</span>}
                    </td>
                    <td style={{ textAlign: 'right' }}>
                      <ConfirmButton
                        size="sm"
                        variant="danger"
                        icon="trash"
                        confirmLabel={t('settings:tokens.revoke')}
                        loading={remove.isPending && remove.variables === tok.id}
                        onConfirm={() => remove.mutate(tok.id)}
                      >
                        {t('settings:tokens.revoke')}
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

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { WorkspaceSecret } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { secretsApi } from '../../api/secrets';
import { errorText } from '../../i18n/error-text';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';

/** How a node param names a secret: code, the same in every language. */
const reference = (name: string) => `{{ secrets.${name} }}`;
/** An example name: code, the same in every language. */
const NAME_EXAMPLE = 'GITHUB_TOKEN';

/** Only admins and owners manage secrets; editors see the names to reference them in bots. */
const canManage = (role: string | undefined) => role === 'admin' || role === 'owner';

export function SecretsPage() {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const workspaceId = current?.id;
  const manage = canManage(current?.role);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.secrets(workspaceId) });
  const secrets = useQuery({
    queryKey: queryKeys.secrets(workspaceId),
    queryFn: () => secretsApi.list(workspaceId),
    select: (d) => d.secrets,
  });
  const remove = useMutation({ mutationFn: secretsApi.remove, onSuccess: refresh, onError: (err) => toast.error(errorText(err)) });

  return (
    <div className="page">
      <PageHeader title={t('settings:secrets.title')} subtitle={t('settings:secrets.subtitle')} />
      <div className="stack-lg">
        {manage ? (
          <NewSecretForm workspaceId={workspaceId} onCreated={refresh} />
        ) : (
          <Alert kind="info" title={t('settings:secrets.readOnly')} />
        )}
        {secrets.isPending ? (
          <LoadingState label={t('settings:secrets.loading')} />
        ) : secrets.isError ? (
          <ErrorState error={secrets.error} title={t('settings:secrets.loadError')} onRetry={() => secrets.refetch()} />
        ) : secrets.data.length === 0 ? (
          <EmptyState icon="key" title={t('settings:secrets.empty')}>
            <Trans i18nKey="settings:secrets.emptyBody" components={{ code: <code /> }} />
          </EmptyState>
        ) : (
          <div className="card">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('settings:secrets.columns.name')}</th>
                  <th>{t('settings:secrets.columns.reference')}</th>
                  <th>{t('settings:secrets.columns.value')}</th>
                  <th>{t('settings:secrets.columns.updated')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {secrets.data.map((s) => (
                  <SecretRow
                    key={s.id}
                    secret={s}
                    manage={manage}
                    removing={remove.isPending && remove.variables === s.id}
                    onRemove={() => remove.mutate(s.id)}
                    onChanged={refresh}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

function NewSecretForm({ workspaceId, onCreated }: { workspaceId: string | undefined; onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const create = useMutation({
    mutationFn: () => secretsApi.create({ workspaceId, name: name.trim(), value }),
    onSuccess: (s) => {
      toast.info(t('settings:secrets.created', { name: s.name }));
      setName('');
      setValue('');
      onCreated();
    },
  });
  return (
    <section className="card card-body stack">
      <form
        className="row"
        style={{ alignItems: 'flex-end', flexWrap: 'wrap' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && value) create.mutate();
        }}
      >
        <div style={{ flex: 1, minWidth: 200 }}>
          <Field label={t('settings:secrets.name')} htmlFor="secret-name" hint={t('settings:secrets.nameHint')}>
            <input
              id="secret-name"
              className="input mono"
              placeholder={NAME_EXAMPLE}
              value={name}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
        </div>
        <div style={{ flex: 2, minWidth: 240 }}>
          <Field label={t('settings:secrets.value')} htmlFor="secret-value" hint={t('settings:secrets.valueHint')}>
            <input
              id="secret-value"
              className="input"
              type="password"
              autoComplete="new-password"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </Field>
        </div>
        <Button type="submit" variant="primary" icon="key" loading={create.isPending} disabled={!name.trim() || !value}>
          {t('settings:secrets.create')}
        </Button>
      </form>
      <ErrorAlert error={create.error} />
    </section>
  );
}

function SecretRow({
  secret,
  manage,
  removing,
  onRemove,
  onChanged,
}: {
  secret: WorkspaceSecret;
  manage: boolean;
  removing: boolean;
  onRemove: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const update = useMutation({
    mutationFn: () => secretsApi.update(secret.id, { value }),
    onSuccess: () => {
      toast.info(t('settings:secrets.changed', { name: secret.name }));
      setEditing(false);
      setValue('');
      onChanged();
    },
    onError: (err) => toast.error(errorText(err)),
  });
  return (
    <tr data-testid="secret">
      <td>
        <span className="mono" style={{ fontWeight: 560 }} translate="no">
          {secret.name}
        </span>
      </td>
      <td>
        <code className="small" translate="no">
          {reference(secret.name)}
        </code>
      </td>
      <td className="mono small muted">{secret.hint}</td>
      <td title={formatDateTime(secret.updatedAt)}>{formatRelative(secret.updatedAt)}</td>
      <td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {manage &&
          (editing ? (
            <form
              className="row"
              style={{ justifyContent: 'flex-end' }}
              onSubmit={(e) => {
                e.preventDefault();
                if (value) update.mutate();
              }}
            >
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                aria-label={t('settings:secrets.newValue', { name: secret.name })}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                autoFocus
              />
              <Button size="sm" type="submit" variant="primary" loading={update.isPending} disabled={!value}>
                {t('settings:secrets.save')}
              </Button>
              <Button size="sm" onClick={() => setEditing(false)}>
                {t('common:actions.cancel')}
              </Button>
            </form>
          ) : (
            <div className="row" style={{ justifyContent: 'flex-end' }}>
              <Button size="sm" icon="refresh" onClick={() => setEditing(true)}>
                {t('settings:secrets.change')}
              </Button>
              <ConfirmButton
                size="sm"
                variant="danger"
                icon="trash"
                confirmLabel={t('settings:secrets.delete')}
                loading={removing}
                onConfirm={onRemove}
              >
                {t('settings:secrets.delete')}
              </ConfirmButton>
            </div>
          ))}
      </td>
    </tr>
  );
}

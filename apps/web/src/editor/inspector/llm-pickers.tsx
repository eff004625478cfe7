import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { llmConnectionsApi } from '../../api/llm-connections';
import { queryKeys } from '../../api/query-keys';
import { useConnections } from '../../api/use-connections';
import { useMemberNames } from '../../api/use-members';
import { ownerText } from '../../pages/settings/connection-owner';
import { Field } from '../../ui/field';

type ConnectionPickerProps = {
  id: string;
  label: string;
  value: string | null | undefined;
  onChange: (id: string | null) => void;
  /** What the empty choice means here ("Use the bot's default", "None"). */
  emptyLabel: string;
  hint?: string;
};

export function ConnectionPicker({ id, label, value, onChange, emptyLabel, hint }: ConnectionPickerProps) {
  const connections = useConnections();
  const { t } = useTranslation();
  const list = connections.data ?? [];
  const missing = value && connections.isSuccess && !list.some((c) => c.id === value);
  const chosen = list.find((c) => c.id === value);
  const warn = chosen && !chosen.isActive ? t('editor:pickers.deactivated') : undefined;
  const names = useMemberNames();
  // Whose key runs are billed to: the user's own, or a teammate's shared one.
  const whose = chosen ? t('teams:connections.whoseKey', { owner: ownerText(chosen, names) }) : undefined;
  return (
    <Field
      label={label}
      htmlFor={id}
      hint={connections.isError ? t('editor:pickers.loadError', { reason: errorText(connections.error) }) : (whose ?? hint)}
      error={missing ? t('editor:pickers.missing') : warn}
    >
      <select
        id={id}
        className="select"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        disabled={connections.isPending}
      >
        <option value="">{connections.isPending ? t('editor:pickers.loading') : emptyLabel}</option>
        {missing && <option value={value}>{t('editor:pickers.unknown')}</option>}
        {list.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} · {c.modelDefault}
            {c.isActive ? '' : t('editor:pickers.inactiveSuffix')}
          </option>
        ))}
      </select>
    </Field>
  );
}

type ModelPickerProps = {
  id: string;
  label: string;
  connectionId: string | null | undefined;
  value: string | null | undefined;
  onChange: (model: string | null) => void;
  hint?: string;
};

/** Suggests the models the connection lists, but accepts any id the provider understands. */
export function ModelPicker({ id, label, connectionId, value, onChange, hint }: ModelPickerProps) {
  const connections = useConnections();
  const { t } = useTranslation();
  const connection = connections.data?.find((c) => c.id === connectionId);
  const models = useQuery({
    queryKey: queryKeys.models(connectionId ?? ''),
    queryFn: () => llmConnectionsApi.models(connectionId!),
    enabled: Boolean(connectionId),
    staleTime: 5 * 60_000,
    select: (d) => d.models.map((m) => m.id),
  });
  const listId = `${id}-models`;
  const status = !connectionId
    ? hint
    : models.isPending
      ? t('editor:pickers.loadingModels')
      : models.isError
        ? t('editor:pickers.modelsError', { reason: errorText(models.error) })
        : t('editor:pickers.modelsAvailable', { count: models.data.length });
  return (
    <Field label={label} htmlFor={id} hint={status}>
      <input
        id={id}
        className="input"
        list={listId}
        autoComplete="off"
        value={value ?? ''}
        placeholder={
          connection ? t('editor:pickers.defaultModel', { model: connection.modelDefault }) : t('editor:pickers.connectionDefault')
        }
        onChange={(e) => onChange(e.target.value.trim() ? e.target.value : null)}
      />
      <datalist id={listId}>
        {(models.data ?? []).map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </Field>
  );
}

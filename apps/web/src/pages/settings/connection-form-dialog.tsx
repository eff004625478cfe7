import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { llmConnectionsApi } from '../../api/llm-connections';
import type { LlmConnection, LlmConnectionPatch, LlmProvider } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { ErrorAlert } from '../../ui/states';
import type { ConnectionFocus } from '../../api/connection-fix';
import { PROVIDER_ORDER, PROVIDERS, providerLabel } from './providers';
import { PricesEditor, priceRows, pricesOf } from '../usage/prices-editor';

function validUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

type Props = {
  existing?: LlmConnection;
  /** The field to start in (the one an error said to fix). */
  focus?: ConnectionFocus;
  onClose: () => void;
  /** After saving; `reachChanged` when the key, URL or model changed (worth a new test). */
  onSaved?: (connection: LlmConnection, reachChanged: boolean) => void;
};

/** Add a connection, or edit one (`existing`): the key is write-only and only replaced when typed. */
export function ConnectionFormDialog({ existing, focus, onClose, onSaved }: Props) {
  const { current: workspace } = useWorkspace();
  const workspaceId = workspace?.id;
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [provider, setProvider] = useState<LlmProvider>(existing?.provider ?? 'openai');
  const [name, setName] = useState(existing?.name ?? '');
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState(existing?.baseUrl ?? '');
  const [modelDefault, setModelDefault] = useState(existing?.modelDefault ?? '');
  const [shared, setShared] = useState(existing?.shared ?? false);
  const [touched, setTouched] = useState(false);
  const [prices, setPrices] = useState(() => priceRows(existing?.prices));
  const ownPrices = pricesOf(prices);
  const info = PROVIDERS[provider];
  const label = providerLabel(provider);

  const errors = {
    name: !name.trim() ? t('settings:form.nameRequired') : undefined,
    apiKey: !existing && info.keyRequired && !apiKey.trim() ? t('settings:form.keyRequired', { provider: label }) : undefined,
    baseUrl:
      info.baseUrlRequired && !baseUrl.trim()
        ? t('settings:form.baseUrlRequired')
        : baseUrl.trim() && !validUrl(baseUrl.trim())
          ? t('settings:form.baseUrlInvalid')
          : undefined,
    modelDefault: !modelDefault.trim() ? t('settings:form.modelRequired') : undefined,
    prices: ownPrices.invalid ? t('usage:prices.invalid') : undefined,
  };
  const valid = !Object.values(errors).some(Boolean);

  const save = useMutation({
    mutationFn: () => {
      if (existing) {
        const patch: LlmConnectionPatch = { name: name.trim(), baseUrl: baseUrl.trim() || null, modelDefault: modelDefault.trim() };
        if (shared !== existing.shared) patch.shared = shared;
        if (apiKey.trim()) patch.apiKey = apiKey.trim();
        if (JSON.stringify(ownPrices.prices) !== JSON.stringify(existing.prices ?? null)) patch.prices = ownPrices.prices;
        return llmConnectionsApi.update(existing.id, patch);
      }
      return llmConnectionsApi.create({
        provider,
        name: name.trim(),
        modelDefault: modelDefault.trim(),
        workspaceId,
        ...(shared ? { shared } : {}),
        ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
        ...(ownPrices.prices ? { prices: ownPrices.prices } : {}),
      });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.connectionsAll });
      if (existing) void queryClient.invalidateQueries({ queryKey: queryKeys.models(existing.id) });
      const reachChanged =
        !existing ||
        Boolean(apiKey.trim()) ||
        (baseUrl.trim() || null) !== existing.baseUrl ||
        modelDefault.trim() !== existing.modelDefault;
      onClose();
      onSaved?.(saved, reachChanged);
    },
  });
  const submit = () => {
    setTouched(true);
    if (valid) save.mutate();
  };
  const show = (e: string | undefined) => (touched ? e : undefined);

  return (
    <Modal
      title={existing ? t('settings:form.editTitle', { name: existing.name }) : t('settings:form.addTitle')}
      description={t('settings:form.description')}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {existing ? t('settings:form.saveChanges') : t('settings:form.add')}
          </Button>
        </>
      }
    >
      <ErrorAlert error={save.error} />
      <Field label={t('settings:form.provider')} htmlFor="conn-provider" hint={existing ? t('settings:form.providerFixed') : undefined}>
        <select
          id="conn-provider"
          className="select"
          value={provider}
          disabled={Boolean(existing)}
          onChange={(e) => setProvider(e.target.value as LlmProvider)}
        >
          {PROVIDER_ORDER.map((p) => (
            <option key={p} value={p}>
              {providerLabel(p)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('settings:form.name')} htmlFor="conn-name" required error={show(errors.name)}>
        <input
          id="conn-name"
          className="input"
          placeholder={t('settings:form.namePlaceholder', { provider: label })}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field
        label={t('settings:form.apiKey')}
        htmlFor="conn-key"
        required={!existing && info.keyRequired}
        error={show(errors.apiKey)}
        hint={
          existing
            ? t('settings:form.storedKey', { hint: existing.keyHint ?? t('settings:connection.none') })
            : info.keyRequired
              ? undefined
              : t('settings:form.keyOptional')
        }
      >
        <input
          id="conn-key"
          data-autofocus={focus === 'apiKey' || undefined}
          className="input"
          type="password"
          autoComplete="new-password"
          placeholder={existing?.keyHint ? t('settings:form.keepKey', { hint: existing.keyHint }) : 'sk-…'}
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
        />
      </Field>
      <Field
        label={info.baseUrlRequired ? t('settings:form.baseUrl') : t('settings:form.baseUrlOptional')}
        htmlFor="conn-base"
        required={info.baseUrlRequired}
        error={show(errors.baseUrl)}
        hint={t(info.baseUrlHint)}
      >
        <input
          id="conn-base"
          data-autofocus={focus === 'baseUrl' || undefined}
          className="input"
          type="url"
          placeholder={info.baseUrlPlaceholder}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </Field>
      <Field
        label={t('settings:form.model')}
        htmlFor="conn-model"
        required
        error={show(errors.modelDefault)}
        hint={t('settings:form.modelHint')}
      >
        <input
          id="conn-model"
          data-autofocus={focus === 'modelDefault' || undefined}
          className="input"
          placeholder={info.modelPlaceholder}
          value={modelDefault}
          onChange={(e) => setModelDefault(e.target.value)}
        />
      </Field>
      <PricesEditor rows={prices} onChange={setPrices} error={show(errors.prices)} />
      {/* Sharing decides whose money the workspace spends: an admin's or owner's choice (the server agrees). */}
      {workspace && !workspace.personal && can(workspace.role, 'connections.share') && (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            {t('settings:form.share', { workspace: workspace.name })}
          </label>
          <div className="field-hint">{t('settings:form.shareHint')}</div>
        </div>
      )}
    </Modal>
  );
}

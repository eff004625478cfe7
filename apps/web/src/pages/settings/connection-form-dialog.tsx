import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { llmConnectionsApi } from '../../api/llm-connections';
import type { LlmConnection, LlmConnectionPatch, LlmProvider } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { ErrorAlert } from '../../ui/states';
import type { ConnectionFocus } from '../../api/connection-fix';
import { PROVIDER_ORDER, PROVIDERS } from './providers';

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
  const [provider, setProvider] = useState<LlmProvider>(existing?.provider ?? 'openai');
  const [name, setName] = useState(existing?.name ?? '');
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState(existing?.baseUrl ?? '');
  const [modelDefault, setModelDefault] = useState(existing?.modelDefault ?? '');
  const [shared, setShared] = useState(existing?.shared ?? false);
  const [touched, setTouched] = useState(false);
  const info = PROVIDERS[provider];

  const errors = {
    name: !name.trim() ? 'Give it a name you will recognise.' : undefined,
    apiKey: !existing && info.keyRequired && !apiKey.trim() ? `${info.label} needs an API key.` : undefined,
    baseUrl:
      info.baseUrlRequired && !baseUrl.trim()
        ? 'Required for this provider.'
        : baseUrl.trim() && !validUrl(baseUrl.trim())
          ? 'Enter a full http(s) URL.'
          : undefined,
    modelDefault: !modelDefault.trim() ? 'Which model to use when a node does not say.' : undefined,
  };
  const valid = !Object.values(errors).some(Boolean);

  const save = useMutation({
    mutationFn: () => {
      if (existing) {
        const patch: LlmConnectionPatch = { name: name.trim(), baseUrl: baseUrl.trim() || null, modelDefault: modelDefault.trim() };
        if (shared !== existing.shared) patch.shared = shared;
        if (apiKey.trim()) patch.apiKey = apiKey.trim();
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
      });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.connectionsAll });
      if (existing) void queryClient.invalidateQueries({ queryKey: queryKeys.models(existing.id) });
      const reachChanged =
        !existing || Boolean(apiKey.trim()) || (baseUrl.trim() || null) !== existing.baseUrl || modelDefault.trim() !== existing.modelDefault;
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
      title={existing ? `Edit “${existing.name}”` : 'Add an LLM connection'}
      description="Your key is encrypted at rest and never shown again. Runs that use this connection are billed to your provider account."
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {existing ? 'Save changes' : 'Add connection'}
          </Button>
        </>
      }
    >
      <ErrorAlert error={save.error} />
      <Field label="Provider" htmlFor="conn-provider" hint={existing ? 'The provider of a connection cannot change; add a new one instead.' : undefined}>
        <select id="conn-provider" className="select" value={provider} disabled={Boolean(existing)} onChange={(e) => setProvider(e.target.value as LlmProvider)}>
          {PROVIDER_ORDER.map((p) => (
            <option key={p} value={p}>
              {PROVIDERS[p].label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Name" htmlFor="conn-name" required error={show(errors.name)}>
        <input id="conn-name" className="input" placeholder={`My ${info.label} account`} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field
        label="API key"
        htmlFor="conn-key"
        required={!existing && info.keyRequired}
        error={show(errors.apiKey)}
        hint={existing ? `Stored key: ${existing.keyHint ?? 'none'}. Leave empty to keep it.` : info.keyRequired ? undefined : 'Only if your server asks for one.'}
      >
        <input id="conn-key" data-autofocus={focus === 'apiKey' || undefined} className="input" type="password" autoComplete="new-password" placeholder={existing?.keyHint ? `Keep ${existing.keyHint}` : 'sk-…'} value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
      </Field>
      <Field label={info.baseUrlRequired ? 'Base URL' : 'Base URL (gateway or proxy)'} htmlFor="conn-base" required={info.baseUrlRequired} error={show(errors.baseUrl)} hint={info.baseUrlHint}>
        <input id="conn-base" data-autofocus={focus === 'baseUrl' || undefined} className="input" type="url" placeholder={info.baseUrlPlaceholder} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
      </Field>
      <Field label="Default model" htmlFor="conn-model" required error={show(errors.modelDefault)} hint="Used when a node or bot does not name a model.">
        <input id="conn-model" data-autofocus={focus === 'modelDefault' || undefined} className="input" placeholder={info.modelPlaceholder} value={modelDefault} onChange={(e) => setModelDefault(e.target.value)} />
      </Field>
      {workspace && !workspace.personal && (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            Let everyone in “{workspace.name}” use this connection
          </label>
          <div className="field-hint">They can run bots with it, billed to this key. The key itself stays hidden from them too.</div>
        </div>
      )}
    </Modal>
  );
}

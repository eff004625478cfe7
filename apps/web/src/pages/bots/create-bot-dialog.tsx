import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { useConnections } from '../../api/use-connections';
import { useNodeTypes } from '../../api/use-node-types';
import { STARTER_TEMPLATES } from '../../editor/starter-graph';
import { useWorkspaceId } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Alert, ErrorAlert } from '../../ui/states';
import { Modal } from '../../ui/modal';

export function CreateBotDialog({ onClose }: { onClose: () => void }) {
  const workspaceId = useWorkspaceId();
  const nodeTypes = useNodeTypes();
  const connections = useConnections();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [connectionId, setConnectionId] = useState<string>('');
  const [templateId, setTemplateId] = useState<string>(STARTER_TEMPLATES[0].id);
  const template = STARTER_TEMPLATES.find((x) => x.id === templateId) ?? STARTER_TEMPLATES[0];
  const active = (connections.data ?? []).filter((c) => c.isActive);
  const chosen = connectionId || active[0]?.id || '';
  // The server refuses to store an LLM node without a connection, and every starter has one.
  const needsConnection = connections.isSuccess && active.length === 0;

  const create = useMutation({
    mutationFn: () => {
      const catalogue = Object.fromEntries((nodeTypes.data ?? []).map((d) => [d.id, d]));
      return botsApi.create({
        name: name.trim(),
        description: description.trim() || undefined,
        workspaceId,
        graph: template.build(catalogue),
        llmConnectionId: chosen || null,
      });
    },
    onSuccess: async (bot) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
      queryClient.setQueryData(queryKeys.bot(bot.id), bot);
      navigate(`/bots/${bot.id}`);
    },
  });

  return (
    <Modal
      title={t('pages:createBot.title')}
      description={t('pages:createBot.description')}
      wide
      onClose={onClose}
      onSubmit={() => name.trim() && create.mutate()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            loading={create.isPending}
            disabled={!name.trim() || nodeTypes.isPending || needsConnection}
          >
            {t('pages:createBot.submit')}
          </Button>
        </>
      }
    >
      {needsConnection && (
        <Alert kind="info" title={t('pages:createBot.connectFirst')}>
          <Trans i18nKey="pages:createBot.connectFirstBody" components={{ a: <Link to="/settings/connections" /> }} />
        </Alert>
      )}
      <ErrorAlert error={create.error} />
      <Field label={t('pages:createBot.name')} htmlFor="bot-name" required>
        <input
          id="bot-name"
          data-autofocus
          className="input"
          placeholder={t('pages:createBot.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field label={t('pages:createBot.description_label')} htmlFor="bot-description">
        <textarea
          id="bot-description"
          className="textarea"
          rows={2}
          style={{ minHeight: 60 }}
          placeholder={t('pages:createBot.descriptionPlaceholder')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <fieldset className="starter-picker">
        <legend className="field-label">{t('pages:createBot.startFrom')}</legend>
        <div className="starter-options">
          {STARTER_TEMPLATES.map((x) => (
            <label key={x.id} className={`starter-option${x.id === template.id ? ' selected' : ''}`} data-template={x.id}>
              <input type="radio" name="bot-template" value={x.id} checked={x.id === template.id} onChange={() => setTemplateId(x.id)} />
              <span className="starter-option-title">{t(x.titleKey)}</span>
              <span className="starter-option-desc">{t(x.descriptionKey)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label={t('pages:createBot.connection')}
        htmlFor="bot-connection"
        hint={active.length === 0 ? t('pages:createBot.noActive') : t('pages:createBot.connectionHint')}
      >
        <select
          id="bot-connection"
          className="select"
          value={chosen}
          onChange={(e) => setConnectionId(e.target.value)}
          disabled={active.length === 0}
        >
          {active.length === 0 && <option value="">{t('pages:createBot.none')}</option>}
          {active.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {c.modelDefault}
            </option>
          ))}
        </select>
      </Field>
    </Modal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { useConnections } from '../../api/use-connections';
import { useNodeTypes } from '../../api/use-node-types';
import { starterGraph } from '../../editor/starter-graph';
import { useWorkspaceId } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Alert, ErrorAlert } from '../../ui/states';
import { Modal } from '../../ui/modal';
import { Icon } from '../../ui/icons';
import type { Template } from '@bm/contract';
import { TemplateGallery } from '../templates/template-gallery';
import { TemplatePreviewDialog } from '../templates/template-preview-dialog';
import { UseTemplateDialog } from '../templates/use-template-dialog';

/** The blank bot: manual input → LLM chat → results inbox, with the connection its LLM step uses. */
function BlankBotDialog({ onClose, onBack }: { onClose: () => void; onBack: () => void }) {
  const workspaceId = useWorkspaceId();
  const nodeTypes = useNodeTypes();
  const connections = useConnections();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [connectionId, setConnectionId] = useState<string>('');
  const active = (connections.data ?? []).filter((c) => c.isActive);
  const chosen = connectionId || active[0]?.id || '';
  // The server refuses to store an LLM node without a connection, and the blank bot has one.
  const needsConnection = connections.isSuccess && active.length === 0;

  const create = useMutation({
    mutationFn: () => {
      const catalogue = Object.fromEntries((nodeTypes.data ?? []).map((d) => [d.id, d]));
      return botsApi.create({
        name: name.trim(),
        description: description.trim() || undefined,
        workspaceId,
        graph: starterGraph(catalogue),
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
      title={t('gallery:blank.formTitle')}
      description={t('gallery:blank.description')}
      wide
      onClose={onClose}
      onSubmit={() => name.trim() && create.mutate()}
      footer={
        <>
          <Button icon="chevronLeft" onClick={onBack} className="footer-start">
            {t('gallery:use.back')}
          </Button>
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

type Step = { kind: 'gallery' } | { kind: 'blank' } | { kind: 'preview'; template: Template } | { kind: 'use'; template: Template };

/**
 * "New bot" opens on the template gallery: a template goes on to its slot mapping, and a blank bot
 * is the first card (one click away, as before the gallery).
 */
export function CreateBotDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'gallery' });
  const back = () => setStep({ kind: 'gallery' });
  if (step.kind === 'blank') return <BlankBotDialog onClose={onClose} onBack={back} />;
  if (step.kind === 'use') return <UseTemplateDialog template={step.template} onClose={onClose} onBack={back} />;
  if (step.kind === 'preview')
    return (
      <TemplatePreviewDialog template={step.template} onClose={back} onUse={() => setStep({ kind: 'use', template: step.template })} />
    );
  return (
    <Modal title={t('pages:createBot.title')} description={t('pages:createBot.description')} wide="xl" onClose={onClose}>
      <TemplateGallery
        onUse={(template) => setStep({ kind: 'use', template })}
        onPreview={(template) => setStep({ kind: 'preview', template })}
        leading={
          <button
            type="button"
            className="card template-card blank-card"
            data-testid="blank-bot"
            onClick={() => setStep({ kind: 'blank' })}
          >
            <span className="blank-icon" aria-hidden="true">
              <Icon name="plus" />
            </span>
            <span className="blank-title">{t('gallery:blank.title')}</span>
            <span className="desc">{t('gallery:blank.cardDescription')}</span>
          </button>
        }
      />
    </Modal>
  );
}

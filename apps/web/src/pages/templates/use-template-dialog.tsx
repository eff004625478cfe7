import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Template } from '@bm/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { templatesApi } from '../../api/templates';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { DetailedError } from '../../ui/detailed-error';
import { LoadingState } from '../../ui/states';
import { SlotFields } from './slot-fields';
import { TemplateNodes } from './template-nodes';
import { useSlotMapping } from './use-slot-mapping';

/**
 * "Use template": name the new bot and bind each of the template's slots to one of the user's
 * connections and workspace secrets, then create it and open it in the editor.
 */
export function UseTemplateDialog({ template, onClose, onBack }: { template: Template; onClose: () => void; onBack?: () => void }) {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(template.name);
  const slots = useSlotMapping(template.slots, template.secretSlots);
  const mayCreate = can(current?.role, 'bots.write');

  const create = useMutation({
    mutationFn: () =>
      templatesApi.instantiate(template.id, {
        workspaceId: current?.id,
        name: name.trim() || undefined,
        connections: slots.mapping.connections,
        ...(template.secretSlots.length ? { secrets: slots.mapping.secrets } : {}),
      }),
    onSuccess: async (bot) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
      queryClient.setQueryData(queryKeys.bot(bot.id), bot);
      navigate(`/bots/${bot.id}`);
    },
  });
  const ready = mayCreate && slots.complete && !!name.trim() && !slots.loading;

  return (
    <Modal
      title={t('gallery:use.title', { name: template.name })}
      description={template.description || undefined}
      wide
      onClose={onClose}
      onSubmit={() => ready && create.mutate()}
      footer={
        <>
          {onBack && (
            <Button icon="chevronLeft" onClick={onBack} className="footer-start">
              {t('gallery:use.back')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            loading={create.isPending}
            disabled={!ready}
            title={mayCreate ? undefined : t('teams:roleGate.editorsOnly')}
          >
            {t('gallery:use.submit')}
          </Button>
        </>
      }
    >
      <div data-testid="use-template-dialog" data-template={template.builtinKey ?? template.id} className="stack">
        <TemplateNodes template={template} />
        <Field label={t('gallery:use.name')} htmlFor="template-bot-name" required>
          <input id="template-bot-name" data-autofocus className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <section className="stack-sm" aria-labelledby="slot-heading">
          <h3 id="slot-heading" className="section-title">
            {t('gallery:use.slotsTitle')}
          </h3>
          {slots.loading ? (
            <LoadingState label={t('gallery:use.loadingConnections')} />
          ) : (
            <SlotFields
              slots={template.slots}
              secretSlots={template.secretSlots}
              connections={slots.connections}
              secrets={slots.secrets}
              secretsUnavailable={slots.secretsUnavailable}
              mapping={slots.mapping}
              onChange={slots.setMapping}
            />
          )}
        </section>
        <DetailedError error={create.error ?? slots.error} />
      </div>
    </Modal>
  );
}

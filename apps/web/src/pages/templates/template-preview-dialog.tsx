import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Template } from '@bm/contract';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { templatesApi } from '../../api/templates';
import { useNodeTypes } from '../../api/use-node-types';
import { errorText } from '../../i18n/error-text';
import { t as tr } from '../../i18n/i18n';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { JsonView } from '../../ui/json-view';
import { Modal } from '../../ui/modal';
import { LoadingState } from '../../ui/states';
import { toast } from '../../ui/toast';
import { providerLabel } from '../settings/providers';
import { categoryLabel } from './category-label';
import { ScopeBadge } from './template-card';
import { TemplateNodes } from './template-nodes';
import { useInstallationAdmin } from './use-templates';

// React Flow stays out of the main chunk until a graph is shown.
const GraphPreview = lazy(() => import('./graph-preview'));

/** A template up close: its graph (read-only), what it needs, and its sample input. */
export function TemplatePreviewDialog({ template, onClose, onUse }: { template: Template; onClose: () => void; onUse: () => void }) {
  const { t } = useTranslation();
  const catalogue = useNodeTypes();
  const role = useWorkspace().current?.role;
  const mayUse = can(role, 'bots.write');
  // Built-ins ship with the app; installation templates are their admins' to remove.
  const admin = useInstallationAdmin(template.scope === 'installation' && mayUse);
  const mayUnpublish = mayUse && (template.scope === 'workspace' || (template.scope === 'installation' && admin.data === true));
  const queryClient = useQueryClient();
  const unpublish = useMutation({
    mutationFn: () => templatesApi.remove(template.id),
    onSuccess: async () => {
      toast.info(tr('gallery:preview.unpublished', { name: template.name }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.templatesAll });
      onClose();
    },
    onError: (err) => toast.error(tr('gallery:preview.unpublishFailed', { reason: errorText(err) })),
  });
  return (
    <Modal
      title={template.name}
      description={template.description || undefined}
      wide="xl"
      onClose={onClose}
      footer={
        <>
          {mayUnpublish && (
            <span className="footer-start">
              <ConfirmButton
                icon="trash"
                variant="ghost"
                confirmLabel={t('gallery:preview.unpublishConfirm')}
                loading={unpublish.isPending}
                onConfirm={() => unpublish.mutate()}
              >
                {t('gallery:preview.unpublish')}
              </ConfirmButton>
            </span>
          )}
          <Button onClick={onClose}>{t('common:actions.close')}</Button>
          <Button variant="primary" onClick={onUse} disabled={!mayUse} title={mayUse ? undefined : t('teams:roleGate.editorsOnly')}>
            {t('gallery:card.use')}
          </Button>
        </>
      }
    >
      <div className="stack" data-testid="template-preview">
        <div className="row-wrap">
          <ScopeBadge scope={template.scope} />
          <span className="badge">{categoryLabel(template.category)}</span>
          <span className="small muted">{t('gallery:preview.version', { version: template.version })}</span>
        </div>
        {catalogue.data ? (
          <Suspense fallback={<LoadingState />}>
            <GraphPreview graph={template.graph} catalogue={catalogue.data} />
          </Suspense>
        ) : (
          <LoadingState />
        )}
        <TemplateNodes template={template} />
        <div className="template-needs-list">
          <h3 className="section-title">{t('gallery:preview.needs')}</h3>
          {template.slots.length === 0 && template.secretSlots.length === 0 ? (
            <p className="muted small">{t('gallery:slots.none')}</p>
          ) : (
            <ul>
              {template.slots.map((s) => (
                <li key={s.key}>
                  {t('gallery:slots.connectionLabel', {
                    label: s.label,
                    provider: s.provider === 'any' ? t('gallery:slots.anyProvider') : providerLabel(s.provider),
                  })}
                  {s.purpose && <span className="muted"> · {t('gallery:slots.purpose', { purpose: s.purpose })}</span>}
                </li>
              ))}
              {template.secretSlots.map((name) => (
                <li key={name}>
                  {t('gallery:preview.secret')} <code className="mono">{name}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
        {template.sampleInput != null && (
          <JsonView value={template.sampleInput} label={t('gallery:preview.sampleInput')} defaultOpen={false} />
        )}
      </div>
    </Modal>
  );
}

import type { Template } from '@bm/contract';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeTypes } from '../../api/use-node-types';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { JsonView } from '../../ui/json-view';
import { Modal } from '../../ui/modal';
import { LoadingState } from '../../ui/states';
import { providerLabel } from '../settings/providers';
import { categoryLabel } from './category-label';
import { ScopeBadge } from './template-card';
import { TemplateNodes } from './template-nodes';

// React Flow stays out of the main chunk until a graph is shown.
const GraphPreview = lazy(() => import('./graph-preview'));

/** A template up close: its graph (read-only), what it needs, and its sample input. */
export function TemplatePreviewDialog({ template, onClose, onUse }: { template: Template; onClose: () => void; onUse: () => void }) {
  const { t } = useTranslation();
  const catalogue = useNodeTypes();
  const mayUse = can(useWorkspace().current?.role, 'bots.write');
  return (
    <Modal
      title={template.name}
      description={template.description || undefined}
      wide="xl"
      onClose={onClose}
      footer={
        <>
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
        {template.sampleInput != null && <JsonView value={template.sampleInput} label={t('gallery:preview.sampleInput')} defaultOpen={false} />}
      </div>
    </Modal>
  );
}

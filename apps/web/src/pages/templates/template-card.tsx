import type { Template, TemplateScope } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { providerLabel } from '../settings/providers';
import { categoryLabel } from './category-label';
import { TemplateNodes } from './template-nodes';

export const SCOPE_KEYS = {
  builtin: 'gallery:scope.builtin',
  installation: 'gallery:scope.installation',
  workspace: 'gallery:scope.workspace',
} as const satisfies Record<TemplateScope, string>;

const SCOPE_HINT_KEYS = {
  builtin: 'gallery:scope.builtinHint',
  installation: 'gallery:scope.installationHint',
  workspace: 'gallery:scope.workspaceHint',
} as const satisfies Record<TemplateScope, string>;

export function ScopeBadge({ scope }: { scope: TemplateScope }) {
  const { t } = useTranslation();
  return (
    <span className={`badge scope-${scope}`} title={t(SCOPE_HINT_KEYS[scope])} data-testid="template-scope">
      {t(SCOPE_KEYS[scope])}
    </span>
  );
}

/** What the template needs from the user, in a line: "Needs an OpenAI connection · 1 secret". */
function NeedsLine({ template }: { template: Template }) {
  const { t } = useTranslation();
  if (template.slots.length === 0 && template.secretSlots.length === 0) return null;
  const providers = [
    ...new Set(template.slots.map((s) => (s.provider === 'any' ? t('gallery:slots.anyProvider') : providerLabel(s.provider)))),
  ];
  const parts = [
    template.slots.length ? t('gallery:card.needsConnections', { count: template.slots.length, providers: providers.join(', ') }) : '',
    template.secretSlots.length ? t('gallery:card.needsSecrets', { count: template.secretSlots.length }) : '',
  ];
  return <div className="small muted template-needs">{parts.filter(Boolean).join(' · ')}</div>;
}

export function TemplateCard({
  template,
  onUse,
  onPreview,
  mayUse,
}: {
  template: Template;
  onUse: () => void;
  onPreview: () => void;
  mayUse: boolean;
}) {
  const { t } = useTranslation();
  const titleId = `template-title-${template.id}`;
  return (
    <article
      className="card template-card"
      aria-labelledby={titleId}
      data-testid="template-card"
      data-template={template.builtinKey ?? template.id}
    >
      <div className="row template-card-head">
        <h3 id={titleId} title={template.name}>
          {template.name}
        </h3>
        <span className="spacer" />
        <ScopeBadge scope={template.scope} />
      </div>
      <div className="template-category small muted">{categoryLabel(template.category)}</div>
      <p className="desc">{template.description || <span className="faint">{t('gallery:card.noDescription')}</span>}</p>
      <TemplateNodes template={template} compact />
      <NeedsLine template={template} />
      <div className="row template-card-actions">
        <Button size="sm" icon="eye" onClick={onPreview} aria-label={t('gallery:card.previewLabel', { name: template.name })}>
          {t('gallery:card.preview')}
        </Button>
        <span className="spacer" />
        <Button
          size="sm"
          variant="primary"
          onClick={onUse}
          disabled={!mayUse}
          title={mayUse ? undefined : t('teams:roleGate.editorsOnly')}
          aria-label={t('gallery:card.useLabel', { name: template.name })}
        >
          {t('gallery:card.use')}
        </Button>
      </div>
    </article>
  );
}

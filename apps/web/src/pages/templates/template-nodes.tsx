import type { Template } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { useNodeTypes } from '../../api/use-node-types';
import { NodeIcon } from '../../ui/node-icon';

/** The node types a template uses, as the canvas shows them: the category colour, icon and title. */
export function TemplateNodes({ template, compact }: { template: Pick<Template, 'nodesUsed'>; compact?: boolean }) {
  const { t } = useTranslation();
  const catalogue = useNodeTypes().data;
  return (
    <ul className={compact ? 'template-nodes compact' : 'template-nodes'} aria-label={t('gallery:card.nodes')} data-testid="template-nodes">
      {template.nodesUsed.map((type) => {
        const def = catalogue?.find((d) => d.id === type);
        const title = def?.title ?? type;
        return (
          <li key={type} className={`template-node cat-${def?.category ?? 'transform'}`} title={title} data-node-type={type}>
            <span className="glyph" aria-hidden="true">
              <NodeIcon name={def?.display.icon} size={compact ? 12 : 14} />
            </span>
            {/* An unknown type shows its id, which is not text to translate. */}
            <span className="truncate" translate={def ? undefined : 'no'}>
              {title}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

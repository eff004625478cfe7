import type { Template } from '@bm/contract';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeTypes } from '../../api/use-node-types';
import { can } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Icon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { categoryLabel } from './category-label';
import { categoriesOf, filterTemplates } from './gallery-filter';
import { TemplateCard } from './template-card';
import { useTemplates } from './use-templates';
import './templates.css';

type Props = {
  onUse: (template: Template) => void;
  onPreview: (template: Template) => void;
  /** A card before the templates (the New bot dialog's "Blank bot"). */
  leading?: ReactNode;
};

/** Search, a category filter and the cards: the Templates page and the New bot dialog both show this. */
export function TemplateGallery({ onUse, onPreview, leading }: Props) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const catalogue = useNodeTypes().data;
  const mayUse = can(useWorkspace().current?.role, 'bots.write');
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const all = useMemo(() => templates.data ?? [], [templates.data]);
  const categories = useMemo(() => categoriesOf(all), [all]);
  const shown = useMemo(() => {
    const nodeTitle = (type: string) => catalogue?.find((d) => d.id === type)?.title ?? type;
    return filterTemplates(all, query, category, { nodeTitle, categoryName: categoryLabel });
  }, [all, query, category, catalogue]);

  // The leading card stays reachable whatever the templates do: a blank bot needs none of them.
  if (templates.isPending || templates.isError)
    return (
      <div className="template-gallery stack" data-testid="template-gallery">
        {leading && <div className="template-grid">{leading}</div>}
        {templates.isPending ? (
          <LoadingState label={t('gallery:gallery.loading')} />
        ) : (
          <ErrorState error={templates.error} title={t('gallery:gallery.loadError')} onRetry={() => templates.refetch()} />
        )}
      </div>
    );
  const filtered = query.trim() !== '' || category !== null;
  return (
    <div className="template-gallery stack" data-testid="template-gallery">
      <div className="gallery-filters">
        <label className="search-field">
          <Icon name="search" />
          <span className="visually-hidden">{t('gallery:gallery.search')}</span>
          <input
            type="search"
            className="input"
            placeholder={t('gallery:gallery.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {categories.length > 1 && (
          <div className="category-chips" role="group" aria-label={t('gallery:gallery.categories')}>
            <button type="button" className="chip" aria-pressed={category === null} onClick={() => setCategory(null)}>
              {t('gallery:gallery.allCategories')}
            </button>
            {categories.map((c) => (
              <button
                key={c}
                type="button"
                className="chip"
                aria-pressed={category === c}
                onClick={() => setCategory(category === c ? null : c)}
              >
                {categoryLabel(c)}
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="small muted" aria-live="polite" data-testid="gallery-count">
        {t('gallery:gallery.count', { count: shown.length })}
      </div>
      {shown.length === 0 && !leading ? (
        filtered ? (
          <EmptyState
            icon="search"
            title={t('gallery:gallery.noMatch')}
            action={
              <Button
                size="sm"
                onClick={() => {
                  setQuery('');
                  setCategory(null);
                }}
              >
                {t('gallery:gallery.clear')}
              </Button>
            }
          >
            {t('gallery:gallery.noMatchBody')}
          </EmptyState>
        ) : (
          <EmptyState icon="grid" title={t('gallery:gallery.empty')}>
            {t('gallery:gallery.emptyBody')}
          </EmptyState>
        )
      ) : (
        <div className="template-grid">
          {leading}
          {shown.map((tpl) => (
            <TemplateCard key={tpl.id} template={tpl} mayUse={mayUse} onUse={() => onUse(tpl)} onPreview={() => onPreview(tpl)} />
          ))}
        </div>
      )}
    </div>
  );
}

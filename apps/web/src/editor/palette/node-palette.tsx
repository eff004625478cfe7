import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { CATEGORY_HINT, CATEGORY_LABEL, CATEGORY_ORDER, glyphFor } from '../canvas/category';
import { DND_MIME } from '../canvas/editor-canvas';
import { useEditorStore } from '../store/editor-store';

function PaletteItem({ def, onAdd }: { def: NodeTypeDef; onAdd: (type: string) => void }) {
  const { t } = useTranslation();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DND_MIME, def.id);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className={`palette-item cat-${def.category}`}
      draggable
      onDragStart={onDragStart}
      onClick={() => onAdd(def.id)}
      data-node-type={def.id}
      title={t('editor:palette.itemTitle', { description: def.description })}
    >
      <span className="glyph" style={{ background: 'var(--cat)' }}>
        {glyphFor(def.id, def.title)}
      </span>
      <span style={{ minWidth: 0 }}>
        <span className="t">{def.title}</span>
        <span className="d">{def.description}</span>
      </span>
    </button>
  );
}

/**
 * The node catalogue served by the API, grouped by category. `accept` narrows it (the "+" on an
 * output handle lists only the types that can take that port).
 */
export function NodePalette({ onAdd, accept }: { onAdd: (type: string) => void; accept?: (def: NodeTypeDef) => boolean }) {
  const nodeTypes = useEditorStore((s) => s.nodeTypes);
  const [query, setQuery] = useState('');
  const { t } = useTranslation();
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = Object.values(nodeTypes).filter(
      (d) =>
        (!accept || accept(d)) && (!q || d.title.toLowerCase().includes(q) || d.id.includes(q) || d.description.toLowerCase().includes(q)),
    );
    return CATEGORY_ORDER.map((category) => ({ category, items: all.filter((d) => d.category === category) })).filter(
      (g) => g.items.length > 0,
    );
  }, [nodeTypes, query, accept]);

  return (
    <aside className="palette" aria-label={t('editor:palette.label')}>
      <div className="palette-search">
        <input
          className="input"
          type="search"
          placeholder={t('editor:palette.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={t('editor:palette.search')}
        />
      </div>
      <div className="palette-list">
        {groups.length === 0 && (
          <p className="muted small" style={{ padding: 8 }}>
            {t('editor:palette.noMatch', { query })}
          </p>
        )}
        {groups.map((g) => (
          <section key={g.category} className="palette-group">
            <h4 className={`cat-${g.category}`} title={t(CATEGORY_HINT[g.category])}>
              <span className="swatch" style={{ background: 'var(--cat)' }} />
              {t(CATEGORY_LABEL[g.category])}
            </h4>
            {g.items.map((def) => (
              <PaletteItem key={def.id} def={def} onAdd={onAdd} />
            ))}
          </section>
        ))}
      </div>
      <div className="palette-foot">{t('editor:palette.foot')}</div>
    </aside>
  );
}

import { PanelLeftClose } from 'lucide-react';
import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { NodeIcon } from '../../ui/node-icon';
import { PANEL_SHORTCUTS } from '../../layout/side-panels';
import { useSession } from '../../session/use-session';
import { CATEGORY_HINT, CATEGORY_LABEL, CATEGORY_ORDER } from '../canvas/category';
import { DND_MIME } from '../canvas/editor-canvas';
import { useEditorStore } from '../store/editor-store';
import { paletteEntries, type PaletteEntry } from './palette-entries';
import { readRecent, rememberRecent } from './recent';
import { asksForSchedule, searchNodeTypes } from './search';

export interface NodePaletteProps {
  /** Adds a node of this type (after the selected node, else at the canvas centre). */
  onAdd: (type: string) => void;
  /** Folds the palette to its rail (the editor page owns that state). */
  onCollapse?: () => void;
  /** Narrows the list (the "+" on an output handle lists only the types that can take that port). */
  accept?: (def: NodeTypeDef) => boolean;
}

const ITEM = '[data-palette-item]';

interface ItemProps {
  def: NodeTypeDef;
  onAdd: (type: string) => void;
  /** A drag that the canvas took (it answers dragover with "copy"): the type counts as used. */
  onDropped: (type: string) => void;
}

function PaletteItem({ def, onAdd, onDropped }: ItemProps) {
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
      onDragEnd={(e) => e.dataTransfer.dropEffect !== 'none' && onDropped(def.id)}
      onClick={() => onAdd(def.id)}
      data-node-type={def.id}
      data-palette-item=""
      title={t('editor:palette.itemTitle', { description: def.description })}
    >
      <span className="glyph">
        <NodeIcon name={def.display.icon} />
      </span>
      <span style={{ minWidth: 0 }}>
        <span className="t">{def.title}</span>
        <span className="d">{def.description}</span>
      </span>
    </button>
  );
}

/** Arrow keys walk the items (and back up to the search field); Enter and Space are the buttons' own. */
function moveFocus(e: KeyboardEvent<HTMLElement>, list: HTMLElement | null, search: HTMLInputElement | null) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
  const items = [...(list?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
  if (items.length === 0) return;
  e.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (e.key === 'Home') return items[0]!.focus();
  if (e.key === 'End') return items.at(-1)!.focus();
  if (e.key === 'ArrowUp' && at <= 0) return search?.focus();
  items[Math.min(items.length - 1, e.key === 'ArrowDown' ? at + 1 : at - 1)]!.focus();
}

/** The node catalogue served by the API: recently used first, then by category; or ranked search results. */
export function NodePalette({ onAdd, onCollapse, accept }: NodePaletteProps) {
  const nodeTypes = useEditorStore((s) => s.nodeTypes);
  const userId = useSession().data?.user.id;
  const [query, setQuery] = useState('');
  const [recent, setRecent] = useState(() => readRecent(userId));
  const { t, i18n } = useTranslation();
  const { botId } = useParams();
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const { entries, categoryNames } = useMemo(
    () =>
      paletteEntries(
        Object.values(nodeTypes).filter((d) => !accept || accept(d)),
        i18n,
      ),
    [nodeTypes, i18n, accept],
  );
  const hits = useMemo(() => searchNodeTypes<PaletteEntry>(entries, query, categoryNames), [entries, query, categoryNames]);
  const searching = query.trim() !== '';
  const groups = useMemo(() => {
    const all = entries.map((e) => e.def);
    const recentDefs = recent.map((id) => nodeTypes[id]).filter((d): d is NodeTypeDef => d !== undefined && (!accept || accept(d)));
    return [
      ...(recentDefs.length ? [{ key: 'recent', label: t('editor:palette.recent'), hint: undefined, items: recentDefs }] : []),
      ...CATEGORY_ORDER.map((category) => ({
        key: category,
        label: t(CATEGORY_LABEL[category]),
        hint: t(CATEGORY_HINT[category]),
        items: all.filter((d) => d.category === category),
      })).filter((g) => g.items.length > 0),
    ];
  }, [entries, recent, nodeTypes, accept, t]);

  const remember = (type: string) => setRecent(rememberRecent(userId, type));
  const add = (type: string) => {
    remember(type);
    onAdd(type);
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing && hits[0]) {
      e.preventDefault();
      add(hits[0].entry.def.id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    } else if (e.key === 'ArrowDown') moveFocus(e, listRef.current, searchRef.current);
  };

  return (
    <aside className="palette" aria-label={t('editor:palette.label')}>
      <div className="palette-search">
        <input
          ref={searchRef}
          className="input"
          type="search"
          placeholder={t('editor:palette.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          aria-label={t('editor:palette.search')}
          aria-describedby="palette-keyboard-hint"
          data-testid="palette-search"
        />
        {onCollapse && (
          <button
            type="button"
            className="btn btn-ghost btn-sm btn-icon"
            onClick={onCollapse}
            title={`${t('editor:palette.collapse')} (${PANEL_SHORTCUTS.palette.keys})`}
            aria-label={t('editor:palette.collapse')}
            aria-keyshortcuts={PANEL_SHORTCUTS.palette.aria}
            data-testid="palette-collapse"
          >
            <PanelLeftClose size={16} aria-hidden="true" />
          </button>
        )}
      </div>
      <div className="palette-list" ref={listRef} onKeyDown={(e) => moveFocus(e, listRef.current, searchRef.current)}>
        {searching && asksForSchedule(query) && (
          <div className="palette-hint" data-testid="palette-schedule-hint">
            <p>{t('editor:palette.scheduleHint')}</p>
            {botId && <Link to={`/bots/${botId}/triggers`}>{t('editor:palette.openTriggers')}</Link>}
          </div>
        )}
        {searching && hits.length === 0 && (
          <p className="muted small" style={{ padding: 8 }}>
            {t('editor:palette.noMatch', { query })}
          </p>
        )}
        {searching && hits.length > 0 && (
          <section className="palette-group" data-testid="palette-results">
            <h4>{t('editor:palette.results')}</h4>
            {hits.map((h) => (
              <PaletteItem key={h.entry.def.id} def={h.entry.def} onAdd={add} onDropped={remember} />
            ))}
          </section>
        )}
        {!searching &&
          groups.map((g) => (
            <section key={g.key} className={`palette-group${g.key === 'recent' ? '' : ` cat-${g.key}`}`} data-group={g.key}>
              <h4 title={g.hint}>
                {g.key !== 'recent' && <span className="swatch" style={{ background: 'var(--cat)' }} />}
                {g.label}
              </h4>
              {g.items.map((def) => (
                <PaletteItem key={def.id} def={def} onAdd={add} onDropped={remember} />
              ))}
            </section>
          ))}
      </div>
      <div className="palette-foot" id="palette-keyboard-hint">
        {t('editor:palette.foot')} {t('editor:palette.keyboardHint')}
      </div>
    </aside>
  );
}

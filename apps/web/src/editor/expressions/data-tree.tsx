import { ChevronDown, ChevronRight } from 'lucide-react';
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataTree as Tree, SampleSource } from './expression-data';
import { previewValue, referenceText, type FieldNode } from './field-tree';

type Row = {
  key: string;
  level: number;
  label: string;
  reference: string;
  detail?: string;
  description?: string;
  expandable: boolean;
  root?: { source: SampleSource; nodeId?: string; large?: boolean };
};

const SOURCE_LABEL = {
  run: 'expressions:tree.source.run',
  pinned: 'expressions:tree.source.pinned',
  sample: 'expressions:tree.source.sample',
  schema: 'expressions:tree.source.schema',
  none: 'expressions:tree.source.none',
} as const satisfies Record<SampleSource, string>;

const OPEN_ROOTS = 3;
/** Roots listed before "show all": on a long chain the nearest nodes are the likely ones, and the DOM stays small. */
const SHOWN_ROOTS = 25;

const keyOf = (rootIndex: number, path: readonly (string | number)[]) => `${rootIndex}:${path.join('\u0001')}`;

function visibleRows(trees: Tree[], open: ReadonlySet<string>, inputTitle: string): Row[] {
  const rows: Row[] = [];
  const walk = (ti: number, tree: Tree, fields: FieldNode[], level: number) => {
    for (const f of fields) {
      const key = keyOf(ti, f.path);
      const expandable = Boolean(f.children?.length);
      rows.push({
        key,
        level,
        label: f.label,
        reference: referenceText(tree.root, f.path),
        detail: f.preview ?? f.kind,
        description: f.description,
        expandable,
      });
      if (expandable && open.has(key)) walk(ti, tree, f.children!, level + 1);
    }
  };
  trees.forEach((tree, ti) => {
    const key = keyOf(ti, []);
    const expandable = Boolean(tree.fields?.length);
    const isInput = tree.root.kind === 'input';
    rows.push({
      key,
      level: 1,
      label: isInput ? inputTitle : tree.title,
      reference: referenceText(tree.root, []),
      detail: tree.value !== undefined ? previewValue(tree.value) : undefined,
      expandable,
      root: { source: tree.source, nodeId: tree.root.kind === 'node' ? tree.root.nodeId : undefined, large: tree.large },
    });
    if (expandable && open.has(key)) walk(ti, tree, tree.fields!, 2);
  });
  return rows;
}

/**
 * The fields of the run input and of every upstream node, as a tree (n8n's input pane, in the
 * inspector): click, Enter or drag a row to insert its reference into the field being edited.
 */
export const DataTree = memo(function DataTree({ trees, onInsert }: { trees: Tree[]; onInsert: (reference: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(
    // The nearest nodes start open so their fields are one click away (the input only when nothing
    // else is there); on a long chain the rest stay closed.
    () => new Set(trees.flatMap((_tr, i) => ((i > 0 && i <= OPEN_ROOTS) || trees.length === 1 ? [keyOf(i, [])] : []))),
  );
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const [all, setAll] = useState(false);
  const shown = useMemo(() => (all ? trees : trees.slice(0, SHOWN_ROOTS)), [all, trees]);
  const rows = useMemo(() => visibleRows(shown, open, t('expressions:tree.runInput')), [shown, open, t]);
  const current = Math.min(active, rows.length - 1);

  const focusRow = (i: number) => {
    setActive(i);
    listRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]')[i]?.focus();
  };
  const toggle = (key: string, to?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (to ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent, i: number, row: Row) => {
    if (e.key === 'ArrowDown') focusRow(Math.min(i + 1, rows.length - 1));
    else if (e.key === 'ArrowUp') focusRow(Math.max(i - 1, 0));
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(rows.length - 1);
    else if (e.key === 'ArrowRight' && row.expandable) {
      if (open.has(row.key)) focusRow(i + 1);
      else toggle(row.key, true);
    } else if (e.key === 'ArrowLeft') {
      if (row.expandable && open.has(row.key)) toggle(row.key, false);
      else {
        const parent = rows.slice(0, i).findLastIndex((r) => r.level < row.level);
        if (parent >= 0) focusRow(parent);
      }
    } else if (e.key === 'Enter' || e.key === ' ') onInsert(row.reference);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="data-tree" data-testid="data-tree">
      <div className="data-tree-head">
        <span className="data-tree-title">{t('expressions:tree.title')}</span>
        <span className="small muted">{t('expressions:tree.hint')}</span>
      </div>
      <div role="tree" aria-label={t('expressions:tree.label')} className="data-tree-rows" ref={listRef}>
        {rows.map((row, i) => (
          <div
            key={row.key}
            role="treeitem"
            aria-level={row.level}
            aria-expanded={row.expandable ? open.has(row.key) : undefined}
            aria-selected={i === current}
            tabIndex={i === current ? 0 : -1}
            className={row.root ? 'data-row data-root' : 'data-row'}
            style={{ paddingLeft: 6 + (row.level - 1) * 14 }}
            data-reference={row.reference}
            title={
              row.description ? `${row.description}\n${row.reference}` : t('expressions:tree.insertTitle', { expression: row.reference })
            }
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData('text/plain', row.reference);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            onFocus={() => setActive(i)}
            onClick={() => onInsert(row.reference)}
            onKeyDown={(e) => onKeyDown(e, i, row)}
          >
            {row.expandable ? (
              <button
                type="button"
                tabIndex={-1}
                className="data-caret"
                aria-hidden
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(row.key);
                }}
              >
                {open.has(row.key) ? <ChevronDown size={12} /> : <ChevronRight size={12} />}
              </button>
            ) : (
              <span className="data-caret" />
            )}
            <span className={row.root ? 'data-label strong' : 'data-label mono'}>{row.label}</span>
            {row.root?.nodeId && <span className="data-id mono">{row.root.nodeId}</span>}
            {row.root ? (
              <span className={`data-source src-${row.root.source}`}>{t(SOURCE_LABEL[row.root.source])}</span>
            ) : (
              row.detail && <span className="data-detail mono truncate">{row.detail}</span>
            )}
          </div>
        ))}
      </div>
      {shown.length < trees.length && (
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => setAll(true)}>
          {t('expressions:tree.showAll', { count: trees.length - 1 })}
        </button>
      )}
      {trees.length === 1 && <p className="small muted">{t('expressions:tree.noUpstream')}</p>}
      {trees.some((tr) => tr.large) && <p className="small muted">{t('expressions:tree.large')}</p>}
    </div>
  );
});

import { Check, Ellipsis, Minus, X, type LucideIcon } from 'lucide-react';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunLoopItems } from '@bm/contract';
import { statusKey } from '../../ui/status-badge';
import { Button } from '../../ui/button';
import { nodeTypeOf } from '../store/catalogue-slice';
import { editorStore, useEditorStore } from '../store/editor-store';

type Item = RunLoopItems['items'][number];

const GLYPH: Record<string, LucideIcon> = { succeeded: Check, failed: X, running: Ellipsis, cancelled: Minus, skipped: Minus };

function LoopItemGlyph({ status }: { status: string }) {
  const Glyph = GLYPH[status];
  return (
    <span className="loop-item-glyph" aria-hidden="true">
      {Glyph && <Glyph size={12} strokeWidth={3} />}
    </span>
  );
}

/** "12 items · 1 failed" for a loop's items in a run. */
export function useItemsSummary(loop: RunLoopItems | undefined): string | undefined {
  const { t } = useTranslation();
  if (!loop) return undefined;
  const failed = loop.items.filter((i) => i.status === 'failed').length;
  return t('editor:loopItems.summary', { count: loop.items.length, failed });
}

function LoopItems({ loop }: { loop: RunLoopItems }) {
  const { t } = useTranslation();
  const label = useEditorStore((s) => {
    const data = s.nodes.find((n) => n.id === loop.nodeId)?.data;
    return data?.label || (data && nodeTypeOf(s, data)?.title) || loop.nodeId;
  });
  const picked = useEditorStore((s) => (s.runItem?.loopId === loop.nodeId ? s.runItem.item : undefined));
  const loading = useEditorStore((s) => s.runItem?.loopId === loop.nodeId && s.runItem.nodes === null);
  const summary = useItemsSummary(loop);
  const listRef = useRef<HTMLDivElement>(null);
  const index = picked === undefined ? -1 : loop.items.findIndex((i) => i.item === picked);
  const pick = (item: Item | undefined, focus = false) => {
    if (!item) return;
    editorStore.getState().setRunItem({ loopId: loop.nodeId, item: item.item, nodes: null });
    if (focus) listRef.current?.querySelector<HTMLElement>(`[data-item="${item.item}"]`)?.focus();
  };
  // Arrows, Home and End move through the items and show each one, like a listbox.
  const onKeyDown = (e: KeyboardEvent) => {
    const at = Math.max(index, 0);
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? Math.min(at + (index < 0 ? 0 : 1), loop.items.length - 1)
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? loop.items.length - 1
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    pick(loop.items[to], true);
  };
  const itemLabel = (i: Item) => {
    const sk = statusKey(i.status);
    return t('editor:loopItems.item', { n: i.item + 1, status: sk ? t(sk) : i.status });
  };

  return (
    <section
      className="loop-items"
      aria-label={t('editor:loopItems.title', { loop: label })}
      data-testid="loop-items"
      data-loop={loop.nodeId}
    >
      <div className="loop-items-head">
        <strong className="truncate" translate="no">
          {label}
        </strong>
        <span className="muted small" data-testid="loop-items-summary">
          {summary}
        </span>
        {picked !== undefined && (
          <button type="button" className="link-button small loop-items-clear" onClick={() => editorStore.getState().setRunItem(null)}>
            {t('editor:loopItems.clear')}
          </button>
        )}
      </div>
      {loop.items.length === 0 ? (
        <p className="small muted">{t('editor:loopItems.none')}</p>
      ) : (
        <>
          <div className="loop-items-stepper">
            <Button
              size="sm"
              variant="ghost"
              icon="chevronLeft"
              aria-label={t('editor:loopItems.previous')}
              title={t('editor:loopItems.previous')}
              disabled={index <= 0}
              onClick={() => pick(loop.items[index - 1])}
            />
            <span className="small" aria-live="polite" data-testid="loop-items-position">
              {index < 0 ? t('editor:loopItems.pick') : t('editor:loopItems.position', { n: index + 1, count: loop.items.length })}
              {loading && <span className="spinner" aria-hidden="true" />}
            </span>
            <Button
              size="sm"
              variant="ghost"
              icon="chevronRight"
              aria-label={t('editor:loopItems.next')}
              title={t('editor:loopItems.next')}
              disabled={index >= loop.items.length - 1}
              onClick={() => pick(loop.items[index + 1])}
            />
          </div>
          <div
            ref={listRef}
            className="loop-items-list"
            role="listbox"
            aria-label={t('editor:loopItems.listLabel', { loop: label })}
            onKeyDown={onKeyDown}
          >
            {loop.items.map((i, n) => (
              <div
                key={i.item}
                role="option"
                aria-selected={i.item === picked}
                // One stop in the tab order: the picked item, else the first.
                tabIndex={n === (index < 0 ? 0 : index) ? 0 : -1}
                className={`loop-item status-${i.status}`}
                data-item={i.item}
                data-status={i.status}
                title={itemLabel(i)}
                aria-label={itemLabel(i)}
                onClick={() => pick(i)}
              >
                <span className="loop-item-n">{i.item + 1}</span>
                <LoopItemGlyph status={i.status} />
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** Over the canvas while a run with loops is shown: each loop's items, and the one whose steps are shown. */
export function LoopItemPicker() {
  const loops = useEditorStore((s) => s.loops);
  if (loops.length === 0) return null;
  return (
    <div className="loop-items-panel">
      {loops.map((l) => (
        <LoopItems key={l.nodeId} loop={l} />
      ))}
    </div>
  );
}

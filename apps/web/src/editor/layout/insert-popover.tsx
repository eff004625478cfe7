import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NodePalette } from '../palette/node-palette';
import { editorStore } from '../store/editor-store';
import { acceptsFrom, addConnected, outputType } from './connect-new';
import { closeInsert, useInsertUi } from './insert-store';

/** The node palette at a "+" (or where a dragged connection was dropped), filtered to what can take the port. */
export function InsertPopover() {
  const { t } = useTranslation();
  const spot = useInsertUi((s) => s.spot);
  const box = useRef<HTMLDivElement>(null);
  const accept = useMemo(() => {
    if (!spot) return undefined;
    const type = outputType(editorStore.getState(), spot.nodeId, spot.port);
    return type ? acceptsFrom(type) : undefined;
  }, [spot]);

  useEffect(() => {
    if (!spot) return;
    box.current?.querySelector<HTMLInputElement>('input')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeInsert();
    const onDown = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) closeInsert();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [spot]);

  if (!spot) return null;
  // Kept on screen: a "+" near the right or bottom edge opens the list inwards.
  const left = Math.max(8, Math.min(spot.screen.x, window.innerWidth - 300));
  const top = Math.max(8, Math.min(spot.screen.y, window.innerHeight - 420));
  return (
    <div
      ref={box}
      className="insert-popover"
      role="dialog"
      aria-label={t('editor:layout.pickTitle', { port: spot.port })}
      style={{ left, top }}
      data-testid="insert-popover"
    >
      <NodePalette
        accept={accept}
        onAdd={(type) => {
          closeInsert();
          addConnected(editorStore, type, spot.at, { nodeId: spot.nodeId, port: spot.port });
        }}
      />
    </div>
  );
}

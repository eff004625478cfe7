import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../hooks/read-only';
import { editorStore } from '../store/editor-store';
import { openInsert } from './insert-store';

/** Room between a node and the one "+" adds after it. */
const GAP_X = 96;

/** The "+" beside an output handle: opens the palette filtered to nodes that can take this port. */
export function HandlePlus({ nodeId, port, label, top }: { nodeId: string; port: string; label: string; top: string }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const { getInternalNode } = useReactFlow();
  if (readOnly) return null;
  const open = (el: HTMLElement) => {
    const node = getInternalNode(nodeId);
    const stored = editorStore.getState().nodes.find((n) => n.id === nodeId);
    if (!node || !stored) return;
    const r = el.getBoundingClientRect();
    const width = node.measured.width ?? 232;
    openInsert({
      nodeId,
      port,
      screen: { x: r.right + 8, y: r.top },
      at: { x: stored.position.x + width + GAP_X, y: stored.position.y },
    });
  };
  return (
    <button
      type="button"
      className="handle-plus nodrag"
      style={{ top }}
      data-plus-port={port}
      aria-label={t('editor:layout.addAfter', { port: label })}
      title={t('editor:layout.addAfter', { port: label })}
      onClick={(e) => {
        e.stopPropagation();
        open(e.currentTarget);
      }}
    >
      +
    </button>
  );
}

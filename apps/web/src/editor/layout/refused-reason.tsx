import { useConnection, useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { checkConnection } from '../store/connection-rules';
import { editorStore } from '../store/editor-store';

/**
 * While a connection is dragged over a handle that refuses it, says why next to the cursor
 * (checkConnection's reason). Gone when the drag ends or moves off the handle.
 */
export function RefusedReason() {
  const { t } = useTranslation();
  const { flowToScreenPosition } = useReactFlow();
  const c = useConnection();
  let reason: string | null = null;
  if (c.inProgress && c.isValid === false && c.toHandle) {
    const fromSource = c.fromHandle.type === 'source';
    const [a, b] = fromSource ? [c.fromHandle, c.toHandle] : [c.toHandle, c.fromHandle];
    const s = editorStore.getState();
    const check = checkConnection({ source: a.nodeId, sourceHandle: a.id ?? null, target: b.nodeId, targetHandle: b.id ?? null }, s.edges, {
      nodes: s.nodes,
      catalogue: s.nodeTypes,
    });
    if (!check.ok) reason = check.reason;
  }
  const at = c.inProgress ? flowToScreenPosition(c.to) : null;
  return (
    <div
      role="status"
      aria-live="polite"
      className="refused-reason"
      data-testid="refused-reason"
      // Always in the page, empty when there is nothing to say: a live region that appears is not always announced.
      style={at ? { left: at.x + 14, top: at.y + 14 } : undefined}
    >
      {reason && t('editor:layout.refused', { reason })}
    </div>
  );
}

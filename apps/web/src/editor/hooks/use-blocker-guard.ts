import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { t } from '../../i18n/i18n';
import { toast } from '../../ui/toast';
import { editorStore } from '../store/editor-store';
import { findBlocker } from '../store/pre-save-check';

/**
 * Returns a check to call before saving or running: when something must be fixed first it says
 * what, shows where (selects the node, or focuses the field) and answers false.
 */
export function useBlockerGuard() {
  const { fitView } = useReactFlow();
  return useCallback(
    (action: 'save' | 'run') => {
      const s = editorStore.getState();
      const blocker = findBlocker(s);
      if (!blocker) return true;
      toast.error(t(action === 'save' ? 'editor:toasts.notSaved' : 'editor:toasts.notStarted', { reason: blocker.message }), 'save');
      if (blocker.nodeId) {
        s.selectNode(blocker.nodeId);
        void fitView({ nodes: [{ id: blocker.nodeId }], duration: 300, maxZoom: 1 });
      } else if (blocker.focusId) {
        s.selectNode(null);
        const id = blocker.focusId;
        requestAnimationFrame(() => document.getElementById(id)?.focus());
      }
      return false;
    },
    [fitView],
  );
}

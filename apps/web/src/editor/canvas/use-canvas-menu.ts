import { useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { useMemo, type MouseEvent as ReactMouseEvent } from 'react';
import { editorStore } from '../store/editor-store';
import { NOTE_NODE_KIND } from '../store/flow-types';
import type { CanvasNode } from '../notes/canvas-nodes';
import { useEditUi } from './edit-ui-store';

/** Where a menu opens: at the pointer, or under the element when the keyboard asked (Shift+F10, the menu key). */
function pointOf(e: ReactMouseEvent | MouseEvent): { x: number; y: number } {
  if (e.clientX !== 0 || e.clientY !== 0) return { x: e.clientX, y: e.clientY };
  const box = (e.target as Element | null)?.getBoundingClientRect?.();
  return box ? { x: box.left + 12, y: box.bottom - 4 } : { x: 0, y: 0 };
}

/**
 * React Flow's context-menu handlers for the canvas: on a node (which becomes the selection unless
 * it is part of it), on a multi-selection, and on the empty canvas.
 */
export function useCanvasMenu() {
  const { screenToFlowPosition } = useReactFlow();
  return useMemo(() => {
    const open = useEditUi.getState().openMenu;
    const onNodeContextMenu: NodeMouseHandler<CanvasNode> = (e, node) => {
      e.preventDefault();
      // A sticky note has its own tools; the node menu's pin, run and disable mean nothing to it.
      if (node.type === NOTE_NODE_KIND) return;
      const s = editorStore.getState();
      if (!s.nodes.find((n) => n.id === node.id)?.selected) s.selectNode(node.id);
      const ids = editorStore
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id);
      const { x, y } = pointOf(e);
      open(x, y, { kind: 'nodes', nodeIds: ids });
    };
    const onSelectionContextMenu = (e: ReactMouseEvent, nodes: CanvasNode[]) => {
      e.preventDefault();
      const { x, y } = pointOf(e);
      open(x, y, { kind: 'nodes', nodeIds: nodes.filter((n) => n.type !== NOTE_NODE_KIND).map((n) => n.id) });
    };
    const onPaneContextMenu = (e: ReactMouseEvent | MouseEvent) => {
      e.preventDefault();
      const { x, y } = pointOf(e);
      open(x, y, { kind: 'pane', flow: screenToFlowPosition({ x, y }) });
    };
    return { onNodeContextMenu, onSelectionContextMenu, onPaneContextMenu };
  }, [screenToFlowPosition]);
}

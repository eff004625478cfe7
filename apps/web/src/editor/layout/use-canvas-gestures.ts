import { useReactFlow, type FinalConnectionState, type OnConnectEnd, type OnNodeDrag } from '@xyflow/react';
import { useCallback } from 'react';
import { editorStore } from '../store/editor-store';
import type { BotFlowNode } from '../store/flow-types';
import { insertIntoEdge } from './connect-new';
import { openInsert, setDropEdge, insertUi } from './insert-store';

/** The edge drawn under a client point, if any (the dragged card itself is skipped: it is not an edge). */
export function edgeAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const g = el.closest('.react-flow__edge');
    const id = g?.getAttribute('data-id');
    if (id) return id;
  }
  return null;
}

type PointerLike = MouseEvent | TouchEvent | { clientX: number; clientY: number };
/** The client point of a mouse or touch event (a touch's first finger). */
function pointOf(event: PointerLike): { clientX: number; clientY: number } {
  if ('changedTouches' in event) return event.changedTouches[0] ?? { clientX: 0, clientY: 0 };
  return event;
}

const hasEdges = (nodeId: string) => editorStore.getState().edges.some((e) => e.source === nodeId || e.target === nodeId);

/**
 * The layout gestures of the canvas: a connection dropped on empty canvas opens the "+" palette
 * there; a node without edges dragged onto an edge is inserted into it (source → node → target).
 */
export function useCanvasGestures() {
  const { screenToFlowPosition } = useReactFlow();

  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state: FinalConnectionState) => {
      if (state.isValid || state.toNode || !state.fromHandle || state.fromHandle.type !== 'source' || !state.fromNode) return;
      const target = event.target as Element | null;
      if (!target?.classList.contains('react-flow__pane')) return;
      const p = pointOf(event);
      openInsert({
        nodeId: state.fromNode.id,
        port: state.fromHandle.id ?? '',
        screen: { x: p.clientX, y: p.clientY },
        at: screenToFlowPosition({ x: p.clientX, y: p.clientY - 30 }),
      });
    },
    [screenToFlowPosition],
  );

  const onNodeDrag: OnNodeDrag = useCallback((event, node) => {
    if (node.type !== 'bot' || hasEdges(node.id)) return setDropEdge(null);
    const p = pointOf(event);
    setDropEdge(edgeAt(p.clientX, p.clientY));
  }, []);

  const onNodeDragStop: OnNodeDrag = useCallback((_event, node) => {
    const edgeId = insertUi.getState().dropEdge;
    setDropEdge(null);
    // The drag's own checkpoint (onNodeDragStart) makes move + insert one undo step.
    if (edgeId && node.type === 'bot' && !hasEdges(node.id)) insertIntoEdge(editorStore, edgeId, (node as BotFlowNode).id);
  }, []);

  return { onConnectEnd, onNodeDrag, onNodeDragStop };
}

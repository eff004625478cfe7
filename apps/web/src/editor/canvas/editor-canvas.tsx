import { Background, BackgroundVariant, ReactFlow, useReactFlow, type IsValidConnection } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, type DragEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../../layout/theme';
import { useReadOnly } from '../hooks/read-only';
import { checkConnection } from '../store/connection-rules';
import { editorStore, useEditorStore } from '../store/editor-store';
import type { BotFlowEdge } from '../store/flow-types';
import { nodeTypes } from './bot-node';
import { CanvasControls } from './canvas-controls';
import { flowAriaLabels } from './flow-labels';
import { useNamedEdges } from './named-edges';
import { portTaken } from './run-ports';
import { CanvasContextMenu } from './context-menu';
import { useCanvasMenu } from './use-canvas-menu';
import { ShortcutsSheet } from '../shortcuts-sheet';
import { onCanvasNodesChange, useCanvasNodes } from '../notes/canvas-nodes';
import { NoteNode } from '../notes/note-node';
import { addIntoEdge } from '../layout/connect-new';
import { InsertPopover } from '../layout/insert-popover';
import { setDropEdge, useInsertUi } from '../layout/insert-store';
import { RefusedReason } from '../layout/refused-reason';
import { edgeAt, useCanvasGestures } from '../layout/use-canvas-gestures';
import { fitViewOptionsFor, MAX_ZOOM, MIN_ZOOM } from '../layout/zoom';
import '../layout/layout.css';

export const DND_MIME = 'application/x-bm-node-type';

const canvasNodeTypes = { ...nodeTypes, note: NoteNode };

const isValidConnection: IsValidConnection<BotFlowEdge> = (conn) => {
  const s = editorStore.getState();
  return checkConnection(conn, s.edges, { nodes: s.nodes, catalogue: s.nodeTypes }).ok;
};

export function EditorCanvas({ children, containerRef }: { children?: ReactNode; containerRef?: Ref<HTMLDivElement> }) {
  const nodes = useEditorStore((s) => s.nodes);
  const canvasNodes = useCanvasNodes();
  const dropEdge = useInsertUi((s) => s.dropEdge);
  const gestures = useCanvasGestures();
  const storeEdges = useEditorStore((s) => s.edges);
  const runNodes = useEditorStore((s) => s.runNodes);
  // While a run is shown, edges say how far data got: flowing into a running node, done after a success.
  // Each edge is also named for screen readers (React Flow's default label is English).
  const { t } = useTranslation();
  const colorMode = useTheme();
  const named = useNamedEdges(storeEdges, t);
  const edges = useMemo(() => {
    const base = dropEdge ? named.map((e) => (e.id === dropEdge ? { ...e, className: 'edge-drop-target' } : e)) : named;
    if (Object.keys(runNodes).length === 0) return base;
    return base.map((e) => {
      // An output a branch did not take is drawn dimmed: the data went the other way.
      if (portTaken(runNodes[e.source], e.sourceHandle) === false) return { ...e, className: 'edge-not-taken' };
      const target = runNodes[e.target]?.status;
      const source = runNodes[e.source]?.status;
      const animated = target === 'running';
      const className = source === 'succeeded' ? (animated ? 'edge-flowing' : 'edge-done') : undefined;
      return animated || className ? { ...e, animated, className } : e;
    });
  }, [named, runNodes, dropEdge]);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const onConnect = useEditorStore((s) => s.onConnect);
  const checkpoint = useEditorStore((s) => s.checkpoint);
  const { screenToFlowPosition } = useReactFlow();
  const ariaLabelConfig = useMemo(() => flowAriaLabels(t), [t]);
  const readOnly = useReadOnly();
  const menuHandlers = useCanvasMenu();

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DND_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropEdge(edgeAt(e.clientX, e.clientY));
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DND_MIME);
      if (!type) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const edgeId = edgeAt(e.clientX, e.clientY);
      setDropEdge(null);
      // Centre the card under the cursor rather than hanging it from its corner; dropped on an edge, it goes into it.
      addIntoEdge(editorStore, type, { x: p.x - 116, y: p.y - 30 }, edgeId);
    },
    [screenToFlowPosition],
  );

  return (
    <div
      className="canvas"
      ref={containerRef}
      onDragOver={readOnly ? undefined : onDragOver}
      onDrop={readOnly ? undefined : onDrop}
      onDragLeave={() => setDropEdge(null)}
      data-testid="canvas"
    >
      <ReactFlow
        nodes={canvasNodes}
        edges={edges}
        nodeTypes={canvasNodeTypes}
        onNodesChange={onCanvasNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={() => checkpoint()}
        {...menuHandlers}
        onNodeDrag={readOnly ? undefined : gestures.onNodeDrag}
        onNodeDragStop={readOnly ? undefined : gestures.onNodeDragStop}
        onConnectEnd={gestures.onConnectEnd}
        isValidConnection={isValidConnection}
        deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        fitView
        fitViewOptions={fitViewOptionsFor(nodes.length)}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        snapToGrid
        snapGrid={[8, 8]}
        attributionPosition="top-right"
        ariaLabelConfig={ariaLabelConfig}
        colorMode={colorMode}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="var(--border-strong)" />
        <CanvasControls />
        <RefusedReason />
        <InsertPopover />
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="canvas-empty">
          <div className="state">
            <div className="state-title">{t('editor:canvas.emptyTitle')}</div>
            <div className="state-body">{t('editor:canvas.emptyBody')}</div>
          </div>
        </div>
      )}
      {children}
      <CanvasContextMenu />
      <ShortcutsSheet />
    </div>
  );
}

import { Background, BackgroundVariant, Handle, Position, ReactFlow, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Graph, NodeTypeDescription, PortDef } from '@bm/contract';
import { outputPortsOf } from '@bm/graph';
import { createContext, memo, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { flowAriaLabels } from '../../editor/canvas/flow-labels';
import '../../editor/editor.css';
import { useTheme } from '../../layout/theme';
import { NodeIcon } from '../../ui/node-icon';
import { summarizeNode } from '../../editor/node-summary';
import { graphToFlow } from '../../editor/store/graph-convert';
import type { BotFlowNode } from '../../editor/store/flow-types';

// The catalogue reaches the nodes through context: node data stays the graph's own JSON.
const Catalogue = createContext<Record<string, NodeTypeDescription>>({});

function Ports({ ports, side }: { ports: readonly PortDef[]; side: 'in' | 'out' }) {
  return (
    <>
      {ports.map((port, i) => (
        <Handle
          key={port.name}
          id={port.name}
          type={side === 'in' ? 'target' : 'source'}
          position={side === 'in' ? Position.Left : Position.Right}
          style={{ top: `${((i + 1) / (ports.length + 1)) * 100}%` }}
          isConnectable={false}
        />
      ))}
    </>
  );
}

/** The canvas card without the editor store: title, type and summary, nothing to click. */
const PreviewNode = memo(function PreviewNode({ data }: NodeProps<BotFlowNode>) {
  const def = useContext(Catalogue)[data.type];
  const { t } = useTranslation();
  const title = data.label || def?.title || data.type;
  return (
    <div className={`bot-node cat-${def?.category ?? 'transform'}`} data-node-type={data.type}>
      <Ports ports={def?.inputs ?? [{ name: 'in', type: 'any' }]} side="in" />
      <div className="head">
        <span className="glyph">
          <NodeIcon name={def?.display.icon} size={14} />
        </span>
        <span className="title truncate" title={title} translate={data.label ? 'no' : undefined}>
          {title}
        </span>
      </div>
      {data.label && def && <div className="kind truncate">{def.title}</div>}
      {!def && <div className="unknown">{t('editor:canvas.unknownType', { type: data.type })}</div>}
      <div className="summary" translate="no">
        {summarizeNode(data, def)}
      </div>
      {/* The node's own ports (a switch's cases, an error output), or its edges have nowhere to start. */}
      <Ports ports={def ? outputPortsOf(def, data) : [{ name: 'out', type: 'any' }]} side="out" />
    </div>
  );
});

const previewNodeTypes = { bot: PreviewNode };

/** A template's graph, read-only: it can be panned and zoomed, nothing else. */
export default function GraphPreview({ graph, catalogue }: { graph: Graph; catalogue: readonly NodeTypeDescription[] }) {
  const { t } = useTranslation();
  const flow = useMemo(() => graphToFlow(graph), [graph]);
  const byId = useMemo(() => Object.fromEntries(catalogue.map((d) => [d.id, d])), [catalogue]);
  const ariaLabelConfig = useMemo(() => flowAriaLabels(t), [t]);
  const colorMode = useTheme();
  return (
    <Catalogue.Provider value={byId}>
      <div className="graph-preview" data-testid="graph-preview">
        <ReactFlow
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={previewNodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
          minZoom={0.2}
          maxZoom={1.5}
          attributionPosition="bottom-right"
          ariaLabelConfig={ariaLabelConfig}
          colorMode={colorMode}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="var(--border-strong)" />
        </ReactFlow>
      </div>
    </Catalogue.Provider>
  );
}

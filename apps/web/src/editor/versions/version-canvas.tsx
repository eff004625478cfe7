import { Background, BackgroundVariant, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { GraphDiff, NodeChange, NodeRef } from '@bm/graph';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../../layout/theme';
import { Button } from '../../ui/button';
import { nodeTypes } from '../canvas/bot-node';
import { CanvasControls } from '../canvas/canvas-controls';
import { useEditorStore } from '../store/editor-store';
import { graphToFlow } from '../store/graph-convert';
import type { VersionView } from '../store/types';
import { diffFlow } from './diff-flow';
import './versions.css';

const short = (v: unknown, empty: string) => {
  if (v === undefined || v === null || v === '') return empty;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

const FIELD_KEYS = {
  type: 'versions:view.field.type',
  version: 'versions:view.field.version',
  label: 'versions:view.field.label',
  settings: 'versions:view.field.settings',
  disabled: 'versions:view.field.disabled',
} as const satisfies Record<NodeChange['fields'][number], string>;

/** A node's name as the canvas shows it: its label, else its type's title (with the id, which is what tells two apart). */
function NodeName({ node }: { node: NodeRef }) {
  const title = useEditorStore((s) => s.nodeTypes[node.type]?.title);
  if (node.name !== node.id || !title) return <span translate="no">{node.name}</span>;
  return (
    <span>
      {title}{' '}
      <code className="muted" translate="no">
        {node.id}
      </code>
    </span>
  );
}

function ChangeList({ diff }: { diff: GraphDiff }) {
  const { t } = useTranslation();
  const empty = t('versions:view.empty');
  const field = (f: NodeChange['fields'][number]) => t(FIELD_KEYS[f]);
  const { added, removed } = { added: diff.edges.added.length, removed: diff.edges.removed.length };
  const nothing = !diff.nodes.added.length && !diff.nodes.removed.length && !diff.nodes.changed.length && !added && !removed;
  return (
    <aside className="version-changes" data-testid="version-changes">
      <h3>{t('versions:view.details')}</h3>
      {nothing && <p className="muted">{t('versions:view.nothing')}</p>}
      <ul>
        {diff.nodes.added.map((n) => (
          <li key={`a:${n.id}`} className="diff-added">
            <span className="diff-chip">+</span> <NodeName node={n} />
          </li>
        ))}
        {diff.nodes.removed.map((n) => (
          <li key={`r:${n.id}`} className="diff-removed">
            <span className="diff-chip">−</span> <NodeName node={n} />
          </li>
        ))}
        {diff.nodes.changed.map((n) => (
          <li key={`c:${n.id}`} className="diff-changed" data-node-id={n.id}>
            <span className="diff-chip">~</span> <NodeName node={n} />
            <ul className="param-changes">
              {n.fields.map((f) => (
                <li key={f}>{field(f)}</li>
              ))}
              {n.params.map((p) => (
                <li key={p.param} data-param={p.param}>
                  <code translate="no">{p.param}</code>
                  <div className="param-before" translate="no">
                    {short(p.before, empty)}
                  </div>
                  <div className="param-after" translate="no">
                    {short(p.after, empty)}
                  </div>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {(added > 0 || removed > 0) && (
        <p className="muted">{t('versions:view.connections', { added, removed, both: added && removed ? 'yes' : 'no' })}</p>
      )}
    </aside>
  );
}

function Legend({ view }: { view: VersionView }) {
  const { t } = useTranslation();
  if (view.kind === 'view') return null;
  const mine = view.context === 'conflict';
  return (
    <span className="diff-legend">
      <span className="diff-added">{mine ? t('versions:view.legendMine') : t('versions:view.legendAdded')}</span>
      <span className="diff-removed">{mine ? t('versions:view.legendTheirs') : t('versions:view.legendRemoved')}</span>
      <span className="diff-changed">{mine ? t('versions:view.legendDifferent') : t('versions:view.legendChanged')}</span>
    </span>
  );
}

/**
 * A version on the canvas, read-only, in place of the document: as it was, or as a diff (added
 * green, removed red, changed amber) with the param-level changes listed beside it. The
 * document underneath is untouched; "back" returns to it.
 */
export function VersionCanvas({ view, actions }: { view: VersionView; actions?: ReactNode }) {
  const setVersionView = useEditorStore((s) => s.setVersionView);
  const { t } = useTranslation();
  const colorMode = useTheme();
  const shown = useMemo(() => {
    if (view.kind === 'view') return { ...graphToFlow(view.graph), diff: null };
    return diffFlow(view.before, view.after);
  }, [view]);
  const title =
    view.kind === 'view'
      ? t('versions:view.readOnly', { version: view.version })
      : view.context === 'conflict'
        ? t('versions:view.conflict', { version: view.version })
        : t('versions:view.since', { version: view.version });
  return (
    <div className="canvas version-canvas" data-testid="version-canvas" data-kind={view.kind}>
      <div className="version-banner" role="status">
        <strong>{title}</strong>
        <Legend view={view} />
        <span className="spacer" />
        {actions}
        <Button size="sm" icon="x" onClick={() => setVersionView(null)}>
          {t('versions:view.back')}
        </Button>
      </div>
      <div className="version-body">
        <ReactFlowProvider>
          <ReactFlow
            nodes={shown.nodes}
            edges={shown.edges}
            nodeTypes={nodeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesReconnectable={false}
            deleteKeyCode={null}
            fitView
            fitViewOptions={{ padding: 0.3, maxZoom: 1 }}
            minZoom={0.2}
            maxZoom={2}
            attributionPosition="top-right"
            colorMode={colorMode}
          >
            <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="var(--border-strong)" />
            <CanvasControls />
          </ReactFlow>
        </ReactFlowProvider>
        {shown.diff && <ChangeList diff={shown.diff} />}
      </div>
    </div>
  );
}

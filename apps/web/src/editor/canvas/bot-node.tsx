import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { ERROR_PORT, outputPortsOf } from '@bm/graph';
import { useTranslation } from 'react-i18next';
import type { PortDef as NodePort } from '@bm/contract';
import { Icon } from '../../ui/icons';
import { NodeIcon } from '../../ui/node-icon';
import { summarizeNode } from '../node-summary';
import { nodeTypeOf } from '../store/catalogue-slice';
import { statusKey } from '../../ui/status-badge';
import { useEditorStore } from '../store/editor-store';
import { selectIssueNodeIds } from '../store/issue-nodes';
import type { BotFlowNode } from '../store/flow-types';
import { PinnedBadge } from '../debug/pinned-badge';
import { RunNote } from './run-note';
import { DisabledBadge } from './disabled-badge';
import { HandlePlus } from '../layout/handle-plus';

/** Vertical room each output port needs so several labelled ports (a switch's cases) stay readable. */
const PORT_PITCH_PX = 24;

function Ports({
  nodeId,
  ports,
  side,
  labelled,
  connectable = false,
}: {
  nodeId: string;
  ports: NodePort[];
  side: 'in' | 'out';
  labelled: boolean;
  connectable?: boolean;
}) {
  const { t } = useTranslation();
  const position = side === 'in' ? Position.Left : Position.Right;
  const type = side === 'in' ? 'target' : 'source';
  return (
    <>
      {ports.map((port, i) => {
        const top = `${((i + 1) / (ports.length + 1)) * 100}%`;
        const isError = side === 'out' && port.name === ERROR_PORT;
        // The error output's label comes from the catalogue; a case's name is the user's own text.
        const label = isError ? t('editor:canvas.errorPort') : (port.label ?? port.name);
        const own = !isError && !port.label;
        const dynamic = !isError && port.label === port.name;
        return (
          <div key={port.name}>
            <Handle
              id={port.name}
              type={type}
              position={position}
              style={{ top }}
              className={isError ? 'port-error' : undefined}
              title={label}
              aria-label={t(side === 'in' ? 'editor:canvas.inPort' : 'editor:canvas.outPort', { port: label })}
              data-port={port.name}
              translate={own || dynamic ? 'no' : undefined}
            />
            {labelled && (
              <span
                className={`port-label ${side}${isError ? ' port-error' : ''}`}
                style={{ top }}
                data-port-label={port.name}
                translate={own || dynamic ? 'no' : undefined}
              >
                {label}
              </span>
            )}
            {side === 'out' && connectable && <HandlePlus nodeId={nodeId} port={port.name} label={label} top={top} />}
          </div>
        );
      })}
    </>
  );
}

const STATUS_ICON: Record<string, 'check' | 'x' | 'hourglass' | undefined> = { succeeded: 'check', failed: 'x', waiting: 'hourglass' };

function BotNodeView({ id, data, selected, isConnectable }: NodeProps<BotFlowNode>) {
  const def = useEditorStore((s) => nodeTypeOf(s, data));
  const { t } = useTranslation();
  const status = useEditorStore((s) => s.runNodes[id]?.status);
  const hasIssue = useEditorStore((s) => selectIssueNodeIds(s).has(id));
  const category = def?.category ?? 'transform';
  const title = data.label || def?.title || data.type;
  const summary = summarizeNode(data, def);
  // The ports @bm/graph says the node has (switch cases, the error output): never re-derived here.
  const outputs = useMemo(() => (def ? outputPortsOf(def, data) : [{ name: 'out', type: 'any' as const }]), [def, data]);
  const inputs = def?.inputs ?? [{ name: 'in', type: 'any' as const }];
  // Flow nodes always name their outputs (a loop's single "Each item" means something).
  const labelOutputs = outputs.length > 1 || def?.category === 'flow';
  // React Flow measures handles once: a case added, renamed or removed must be measured again, or
  // edges start from where the old handles were.
  const updateNodeInternals = useUpdateNodeInternals();
  // Not on mount: React Flow measures a new node itself, and a second measure then spoils the first fitView.
  const portKey = outputs.map((p) => p.name).join('\n');
  const measured = useRef(portKey);
  useEffect(() => {
    if (measured.current === portKey) return;
    measured.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);
  const statusIcon = status ? STATUS_ICON[status] : undefined;
  const sk = status ? statusKey(status) : undefined;
  const statusLabel = sk ? t(sk) : status;
  const classes = [
    'bot-node',
    `cat-${category}`,
    selected && 'selected',
    status && `status-${status}`,
    hasIssue && 'has-issue',
    data.disabled && 'node-disabled',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={classes}
      data-node-id={id}
      data-node-type={data.type}
      data-status={status ?? 'idle'}
      data-disabled={data.disabled ? 'true' : undefined}
      style={outputs.length > 2 ? { minHeight: (outputs.length + 1) * PORT_PITCH_PX } : undefined}
    >
      <Ports nodeId={id} ports={inputs} side="in" labelled={inputs.length > 1} />
      <div className="head">
        <span className="glyph">
          <NodeIcon name={def?.display.icon} size={14} />
        </span>
        {/* A node's own label is user content; the type's title comes localized from the server. */}
        <span className="title truncate" title={title} translate={data.label ? 'no' : undefined}>
          {title}
        </span>
        {status && (
          <span className="status-icon" title={statusLabel} aria-label={t('editor:canvas.status', { status: statusLabel })}>
            {statusIcon && <Icon name={statusIcon} strokeWidth={3} />}
          </span>
        )}
      </div>
      {data.label && def && <div className="kind truncate">{def.title}</div>}
      {!def && <div className="unknown">{t('editor:canvas.unknownType', { type: data.type })}</div>}
      <div className="summary" translate="no">
        {summary}
      </div>
      {status && <RunNote nodeId={id} status={status} control={def?.control} />}
      <Ports nodeId={id} ports={outputs} side="out" labelled={labelOutputs} connectable={isConnectable} />
      <PinnedBadge nodeId={id} />
      {data.disabled && <DisabledBadge />}
      {hasIssue && (
        <span className="issue-flag" title={t('editor:canvas.hasIssue')}>
          <Icon name="alert" strokeWidth={2.5} />
        </span>
      )}
    </div>
  );
}

/**
 * React Flow hands a card its measured size, absolute position, drag state and z-index as props too:
 * the card reads none of them, and re-rendering every card when they change (all 1 000 once they are
 * measured, the dragged one on every frame) was most of the canvas's cost. A card that starts
 * reading another prop must add it here.
 */
const sameCard = (a: NodeProps<BotFlowNode>, b: NodeProps<BotFlowNode>) => a.id === b.id && a.data === b.data && a.selected === b.selected;

export const BotNode = memo(BotNodeView, sameCard);
BotNode.displayName = 'BotNode';

export const nodeTypes = { bot: BotNode };

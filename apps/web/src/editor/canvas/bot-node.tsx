import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortDef as NodePort } from '@bm/contract';
import { Icon } from '../../ui/icons';
import { summarizeNode } from '../node-summary';
import { nodeTypeOf } from '../store/catalogue-slice';
import { statusKey } from '../../ui/status-badge';
import { useEditorStore } from '../store/editor-store';
import type { BotFlowNode } from '../store/flow-types';
import { glyphFor } from './category';
import { PinnedBadge } from '../debug/pinned-badge';

function Ports({ ports, side }: { ports: NodePort[]; side: 'in' | 'out' }) {
  const position = side === 'in' ? Position.Left : Position.Right;
  const type = side === 'in' ? 'target' : 'source';
  return (
    <>
      {ports.map((port, i) => {
        const top = `${((i + 1) / (ports.length + 1)) * 100}%`;
        return (
          <div key={port.name}>
            {/* A port without a label shows its identifier, which is not text to translate. */}
            <Handle
              id={port.name}
              type={type}
              position={position}
              style={{ top }}
              title={port.label ?? port.name}
              translate={port.label ? undefined : 'no'}
            />
            {ports.length > 1 && (
              <span className={`port-label ${side}`} style={{ top }} translate={port.label ? undefined : 'no'}>
                {port.label ?? port.name}
              </span>
            )}
          </div>
        );
      })}
    </>
  );
}

const STATUS_ICON: Record<string, 'check' | 'x' | undefined> = { succeeded: 'check', failed: 'x' };

function BotNodeView({ id, data, selected }: NodeProps<BotFlowNode>) {
  const def = useEditorStore((s) => nodeTypeOf(s, data));
  const { t } = useTranslation();
  const status = useEditorStore((s) => s.runNodes[id]?.status);
  const hasIssue = useEditorStore(
    (s) => s.issues.some((i) => i.nodeId === id) || Object.values(s.draftErrors).some((d) => d.nodeId === id),
  );
  const category = def?.category ?? 'transform';
  const title = data.label || def?.title || data.type;
  const summary = summarizeNode(data, def);
  const statusIcon = status ? STATUS_ICON[status] : undefined;
  const sk = status ? statusKey(status) : undefined;
  const statusLabel = sk ? t(sk) : status;
  const classes = ['bot-node', `cat-${category}`, selected && 'selected', status && `status-${status}`, hasIssue && 'has-issue']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={classes} data-node-id={id} data-node-type={data.type} data-status={status ?? 'idle'}>
      <Ports ports={def?.inputs ?? [{ name: 'in', type: 'any' }]} side="in" />
      <div className="head">
        <span className="glyph">{glyphFor(data.type, def?.title)}</span>
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
      <Ports ports={def?.outputs ?? [{ name: 'out', type: 'any' }]} side="out" />
      <PinnedBadge nodeId={id} />
      {hasIssue && (
        <span className="issue-flag" title={t('editor:canvas.hasIssue')}>
          <Icon name="alert" strokeWidth={2.5} />
        </span>
      )}
    </div>
  );
}

export const BotNode = memo(BotNodeView);
BotNode.displayName = 'BotNode';

export const nodeTypes = { bot: BotNode };

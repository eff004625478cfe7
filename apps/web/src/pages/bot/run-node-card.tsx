import type { NodeRun } from '@bm/contract';
import { NodeRunOutput, type RunInput } from '../../editor/inspector/node-run-output';
import { NodeIcon } from '../../ui/node-icon';
import { formatDateTime } from '../../ui/time';
import { ReusedFrom } from '../../editor/debug/reused-from';

type Props = { nodeRun: NodeRun; label: string; category?: string; icon?: string; connectionId?: string | null; inputs?: RunInput[] };

/** One node of a run on the run page; its id is an anchor the failure alert links to. */
export function RunNodeCard({ nodeRun, label, category, icon, connectionId, inputs }: Props) {
  return (
    <section
      className="card run-node-card"
      id={`node-${nodeRun.nodeId}`}
      tabIndex={-1}
      data-testid="run-node"
      data-node-id={nodeRun.nodeId}
      data-status={nodeRun.status}
      aria-label={label}
    >
      <div className={`card-header cat-${category ?? 'transform'}`}>
        <span className="node-type-icon">
          <NodeIcon name={icon} size={14} />
        </span>
        <h3 className="truncate">{label}</h3>
        <span className="node-id mono small muted">{nodeRun.nodeId}</span>
        <span className="spacer" />
        <ReusedFrom nodeRun={nodeRun} />
        {nodeRun.startedAt && <span className="small muted">{formatDateTime(nodeRun.startedAt)}</span>}
      </div>
      <div className="card-body">
        <NodeRunOutput nodeRun={nodeRun} connectionId={connectionId} inputs={inputs} layout="side" />
      </div>
    </section>
  );
}

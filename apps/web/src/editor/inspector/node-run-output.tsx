import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error';
import type { NodeRun } from '../../api/runs';
import { runErrorMessage, runsApi } from '../../api/runs';
import { Button } from '../../ui/button';
import { JsonView } from '../../ui/json-view';
import { Alert } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatDuration } from '../../ui/time';

/** What one node did in a run: status, timing, attempts, usage, error and output. */
export function NodeRunOutput({ nodeRun }: { nodeRun: NodeRun }) {
  const error = runErrorMessage(nodeRun.error);
  // Large outputs are not inlined in the run; fetch them on demand.
  const full = useMutation({ mutationFn: () => runsApi.nodeOutput(nodeRun.outputRef!) });
  const value = full.data ? full.data.output : nodeRun.output;
  const output = value as { text?: unknown } | null | undefined;
  const text = output && typeof output === 'object' && typeof output.text === 'string' ? output.text : null;
  return (
    <div className="stack" data-testid="node-run-output">
      <div className="row-wrap">
        <StatusBadge status={nodeRun.status} />
        {nodeRun.reused && <span className="badge" title="Reused from the run this one resumed">reused</span>}
        <span className="small muted">
          {[
            formatDuration(nodeRun.startedAt, nodeRun.finishedAt),
            `${nodeRun.attempts} attempt${nodeRun.attempts === 1 ? '' : 's'}`,
            nodeRun.model,
            nodeRun.usage && `${nodeRun.usage.inputTokens} in / ${nodeRun.usage.outputTokens} out tokens`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {text !== null && <pre className="pre">{text}</pre>}
      {value !== undefined && value !== null && <JsonView value={value} label={text !== null ? 'Full output' : 'Output'} defaultOpen={text === null} />}
      {nodeRun.outputRef && !full.data && (
        <div className="row">
          <span className="small muted">The output is large and not shown inline.</span>
          <Button size="sm" loading={full.isPending} onClick={() => full.mutate()}>
            Load output
          </Button>
          {full.isError && <span className="field-error">{errorMessage(full.error)}</span>}
        </div>
      )}
    </div>
  );
}

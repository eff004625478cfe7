import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import type { NodeRun } from '@bm/contract';
import { runErrorCode, runErrorMessage, runsApi } from '../../api/runs';
import { connectionEditHref, connectionFix } from '../../api/connection-fix';
import { Button } from '../../ui/button';
import { JsonView } from '../../ui/json-view';
import { Alert } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatDuration } from '../../ui/time';

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && Object.keys(v).length === 0);

/** What one node did in a run: status, timing, attempts, usage, error (with its fix) and output. */
export function NodeRunOutput({ nodeRun, connectionId }: { nodeRun: NodeRun; connectionId?: string | null }) {
  const error = runErrorMessage(nodeRun.error);
  const fix = connectionFix(runErrorCode(nodeRun.error));
  // Large outputs are not inlined in the run; fetch them on demand.
  const full = useMutation({ mutationFn: () => runsApi.nodeOutput(nodeRun.outputRef!) });
  const value = full.data ? full.data.output : nodeRun.output;
  const output = value as { text?: unknown } | null | undefined;
  const text = output && typeof output === 'object' && typeof output.text === 'string' ? output.text : null;
  const started = Boolean(nodeRun.startedAt) || nodeRun.attempts > 0;
  return (
    <div className="stack" data-testid="node-run-output">
      <div className="row-wrap">
        <StatusBadge status={nodeRun.status} />
        {nodeRun.reused && <span className="badge" title="Reused from the run this one resumed">reused</span>}
        <span className="small muted">
          {started
            ? [
                formatDuration(nodeRun.startedAt, nodeRun.finishedAt),
                `${nodeRun.attempts} attempt${nodeRun.attempts === 1 ? '' : 's'}`,
                nodeRun.model,
                nodeRun.usage && `${nodeRun.usage.inputTokens} in / ${nodeRun.usage.outputTokens} out tokens`,
              ]
                .filter(Boolean)
                .join(' · ')
            : 'Not started'}
        </span>
      </div>
      {error && (
        <Alert kind={nodeRun.status === 'skipped' ? 'info' : 'error'}>
          <div className="stack" style={{ gap: 6 }}>
            <span data-testid="node-error">{error}</span>
            {fix && connectionId && (
              <div>
                <Link to={connectionEditHref(connectionId, fix.focus)} className="btn btn-sm">
                  {fix.label}
                </Link>
              </div>
            )}
          </div>
        </Alert>
      )}
      {text !== null && <pre className="pre">{text}</pre>}
      {value !== undefined && value !== null && <JsonView value={value} label={text !== null ? 'Full output' : 'Output'} defaultOpen={text === null} />}
      {!isEmpty(nodeRun.input) && <JsonView value={nodeRun.input} label="Input (parameters as resolved)" defaultOpen={false} />}
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

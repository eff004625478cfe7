import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { queryKeys } from '../../api/query-keys';
import { runErrorMessage, runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { Button } from '../../ui/button';
import { StatusBadge } from '../../ui/status-badge';
import { formatDuration } from '../../ui/time';
import { toast } from '../../ui/toast';
import { useEditorStore } from '../store/editor-store';

/** A pill over the canvas while a run is shown on it. */
export function RunBanner({ onClose }: { onClose: () => void }) {
  const run = useEditorStore((s) => s.run);
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => runsApi.cancel(run!.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.run(run!.id) }),
    onError: (err) => toast.error(errorMessage(err)),
  });
  if (!run) return null;
  const done = run.nodes.filter((n) => n.status === 'succeeded').length;
  const active = !TERMINAL_RUN_STATUSES.has(run.status);
  const error = runErrorMessage(run.error);
  return (
    <div className="canvas-overlay top">
      <div className="run-banner" data-testid="run-banner" data-status={run.status}>
        <StatusBadge status={run.status} />
        <span className="muted">
          {done}/{run.nodes.length || '…'} nodes · {formatDuration(run.startedAt, run.finishedAt)}
        </span>
        {error && (
          <span className="truncate" style={{ maxWidth: 280, color: 'var(--danger)' }} title={error}>
            {error}
          </span>
        )}
        <Link to={`runs/${run.id}`} className="small">
          Details
        </Link>
        {active && (
          <Button size="sm" variant="danger" icon="stop" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel
          </Button>
        )}
        <Button size="sm" variant="ghost" icon="x" aria-label="Hide run" title="Hide run from the canvas" onClick={onClose} />
      </div>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { runErrorMessage, runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatDateTime, formatDuration, formatRelative } from '../../ui/time';

export function RunsPage() {
  const { botId } = useParams();
  const navigate = useNavigate();
  const runs = useQuery({
    queryKey: queryKeys.runs(botId!),
    queryFn: () => runsApi.listForBot(botId!),
    select: (d) => d.runs,
    // Keep the list live while something is still going.
    refetchInterval: (q) => (q.state.data?.runs.some((r) => !TERMINAL_RUN_STATUSES.has(r.status)) ? 2000 : false),
  });

  return (
    <div className="page">
      <PageHeader title="Runs" subtitle="Every execution of this bot, newest first. Click one for per-node details." />
      {runs.isPending ? (
        <LoadingState label="Loading runs…" />
      ) : runs.isError ? (
        <ErrorState error={runs.error} title="Could not load runs" onRetry={() => runs.refetch()} />
      ) : runs.data.length === 0 ? (
        <EmptyState icon="play" title="No runs yet">
          Press <b>Run</b> in the editor, add a schedule or call the webhook under <b>Triggers</b>.
        </EmptyState>
      ) : (
        <div className="card">
          <table className="table">
            <thead>
              <tr>
                <th>Status</th>
                <th>Started</th>
                <th>Duration</th>
                <th>Trigger</th>
                <th>Version</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id} className="clickable" onClick={() => navigate(run.id)} data-testid="run-row">
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td title={formatDateTime(run.startedAt ?? run.createdAt)}>
                    {/* The row is clickable for the mouse; this link is the way in for the keyboard. */}
                    <Link to={run.id} className="row-link" onClick={(e) => e.stopPropagation()}>
                      {formatRelative(run.startedAt ?? run.createdAt)}
                    </Link>
                  </td>
                  <td>{formatDuration(run.startedAt, run.finishedAt)}</td>
                  <td>
                    <span className="badge">{run.trigger}</span>
                  </td>
                  <td className="muted">v{run.version}</td>
                  <td className="truncate" style={{ maxWidth: 280, color: 'var(--danger)' }} title={runErrorMessage(run.error) ?? ''}>
                    {runErrorMessage(run.error)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

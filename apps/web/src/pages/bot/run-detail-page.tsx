import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
import { useBot } from '../../api/use-bot';
import { useNodeTypes } from '../../api/use-node-types';
import { queryKeys } from '../../api/query-keys';
import { runErrorMessage, runsApi, TERMINAL_RUN_STATUSES, type NodeRun } from '../../api/runs';
import { NodeRunOutput } from '../../editor/inspector/node-run-output';
import { Button } from '../../ui/button';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatDateTime, formatDuration } from '../../ui/time';

function NodeRunCard({ nodeRun, label, category }: { nodeRun: NodeRun; label: string; category?: string }) {
  return (
    <div className="card" data-testid="run-node" data-node-id={nodeRun.nodeId} data-status={nodeRun.status}>
      <div className={`card-header cat-${category ?? 'transform'}`}>
        <span style={{ width: 8, height: 8, borderRadius: 2, background: 'var(--cat)', flex: 'none' }} />
        <h3 className="truncate">{label}</h3>
        <span className="node-id mono small muted">{nodeRun.nodeId}</span>
        <span className="spacer" />
        <span className="small muted">{formatDateTime(nodeRun.startedAt)}</span>
      </div>
      <div className="card-body">
        <NodeRunOutput nodeRun={nodeRun} />
      </div>
    </div>
  );
}

export function RunDetailPage() {
  const { botId, runId } = useParams();
  const bot = useBot(botId);
  const nodeTypes = useNodeTypes();
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: queryKeys.run(runId!),
    queryFn: () => runsApi.get(runId!),
    refetchInterval: (q) => (q.state.data && TERMINAL_RUN_STATUSES.has(q.state.data.status) ? false : 1000),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.run(runId!) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.runs(botId!) });
  };
  const cancel = useMutation({ mutationFn: () => runsApi.cancel(runId!), onSuccess: refresh });
  const navigate = useNavigate();
  const resume = useMutation({
    mutationFn: () => runsApi.resume(runId!),
    onSuccess: ({ runId: next }) => {
      refresh();
      navigate(`../${next}`, { relative: 'path' });
    },
  });

  if (run.isPending) return <LoadingState label="Loading run…" />;
  if (run.isError) {
    if (isApiError(run.error) && run.error.status === 404)
      return (
        <div className="page">
          <EmptyState icon="list" title="Run not found" action={<Link to="../runs" relative="path">All runs</Link>} />
        </div>
      );
    return <ErrorState error={run.error} title="Could not load this run" onRetry={() => run.refetch()} />;
  }
  const r = run.data;
  const graphNodes = bot.data?.graph.nodes ?? [];
  const defOf = (type: string) => nodeTypes.data?.find((d) => d.id === type);
  const labelOf = (nodeId: string, type: string) => graphNodes.find((n) => n.id === nodeId)?.label || defOf(type)?.title || type;
  const active = !TERMINAL_RUN_STATUSES.has(r.status);
  const tokens = r.nodes.reduce((sum, n) => sum + (n.usage ? n.usage.inputTokens + n.usage.outputTokens : 0), 0);
  const error = runErrorMessage(r.error);

  return (
    <div className="page">
      <Link to="../runs" relative="path" className="row small" style={{ marginBottom: 10 }}>
        <Icon name="chevronLeft" width={14} height={14} /> All runs
      </Link>
      <PageHeader
        title={
          <span className="row">
            Run <span className="mono muted" style={{ fontSize: 15 }}>{r.id}</span> <StatusBadge status={r.status} />
          </span>
        }
        actions={
          <>
            <Link to={`../..?run=${r.id}`} relative="path" className="btn btn-sm">
              <Icon name="flow" /> Show on canvas
            </Link>
            {active && (
              <Button size="sm" variant="danger" icon="stop" loading={cancel.isPending} onClick={() => cancel.mutate()}>
                Cancel run
              </Button>
            )}
            {(r.status === 'failed' || r.status === 'cancelled') && (
              <Button size="sm" variant="primary" icon="refresh" loading={resume.isPending} onClick={() => resume.mutate()} title="Start a new run that reuses the outputs of the nodes that already succeeded">
                Resume
              </Button>
            )}
          </>
        }
      />
      <div className="stack-lg">
        <ErrorAlert error={cancel.error ?? resume.error} />
        <div className="card card-body">
          <dl className="kv">
            <dt>Started</dt>
            <dd>{formatDateTime(r.startedAt)}</dd>
            <dt>Finished</dt>
            <dd>{active ? 'still running…' : formatDateTime(r.finishedAt)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(r.startedAt, r.finishedAt)}</dd>
            <dt>Trigger</dt>
            <dd>{r.trigger ?? '—'}</dd>
            <dt>Bot version</dt>
            <dd>v{r.version}</dd>
            {r.resumedFromId && (
              <>
                <dt>Resumed from</dt>
                <dd>
                  <Link to={`../${r.resumedFromId}`} relative="path" className="mono">
                    {r.resumedFromId}
                  </Link>
                </dd>
              </>
            )}
            <dt>Tokens</dt>
            <dd>{tokens > 0 ? tokens.toLocaleString() : '—'}</dd>
          </dl>
        </div>
        {error && <Alert kind="error" title="The run failed">{error}</Alert>}
        {r.nodes.length === 0 ? (
          <EmptyState icon="clock" title={active ? 'Waiting for the first node…' : 'No node ran'} />
        ) : (
          r.nodes.map((n) => <NodeRunCard key={n.nodeId} nodeRun={n} label={labelOf(n.nodeId, n.type)} category={defOf(n.type)?.category} />)
        )}
      </div>
    </div>
  );
}

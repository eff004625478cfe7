import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
import { useBot } from '../../api/use-bot';
import { useNodeTypes } from '../../api/use-node-types';
import { queryKeys } from '../../api/query-keys';
import { runErrorMessage, runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { useRunEvents } from '../../api/use-run-events';
import { can, useRole } from '../../session/roles';
import { Button } from '../../ui/button';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatter } from '../../i18n/i18n';
import { formatDateTime, formatDuration } from '../../ui/time';
import { RunNodeCard } from './run-node-card';
import { inRunOrder } from './run-order';
import { triggerLabel } from './trigger-labels';
import { CostText } from '../usage/cost-text';
import { ParentRunLink } from '../../editor/run-items/run-links';
import { RerunButton } from './rerun-button';
import { RunFollowUps, shortRunId } from './run-origin';

export function RunDetailPage() {
  const { botId, runId } = useParams();
  const bot = useBot(botId);
  const nodeTypes = useNodeTypes();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  // Followed through its event stream; polled only when the stream is not available.
  const live = useRunEvents(runId);
  const run = useQuery({
    queryKey: queryKeys.run(runId!),
    queryFn: () => runsApi.get(runId!),
    refetchInterval: (q) => (live || (q.state.data && TERMINAL_RUN_STATUSES.has(q.state.data.status)) ? false : 1000),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.run(runId!) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.runs(botId!) });
  };
  const cancel = useMutation({ mutationFn: () => runsApi.cancel(runId!), onSuccess: refresh });
  // Cancelling and resuming are an editor's; a viewer sees why the buttons do nothing.
  const mayRun = can(useRole(useBot(botId).data?.workspaceId), 'runs.start');
  const gate = mayRun ? {} : { disabled: true, title: t('teams:roleGate.editorsRun') };
  const navigate = useNavigate();
  const resume = useMutation({
    mutationFn: () => runsApi.resume(runId!),
    onSuccess: ({ runId: next }) => {
      refresh();
      navigate(`../${next}`, { relative: 'path' });
    },
  });

  if (run.isPending) return <LoadingState label={t('pages:runDetail.loading')} />;
  if (run.isError) {
    if (isApiError(run.error) && run.error.status === 404)
      return (
        <div className="page">
          <EmptyState
            icon="list"
            title={t('pages:runDetail.notFound')}
            action={
              <Link to="../runs" relative="path">
                {t('pages:runDetail.allRuns')}
              </Link>
            }
          />
        </div>
      );
    return <ErrorState error={run.error} title={t('pages:runDetail.loadError')} onRetry={() => run.refetch()} />;
  }
  const r = run.data;
  const graphNodes = bot.data?.graph.nodes ?? [];
  const defOf = (type: string) => nodeTypes.data?.find((d) => d.id === type);
  // The bot's graph says which nodes feed which (a run records outputs, not edges).
  const inputsOf = (nodeId: string) => {
    const sources = [...new Set((bot.data?.graph.edges ?? []).filter((e) => e.target === nodeId).map((e) => e.source))];
    return sources.map((id) => {
      const nodeRun = r.nodes.find((x) => x.nodeId === id);
      return { nodeId: id, title: labelOf(id, nodeRun?.type ?? graphNodes.find((g) => g.id === id)?.type ?? ''), nodeRun };
    });
  };
  const labelOf = (nodeId: string, type: string) => graphNodes.find((n) => n.id === nodeId)?.label || defOf(type)?.title || type;
  // An LLM node's failure may be its connection's: the card links to the fix.
  const connectionOf = (nodeId: string, type: string) => {
    const param = defOf(type)?.connectionParams[0];
    if (!param) return undefined;
    const own = graphNodes.find((n) => n.id === nodeId)?.params[param];
    return typeof own === 'string' && own ? own : (bot.data?.llmConnectionId ?? undefined);
  };
  const failedNodeId = r.error && typeof r.error === 'object' && 'nodeId' in r.error ? String(r.error.nodeId) : undefined;
  const active = !TERMINAL_RUN_STATUSES.has(r.status);
  const tokens = r.nodes.reduce((sum, n) => sum + (n.usage ? n.usage.inputTokens + n.usage.outputTokens : 0), 0);
  const error = runErrorMessage(r.error);

  return (
    <div className="page">
      <Link to="../runs" relative="path" className="row small" style={{ marginBottom: 10 }}>
        <Icon name="chevronLeft" width={14} height={14} /> {t('pages:runDetail.allRuns')}
      </Link>
      <PageHeader
        title={
          <span className="row">
            {t('pages:runDetail.title')}{' '}
            <span className="mono muted" style={{ fontSize: 15 }}>
              {r.id}
            </span>{' '}
            <StatusBadge status={r.status} />
          </span>
        }
        actions={
          <>
            <Link to={`../..?run=${r.id}`} relative="path" className="btn btn-sm">
              <Icon name="flow" /> {t('pages:runDetail.showOnCanvas')}
            </Link>
            {active && (
              <Button size="sm" variant="danger" icon="stop" loading={cancel.isPending} onClick={() => cancel.mutate()} {...gate}>
                {t('pages:runDetail.cancel')}
              </Button>
            )}
            {(r.status === 'failed' || r.status === 'cancelled') && (
              <Button
                size="sm"
                variant="primary"
                icon="refresh"
                loading={resume.isPending}
                onClick={() => resume.mutate()}
                title={t('pages:runDetail.resumeTitle')}
                {...gate}
              >
                {t('pages:runDetail.resume')}
              </Button>
            )}
            <RerunButton run={r} workspaceId={bot.data?.workspaceId} />
          </>
        }
      />
      <div className="stack-lg">
        <ErrorAlert error={cancel.error ?? resume.error} />
        <div className="card card-body">
          <dl className="kv">
            <dt>{t('pages:runDetail.started')}</dt>
            <dd>{formatDateTime(r.startedAt)}</dd>
            <dt>{t('pages:runDetail.finished')}</dt>
            <dd>{active ? t('pages:runDetail.stillRunning') : formatDateTime(r.finishedAt)}</dd>
            <dt>{t('pages:runDetail.duration')}</dt>
            <dd>{formatDuration(r.startedAt, r.finishedAt)}</dd>
            <dt>{t('pages:runDetail.trigger')}</dt>
            <dd>{triggerLabel(r.trigger)}</dd>
            <dt>{t('pages:runDetail.botVersion')}</dt>
            <dd>
              <Link
                to={`/bots/${r.botId}?version=${r.version}`}
                title={t('versions:runs.openVersion', { version: r.version })}
                data-testid="run-version-link"
              >
                {t('pages:botLayout.version', { version: r.version })}
              </Link>
            </dd>
            {r.resumedFromId && (
              <>
                <dt>{t('pages:runDetail.resumedFrom')}</dt>
                <dd>
                  <Link to={`../${r.resumedFromId}`} relative="path" className="mono">
                    {r.resumedFromId}
                  </Link>
                </dd>
              </>
            )}
            {r.rerunOfId && (
              <>
                <dt>{t('pages:runs.origin.rerunOfLabel')}</dt>
                <dd>
                  <Link to={`../${r.rerunOfId}`} relative="path" className="mono" data-testid="run-origin-rerun">
                    {shortRunId(r.rerunOfId)}
                  </Link>
                </dd>
              </>
            )}
            {r.followUps?.length ? (
              <>
                <dt>{t('pages:runs.origin.followUps')}</dt>
                <dd>
                  <RunFollowUps run={r} />
                </dd>
              </>
            ) : null}
            {r.parentRunId && (
              <>
                <dt>{t('editor:runLinks.startedBy')}</dt>
                <dd>
                  <ParentRunLink parentRunId={r.parentRunId} />
                </dd>
              </>
            )}
            <dt>{t('pages:runDetail.tokens')}</dt>
            <dd>{tokens > 0 ? formatter().tokens(tokens) : '—'}</dd>
            <dt>{t('usage:bot.runCost')}</dt>
            <dd data-testid="run-detail-cost">
              <CostText costUsd={r.costUsd} unpricedCalls={r.unpricedCalls} />
            </dd>
          </dl>
        </div>
        {error && (
          <Alert
            kind="error"
            title={
              failedNodeId
                ? t('pages:runDetail.failedAt', { node: labelOf(failedNodeId, r.nodes.find((n) => n.nodeId === failedNodeId)?.type ?? '') })
                : t('pages:runDetail.failed')
            }
          >
            {error}
            {failedNodeId && (
              <>
                {' '}
                {/* Not a #hash link: a hash change is a history POP, which the unsaved-changes blocker would see. */}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const card = document.getElementById(`node-${failedNodeId}`);
                    card?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                    card?.focus({ preventScroll: true });
                  }}
                >
                  {t('pages:runDetail.showNode')}
                </button>
              </>
            )}
            {r.status === 'failed' && (
              <div className="small" style={{ marginTop: 4 }}>
                {t('pages:runDetail.resumeHint')}
              </div>
            )}
          </Alert>
        )}
        {r.nodes.length === 0 ? (
          <EmptyState icon="clock" title={active ? t('pages:runDetail.waiting') : t('pages:runDetail.noNode')} />
        ) : (
          inRunOrder(r.nodes).map((n) => (
            <RunNodeCard
              key={n.nodeId}
              nodeRun={n}
              label={labelOf(n.nodeId, n.type)}
              category={defOf(n.type)?.category}
              icon={defOf(n.type)?.display.icon}
              connectionId={connectionOf(n.nodeId, n.type)}
              inputs={inputsOf(n.nodeId)}
            />
          ))
        )}
      </div>
    </div>
  );
}

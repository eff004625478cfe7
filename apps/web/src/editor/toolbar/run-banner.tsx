import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../i18n/error-text';
import { t as tr } from '../../i18n/i18n';
import { queryKeys } from '../../api/query-keys';
import { runErrorMessage, runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { Button } from '../../ui/button';
import { StatusBadge } from '../../ui/status-badge';
import { formatDuration } from '../../ui/time';
import { toast } from '../../ui/toast';
import { useEditorStore } from '../store/editor-store';
import { ParentRunLink } from '../run-items/run-links';

type Props = {
  onClose: () => void;
  /** Shows another run on the canvas (the one a resume started). */
  onTrack: (runId: string) => void;
};

/** A pill over the canvas while a run is shown on it. */
export function RunBanner({ onClose, onTrack }: Props) {
  const run = useEditorStore((s) => s.run);
  const selectNode = useEditorStore((s) => s.selectNode);
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const cancel = useMutation({
    mutationFn: () => runsApi.cancel(run!.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.run(run!.id) }),
    onError: (err) => toast.error(errorText(err)),
  });
  const resume = useMutation({
    mutationFn: () => runsApi.resume(run!.id),
    onSuccess: ({ runId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.runs(run!.botId) });
      onTrack(runId);
    },
    onError: (err) => toast.error(tr('editor:toasts.notResumed', { reason: errorText(err) })),
  });
  if (!run) return null;
  const done = run.nodes.filter((n) => n.status === 'succeeded').length;
  const active = !TERMINAL_RUN_STATUSES.has(run.status);
  const error = runErrorMessage(run.error);
  const failedNodeId = run.error && typeof run.error === 'object' && 'nodeId' in run.error ? String(run.error.nodeId) : undefined;
  return (
    <div className="canvas-overlay top">
      <div className="run-banner" data-testid="run-banner" data-status={run.status}>
        <StatusBadge status={run.status} />
        <span className="muted">
          {t('editor:runBanner.progress', {
            done,
            total: run.nodes.length || '…',
            duration: formatDuration(run.startedAt, run.finishedAt),
          })}
        </span>
        {error &&
          (failedNodeId ? (
            <button
              type="button"
              className="run-banner-error truncate"
              title={t('editor:runBanner.clickToShow', { error })}
              onClick={() => selectNode(failedNodeId)}
            >
              {error}
            </button>
          ) : (
            <span className="run-banner-error truncate" title={error}>
              {error}
            </span>
          ))}
        {run.parentRunId && <ParentRunLink parentRunId={run.parentRunId} className="small" />}
        <Link to={`runs/${run.id}`} className="small">
          {t('editor:runBanner.details')}
        </Link>
        {active && (
          <Button size="sm" variant="danger" icon="stop" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('editor:runBanner.cancel')}
          </Button>
        )}
        {(run.status === 'failed' || run.status === 'cancelled') && (
          <Button
            size="sm"
            icon="refresh"
            loading={resume.isPending}
            onClick={() => resume.mutate()}
            title={t('editor:runBanner.resumeTitle')}
          >
            {t('editor:runBanner.resume')}
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          icon="x"
          aria-label={t('editor:runBanner.hide')}
          title={t('editor:runBanner.hideTitle')}
          onClick={onClose}
        />
      </div>
    </div>
  );
}

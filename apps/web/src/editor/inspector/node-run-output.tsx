import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../i18n/error-text';
import { formatter } from '../../i18n/i18n';
import type { NodeRun } from '@bm/contract';
import { runErrorCode, runErrorMessage, runsApi } from '../../api/runs';
import { connectionEditHref, connectionFix } from '../../api/connection-fix';
import { Button } from '../../ui/button';
import { JsonView } from '../../ui/json-view';
import { Alert } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatDuration } from '../../ui/time';
import { NodeCost } from '../../pages/usage/cost-text';

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && Object.keys(v).length === 0);

/** What one node did in a run: status, timing, attempts, usage, error (with its fix) and output. */
export function NodeRunOutput({ nodeRun, connectionId }: { nodeRun: NodeRun; connectionId?: string | null }) {
  const { t } = useTranslation();
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
        {nodeRun.reused && (
          <span className="badge" title={t('editor:runOutput.reusedTitle')}>
            {t('editor:runOutput.reused')}
          </span>
        )}
        <span className="small muted">
          {started
            ? [
                formatDuration(nodeRun.startedAt, nodeRun.finishedAt),
                t('editor:runOutput.attempts', { count: nodeRun.attempts }),
                nodeRun.model,
                nodeRun.usage &&
                  t('editor:runOutput.usage', {
                    input: formatter().tokens(nodeRun.usage.inputTokens),
                    output: formatter().tokens(nodeRun.usage.outputTokens),
                  }),
              ]
                .filter(Boolean)
                .join(' · ')
            : t('editor:runOutput.notStarted')}
        </span>
      </div>
      <NodeCost nodeRun={nodeRun} />
      {error && (
        <Alert kind={nodeRun.status === 'skipped' ? 'info' : 'error'}>
          <div className="stack" style={{ gap: 6 }}>
            <span data-testid="node-error">{error}</span>
            {fix && connectionId && (
              <div>
                <Link to={connectionEditHref(connectionId, fix.focus)} className="btn btn-sm">
                  {t(fix.label)}
                </Link>
              </div>
            )}
          </div>
        </Alert>
      )}
      {text !== null && <pre className="pre">{text}</pre>}
      {value !== undefined && value !== null && (
        <JsonView
          value={value}
          label={text !== null ? t('editor:runOutput.fullOutput') : t('editor:runOutput.output')}
          defaultOpen={text === null}
        />
      )}
      {!isEmpty(nodeRun.input) && <JsonView value={nodeRun.input} label={t('editor:runOutput.input')} defaultOpen={false} />}
      {nodeRun.outputRef && !full.data && (
        <div className="row">
          <span className="small muted">{t('editor:runOutput.large')}</span>
          <Button size="sm" loading={full.isPending} onClick={() => full.mutate()}>
            {t('editor:runOutput.load')}
          </Button>
          {full.isError && <span className="field-error">{errorText(full.error)}</span>}
        </div>
      )}
    </div>
  );
}

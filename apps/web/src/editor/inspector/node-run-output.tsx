import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../i18n/error-text';
import { formatter } from '../../i18n/i18n';
import type { NodeRun } from '@bm/contract';
import { runErrorCode, runErrorMessage, runsApi } from '../../api/runs';
import { connectionEditHref, connectionFix } from '../../api/connection-fix';
import { Button } from '../../ui/button';
import { Alert } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { formatDateTime, formatDuration } from '../../ui/time';
import { NodeCost } from '../../pages/usage/cost-text';
import { IoPanes, type RunInput } from './run-panel/io-panes';
import { ValueView } from './run-panel/value-view';
import './run-panel/run-panel.css';

export type { RunInput } from './run-panel/io-panes';

type Props = {
  nodeRun: NodeRun;
  connectionId?: string | null;
  /** The nodes this one reads, with their node runs from the same run: the INPUT pane. */
  inputs?: RunInput[];
  /** `side`: input and output side by side (wide places); `stacked` (the inspector): output first. */
  layout?: 'stacked' | 'side';
  /** Buttons about this node's run (pin its output, run from here, open wide), in the panel's head. */
  actions?: ReactNode;
  /** Shown above the panes, e.g. text streamed while an LLM node runs. */
  children?: ReactNode;
};

/**
 * What one node did in a run: status, timings, attempts, tokens and cost, its error with the fix,
 * and the input it received beside the output it gave (table / JSON / text views).
 */
export function NodeRunOutput({ nodeRun, connectionId, inputs, layout = 'stacked', actions, children }: Props) {
  const { t } = useTranslation();
  const error = runErrorMessage(nodeRun.error);
  const fix = connectionFix(runErrorCode(nodeRun.error));
  // Large outputs are not inlined in the run; fetch them on demand.
  const full = useMutation({ mutationFn: () => runsApi.nodeOutput(nodeRun.outputRef!) });
  const value = full.data ? full.data.output : nodeRun.output;
  const started = Boolean(nodeRun.startedAt) || nodeRun.attempts > 0;
  const output = (
    <>
      {value !== undefined && value !== null ? (
        <ValueView value={value} testId="node-output-value" />
      ) : (
        !nodeRun.outputRef && <p className="small muted">{t('expressions:panel.noOutput')}</p>
      )}
      {nodeRun.outputRef && !full.data && (
        <div className="row">
          <span className="small muted">{t('editor:runOutput.large')}</span>
          <Button size="sm" loading={full.isPending} onClick={() => full.mutate()}>
            {t('editor:runOutput.load')}
          </Button>
          {full.isError && <span className="field-error">{errorText(full.error)}</span>}
        </div>
      )}
    </>
  );
  return (
    <div className="stack" data-testid="node-run-output">
      <div className="run-panel-head">
        <StatusBadge status={nodeRun.status} />
        {nodeRun.reused && (
          <span className="badge" title={t('editor:runOutput.reusedTitle')}>
            {t('editor:runOutput.reused')}
          </span>
        )}
        <span className="small muted" data-testid="node-run-facts">
          {started
            ? [
                nodeRun.startedAt && t('expressions:panel.started', { time: formatDateTime(nodeRun.startedAt) }),
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
        {actions && <span className="run-panel-actions">{actions}</span>}
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
      {children}
      <IoPanes inputs={inputs} params={nodeRun.input} output={output} layout={layout} />
    </div>
  );
}

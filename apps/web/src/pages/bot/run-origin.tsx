import type { RunDetail, RunSummary } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ParentRunLink } from '../../editor/run-items/run-links';

/** A run id as people can tell runs apart in a list: `#` and its last characters. */
export const shortRunId = (id: string) => `#${id.slice(-6)}`;

/**
 * Where a run came from, as links: the run it resumed or re-ran (same bot) and the run that started
 * it (a flow.subbot node's or a failed run's, maybe another bot's: ParentRunLink finds its bot).
 */
export function RunOrigin({ run, botId }: { run: RunSummary; botId: string }) {
  const { t } = useTranslation();
  const to = (id: string) => `/bots/${botId}/runs/${id}`;
  const stop = (e: React.MouseEvent) => e.stopPropagation();
  return (
    <>
      {run.resumedFromId && (
        <Link to={to(run.resumedFromId)} onClick={stop} className="small" data-testid="run-origin-resumed">
          {t('pages:runs.origin.resumedFrom', { run: shortRunId(run.resumedFromId) })}
        </Link>
      )}
      {run.rerunOfId && (
        <Link to={to(run.rerunOfId)} onClick={stop} className="small" data-testid="run-origin-rerun">
          {t('pages:runs.origin.rerunOf', { run: shortRunId(run.rerunOfId) })}
        </Link>
      )}
      {run.parentRunId && (
        <span onClick={stop}>
          <ParentRunLink parentRunId={run.parentRunId} className="small" />
        </span>
      )}
    </>
  );
}

/** The runs that resumed or re-ran this one (the way back from an origin). */
export function RunFollowUps({ run }: { run: RunDetail }) {
  const { t } = useTranslation();
  if (!run.followUps?.length) return null;
  return (
    <span className="row-wrap">
      {run.followUps.map((f) => (
        <Link key={f.id} to={`/bots/${run.botId}/runs/${f.id}`} className="mono" data-testid="run-follow-up">
          {f.kind === 'rerun'
            ? t('pages:runs.origin.rerunAs', { run: shortRunId(f.id) })
            : t('pages:runs.origin.resumedAs', { run: shortRunId(f.id) })}
        </Link>
      ))}
    </span>
  );
}

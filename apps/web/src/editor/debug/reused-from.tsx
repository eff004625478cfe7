import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { NodeRun } from '@bm/contract';
import './debug.css';

/** Where a reused output came from: a link to the earlier run, or "pinned data". */
export function ReusedFrom({ nodeRun }: { nodeRun: Pick<NodeRun, 'reused' | 'reusedFrom'> }) {
  const { t } = useTranslation();
  // Both the editor and the run page live under /bots/:botId.
  const { botId } = useParams();
  const from = nodeRun.reusedFrom;
  if (!nodeRun.reused || !from) return null;
  if (from === 'pinned')
    return (
      <span className="reused-from pinned" data-testid="reused-from" data-from="pinned" title={t('debug:reusedFromPinnedTitle')}>
        {t('debug:reusedFromPinned')}
      </span>
    );
  const run = from.runId.slice(-6);
  return (
    <span className="reused-from" data-testid="reused-from" data-from={from.runId} title={t('debug:reusedFromRunTitle', { run })}>
      {botId ? (
        <Link to={`/bots/${botId}/runs/${from.runId}`}>{t('debug:reusedFromRun', { run: `#${run}` })}</Link>
      ) : (
        t('debug:reusedFromRun', { run: `#${run}` })
      )}
    </span>
  );
}

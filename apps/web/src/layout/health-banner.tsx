import { useHealth } from '../api/health';
import { Icon } from '../ui/icons';

/**
 * Says so when runs cannot start (the workflow service or the worker is down) instead of leaving
 * the Run button to spin; disappears by itself when the server recovers.
 */
export function HealthBanner() {
  const health = useHealth();
  const h = health.data;
  if (!h || h.status === 'ok') return null;
  const runsDown = h.temporal !== 'ok' || h.worker !== 'ok';
  const what = h.db !== 'ok' ? 'The database is not answering' : runsDown ? 'The workflow service is not answering' : 'Part of the server is not answering';
  return (
    <div className="health-banner" role="status" data-testid="health-banner">
      <Icon name="alert" />
      <span>
        <b>{what}.</b> {runsDown ? 'Runs, schedules and webhooks cannot start until it is back; your bots and edits are safe.' : 'Some pages may fail to load.'}
      </span>
      <span className="spacer" />
      <button type="button" className="link-button" onClick={() => void health.refetch()}>
        Check again
      </button>
    </div>
  );
}

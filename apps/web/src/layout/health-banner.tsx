import { useTranslation } from 'react-i18next';
import { useHealth } from '../api/health';
import { Icon } from '../ui/icons';

/**
 * Says so when runs cannot start (the workflow service or the worker is down) instead of leaving
 * the Run button to spin; disappears by itself when the server recovers.
 */
export function HealthBanner() {
  const health = useHealth();
  const { t } = useTranslation();
  const h = health.data;
  if (!h || h.status === 'ok') return null;
  const runsDown = h.temporal !== 'ok' || h.worker !== 'ok';
  const what = h.db !== 'ok' ? t('common:health.db') : runsDown ? t('common:health.workflow') : t('common:health.part');
  return (
    <div className="health-banner" role="status" data-testid="health-banner">
      <Icon name="alert" />
      <span>
        <b>{what}</b> {runsDown ? t('common:health.runsDown') : t('common:health.someFail')}
      </span>
      <span className="spacer" />
      <button type="button" className="link-button" onClick={() => void health.refetch()}>
        {t('common:health.checkAgain')}
      </button>
    </div>
  );
}

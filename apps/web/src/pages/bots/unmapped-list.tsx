import type { Unmapped } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/states';

/** What an n8n import could not carry over, node by node, with the converter's reason. */
export function UnmappedList({ unmapped }: { unmapped: readonly Unmapped[] }) {
  const { t } = useTranslation();
  if (unmapped.length === 0)
    return (
      <Alert kind="success" title={t('gallery:import.allMapped')}>
        {t('gallery:import.allMappedBody')}
      </Alert>
    );
  return (
    <section className="unmapped" aria-labelledby="unmapped-heading" data-testid="unmapped-list">
      <h3 id="unmapped-heading" className="section-title">
        {t('gallery:import.unmappedTitle', { count: unmapped.length })}
      </h3>
      <p className="small muted">{t('gallery:import.unmappedBody')}</p>
      <ul className="unmapped-items">
        {unmapped.map((u, i) => (
          <li key={`${u.node}-${u.param ?? ''}-${i}`} data-testid="unmapped-item">
            {/* Node names and parameters are the workflow's own; the reason comes from the server. */}
            <strong translate="no">{u.node}</strong>
            {u.param && (
              <code className="mono" translate="no">
                {u.param}
              </code>
            )}
            <span className="reason">{u.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

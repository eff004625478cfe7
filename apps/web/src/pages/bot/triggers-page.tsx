import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../ui/page-header';
import { SchedulesSection } from './schedules-section';
import { WebhookSection } from './webhook-section';

export function TriggersPage() {
  const { botId } = useParams();
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('pages:triggers.title')} subtitle={t('pages:triggers.subtitle')} />
      <div className="stack-lg">
        <SchedulesSection botId={botId!} />
        <WebhookSection botId={botId!} />
      </div>
    </div>
  );
}

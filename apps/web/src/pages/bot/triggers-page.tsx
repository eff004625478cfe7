import { useParams } from 'react-router-dom';
import { PageHeader } from '../../ui/page-header';
import { SchedulesSection } from './schedules-section';
import { WebhookSection } from './webhook-section';

export function TriggersPage() {
  const { botId } = useParams();
  return (
    <div className="page">
      <PageHeader title="Triggers" subtitle="Besides the Run button, a bot can start on a schedule or when something calls its webhook." />
      <div className="stack-lg">
        <SchedulesSection botId={botId!} />
        <WebhookSection botId={botId!} />
      </div>
    </div>
  );
}

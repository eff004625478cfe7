import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useBot } from '../../api/use-bot';
import { can, useRole } from '../../session/roles';
import { PageHeader } from '../../ui/page-header';
import { Alert } from '../../ui/states';
import { SchedulesSection } from './schedules-section';
import { WebhookSection } from './webhook-section';

export function TriggersPage() {
  const { botId } = useParams();
  const { t } = useTranslation();
  const mayWrite = can(useRole(useBot(botId).data?.workspaceId), 'schedules.write');
  return (
    <div className="page">
      <PageHeader title={t('pages:triggers.title')} subtitle={t('pages:triggers.subtitle')} />
      {/* A disabled fieldset leaves a viewer every control visible but unusable, with the reason above. */}
      <fieldset className="inspector-fieldset stack-lg" disabled={!mayWrite}>
        {!mayWrite && <Alert kind="info">{t('teams:roleGate.viewTriggers')}</Alert>}
        <SchedulesSection botId={botId!} />
        <WebhookSection botId={botId!} />
      </fieldset>
    </div>
  );
}

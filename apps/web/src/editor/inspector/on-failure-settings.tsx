import { useTranslation } from 'react-i18next';
import { BudgetNotifyFields, notifyDraftOf, notifyOfDraft, type NotifyDraft } from '../../pages/settings/budget-notify-fields';
import { useWorkspaceId } from '../../session/workspace';
import { useEditorStore } from '../store/editor-store';
import { BotPicker } from './bot-picker';
import { useState } from 'react';

/**
 * The bot's "on failure" setting, saved with the bot: another bot of the workspace to run with the
 * failed run's details, and the channels that get a notice (the API checks both when it saves).
 */
export function OnFailureSettings() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const onFailure = useEditorStore((s) => s.meta.onFailure);
  const setMeta = useEditorStore((s) => s.setMeta);
  // Addresses are kept as typed until they parse; what is saved is the parsed list.
  const [draft, setDraft] = useState<NotifyDraft>(() => notifyDraftOf(onFailure?.notify));
  const save = (botId: string | null, notify: NotifyDraft) => {
    const channels = notifyOfDraft(notify);
    setMeta({ onFailure: botId || channels ? { ...(botId ? { botId } : {}), ...(channels ? { notify: channels } : {}) } : null });
  };
  return (
    <div className="inspector-section" data-testid="on-failure-settings">
      <h3>{t('editor:botSettings.onFailure.title')}</h3>
      <p className="small muted">{t('editor:botSettings.onFailure.hint')}</p>
      <BotPicker
        id="bot-meta-on-failure-bot"
        label={t('editor:botSettings.onFailure.bot')}
        value={onFailure?.botId ?? undefined}
        onChange={(botId) => save(botId ?? null, draft)}
      />
      <BudgetNotifyFields
        workspaceId={workspaceId}
        idPrefix="bot-meta-on-failure"
        legend={t('editor:botSettings.onFailure.notify')}
        help={t('editor:botSettings.onFailure.notifyHelp')}
        value={draft}
        onChange={(next) => {
          setDraft(next);
          save(onFailure?.botId ?? null, next);
        }}
      />
    </div>
  );
}

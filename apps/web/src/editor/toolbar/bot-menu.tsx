import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { portabilityApi } from '../../api/templates';
import { useBot } from '../../api/use-bot';
import { errorText } from '../../i18n/error-text';
import { t as tr } from '../../i18n/i18n';
import { PublishTemplateDialog } from '../../pages/bot/publish-template-dialog';
import { downloadText } from '../../pages/usage/csv';
import { MenuButton } from '../../ui/menu-button';
import { toast } from '../../ui/toast';
import { useEditorStore } from '../store/editor-store';

/** `Daily digest (v2)` → `daily-digest-v2.bot.json`; letters of any script stay. */
export function exportFileName(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'bot'}.bot.json`;
}

/** The editor's "…" menu: publish the bot as a template, export it as a file. */
export function BotMenu() {
  const { botId } = useParams();
  const bot = useBot(botId);
  const dirty = useEditorStore((s) => s.dirty);
  const { t } = useTranslation();
  const [publishing, setPublishing] = useState(false);
  const exportBot = useMutation({
    mutationFn: () => portabilityApi.export(botId!),
    onSuccess: (doc) => {
      downloadText(exportFileName(doc.bot.name), `${JSON.stringify(doc, null, 2)}\n`, 'application/json', { bom: false });
      // An export is of the saved bot: say so when the canvas has more.
      if (dirty) toast.info(tr('gallery:export.unsaved'));
    },
    onError: (err) => toast.error(tr('gallery:export.failed', { reason: errorText(err) })),
  });
  if (!bot.data) return null;
  return (
    <>
      <MenuButton
        label={t('gallery:menu.label')}
        testId="bot-menu"
        items={[
          { id: 'publish', label: t('gallery:menu.publish'), icon: 'grid', onSelect: () => setPublishing(true) },
          {
            id: 'export',
            label: t('gallery:menu.export'),
            icon: 'download',
            onSelect: () => exportBot.mutate(),
            disabled: exportBot.isPending,
          },
        ]}
      />
      {publishing && <PublishTemplateDialog bot={bot.data} unsaved={dirty} onClose={() => setPublishing(false)} />}
    </>
  );
}

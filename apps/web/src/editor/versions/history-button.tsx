import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { useEditorStore } from '../store/editor-store';

/** Opens and closes the version history drawer. */
export function HistoryButton() {
  const open = useEditorStore((s) => s.historyOpen);
  const setOpen = useEditorStore((s) => s.setHistoryOpen);
  const { t } = useTranslation();
  return (
    <Button
      variant={open ? 'secondary' : 'ghost'}
      size="sm"
      icon="clock"
      aria-pressed={open}
      onClick={() => setOpen(!open)}
      title={t('versions:toolbar.historyTitle')}
      data-testid="history-button"
    >
      {t('versions:toolbar.history')}
    </Button>
  );
}

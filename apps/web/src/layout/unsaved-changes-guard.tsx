import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';
import { editorStore, useEditorStore } from '../editor/store/editor-store';
import { Button } from '../ui/button';
import { Modal } from '../ui/modal';

/** Asks before leaving a bot whose editor holds unsaved changes (tabs of the same bot are fine). */
export function UnsavedChangesGuard({ botId }: { botId: string }) {
  const dirty = useEditorStore((s) => s.dirty && s.botId === botId);
  const { t } = useTranslation();
  const blocker = useBlocker(({ nextLocation }) => dirty && !nextLocation.pathname.startsWith(`/bots/${botId}`));
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal
      title={t('common:unsaved.title')}
      description={t('common:unsaved.description')}
      onClose={() => blocker.reset()}
      footer={
        <>
          <Button onClick={() => blocker.reset()}>{t('common:unsaved.stay')}</Button>
          <Button
            variant="danger-solid"
            onClick={() => {
              editorStore.getState().unload();
              blocker.proceed();
            }}
          >
            {t('common:unsaved.discard')}
          </Button>
        </>
      }
    >
      <p className="muted">{t('common:unsaved.hint')}</p>
    </Modal>
  );
}

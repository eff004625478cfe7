import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Modal } from '../../ui/modal';
import { useEditorStore } from '../store/editor-store';
import type { useConflictActions } from './use-conflict-actions';

/** Shown when a save was refused because someone else saved the bot since this document was loaded. */
export function ConflictDialog({ actions }: { actions: ReturnType<typeof useConflictActions> }) {
  const conflict = useEditorStore((s) => s.conflict);
  const base = useEditorStore((s) => s.baseVersion);
  const viewing = useEditorStore((s) => s.versionView !== null);
  const setConflict = useEditorStore((s) => s.setConflict);
  const { t } = useTranslation();
  // While the difference is on the canvas, its banner carries the same choices.
  if (!conflict || viewing) return null;
  const { current } = conflict;
  return (
    <Modal title={t('versions:conflict.title')} onClose={() => setConflict(null)}>
      <div className="conflict-dialog" data-testid="conflict-dialog">
        <p>{t('versions:conflict.body', { current, base: base ?? current - 1 })}</p>
        <div className="conflict-choices">
          <button
            type="button"
            className="conflict-choice"
            onClick={() => void actions.showDiff()}
            disabled={actions.busy !== null}
            data-autofocus
          >
            <strong>{t('versions:conflict.diff')}</strong>
            <span className="muted">{t('versions:conflict.diffHint', { current })}</span>
          </button>
          <button type="button" className="conflict-choice" onClick={() => void actions.reload()} disabled={actions.busy !== null}>
            <strong>{t('versions:conflict.reload')}</strong>
            <span className="muted">{t('versions:conflict.reloadHint', { current })}</span>
          </button>
          <button type="button" className="conflict-choice primary" onClick={actions.keepMine} disabled={actions.busy !== null}>
            <strong>{t('versions:conflict.keep')}</strong>
            <span className="muted">{t('versions:conflict.keepHint', { current })}</span>
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** The conflict's choices as buttons, for the banner above the difference. */
export function ConflictButtons({ actions }: { actions: ReturnType<typeof useConflictActions> }) {
  const { t } = useTranslation();
  return (
    <>
      <Button size="sm" onClick={() => void actions.reload()} loading={actions.busy === 'reload'}>
        {t('versions:conflict.reload')}
      </Button>
      <Button size="sm" variant="primary" onClick={actions.keepMine}>
        {t('versions:conflict.keep')}
      </Button>
    </>
  );
}

import { useBlocker } from 'react-router-dom';
import { editorStore, useEditorStore } from '../editor/store/editor-store';
import { Button } from '../ui/button';
import { Modal } from '../ui/modal';

/** Asks before leaving a bot whose editor holds unsaved changes (tabs of the same bot are fine). */
export function UnsavedChangesGuard({ botId }: { botId: string }) {
  const dirty = useEditorStore((s) => s.dirty && s.botId === botId);
  const blocker = useBlocker(({ nextLocation }) => dirty && !nextLocation.pathname.startsWith(`/bots/${botId}`));
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal
      title="Leave without saving?"
      description="This bot has changes that are not saved. They will be lost."
      onClose={() => blocker.reset()}
      footer={
        <>
          <Button onClick={() => blocker.reset()}>Stay</Button>
          <Button
            variant="danger-solid"
            onClick={() => {
              editorStore.getState().unload();
              blocker.proceed();
            }}
          >
            Discard changes
          </Button>
        </>
      }
    >
      <p className="muted">Go back to the editor and press Save (Ctrl+S) to keep them.</p>
    </Modal>
  );
}

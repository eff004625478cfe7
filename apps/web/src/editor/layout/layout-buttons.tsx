import { ControlButton, useReactFlow } from '@xyflow/react';
import { StickyNote, Wand2 } from 'lucide-react';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../hooks/read-only';
import { isImeComposing } from '../../ui/ime';
import { editorStore, useEditorStore } from '../store/editor-store';
import { NOTE_DEFAULT_SIZE } from '../notes/note-convert';
import { freeSpot } from './connect-new';
import { workerEngine } from './elk-engine';
import { tidyUp } from './tidy-up';
import { fitViewOptionsFor } from './zoom';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** "Tidy up" and "Add a sticky note", as canvas control buttons and as the shortcuts Shift+Alt+L and N. */
export function LayoutButtons() {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const { fitView, screenToFlowPosition } = useReactFlow();
  const count = useEditorStore((s) => s.nodes.length);

  const tidy = useCallback(async () => {
    if (await tidyUp(editorStore, workerEngine())) {
      // Let React Flow take the new positions before fitting them.
      requestAnimationFrame(() => void fitView({ ...fitViewOptionsFor(editorStore.getState().nodes.length), duration: 200 }));
    }
  }, [fitView]);

  const addNote = useCallback(() => {
    const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
    const centre = pane ? { x: pane.left + pane.width / 2 - 120, y: pane.top + pane.height / 2 - 80 } : { x: 200, y: 200 };
    // Where it covers no card: notes sit under the cards, so one dropped on them could not be seen.
    editorStore.getState().addNote(freeSpot(editorStore.getState().nodes, screenToFlowPosition(centre), NOTE_DEFAULT_SIZE));
  }, [screenToFlowPosition]);

  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (isImeComposing(e) || isTyping(e.target) || e.ctrlKey || e.metaKey) return;
      if (e.shiftKey && e.altKey && e.code === 'KeyL') {
        e.preventDefault();
        void tidy();
      } else if (!e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        addNote();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, tidy, addNote]);

  if (readOnly) return null;
  return (
    <>
      <ControlButton
        onClick={() => void tidy()}
        title={t('editor:layout.tidy')}
        aria-label={t('editor:layout.tidy')}
        disabled={count === 0}
        data-testid="tidy-up"
      >
        <Wand2 aria-hidden="true" style={{ fill: 'none', maxWidth: 14, maxHeight: 14 }} />
      </ControlButton>
      <ControlButton onClick={addNote} title={t('editor:notes.add')} aria-label={t('editor:notes.add')} data-testid="add-note">
        <StickyNote aria-hidden="true" style={{ fill: 'none', maxWidth: 14, maxHeight: 14 }} />
      </ControlButton>
    </>
  );
}

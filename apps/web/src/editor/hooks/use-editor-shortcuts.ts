import { useEffect, useRef } from 'react';
import { isImeComposing } from '../../ui/ime';
import { editorStore } from '../store/editor-store';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Ctrl/Cmd+S saves anywhere; undo/redo outside text fields (which keep their own undo). */
export function useEditorShortcuts(save: () => void) {
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Keys that an input method is composing with (Hangul, kana…) are the IME's, never shortcuts.
      if (isImeComposing(e) || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        saveRef.current();
      } else if (!isTyping(e.target) && (key === 'z' || key === 'y')) {
        e.preventDefault();
        if (key === 'y' || e.shiftKey) editorStore.getState().redo();
        else editorStore.getState().undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { isImeComposing } from '../../ui/ime';
import { rememberClipboard } from '../canvas/clipboard-io';
import { copyText, duplicateSelection, pasteText, selectedNodeIds, toggleDisabled } from '../canvas/edit-actions';
import { useEditUi } from '../canvas/edit-ui-store';
import { matchShortcut } from '../shortcuts';
import { editorStore } from '../store/editor-store';
import { useReadOnly } from './read-only';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
const canvasElement = () => document.querySelector('[data-testid="canvas"]');
/** Select all takes the canvas's nodes only while focus is there (or nowhere): elsewhere it is the page's text. */
const onCanvas = (target: EventTarget | null) =>
  target === document.body || (target instanceof Node && !!canvasElement()?.contains(target));
const dialogOpen = () => document.querySelector('.modal-backdrop') !== null;
/** Text the user selected (a run's output, a message) is theirs to copy, not the nodes. */
const textSelected = () => {
  const sel = window.getSelection();
  return !!sel && !sel.isCollapsed && sel.toString().trim() !== '';
};

/**
 * The editor's keyboard, from the one table in ../shortcuts.ts. Ctrl/Cmd+S saves anywhere; the
 * rest leave text fields (which keep their own undo, copy and select all) and open dialogs alone.
 * Copy, cut and paste answer the browser's clipboard events, so they reach the system clipboard
 * without a permission prompt and work across tabs; a viewer may copy but not change the bot.
 */
export function useEditorShortcuts(save: () => void) {
  const saveRef = useRef(save);
  saveRef.current = save;
  const readOnly = useReadOnly();
  const { screenToFlowPosition } = useReactFlow();
  const flowAt = useRef(screenToFlowPosition);
  flowAt.current = screenToFlowPosition;

  useEffect(() => {
    // Where the pointer is on the canvas (null when it is elsewhere): pastes land there.
    let cursor: { x: number; y: number } | null = null;
    const onMove = (e: PointerEvent) => {
      cursor = e.target instanceof Node && canvasElement()?.contains(e.target) ? { x: e.clientX, y: e.clientY } : null;
    };
    const onKey = (e: KeyboardEvent) => {
      // Keys that an input method is composing with (Hangul, kana…) are the IME's, never shortcuts.
      if (isImeComposing(e)) return;
      const shortcut = matchShortcut(e);
      if (!shortcut || shortcut.builtIn) return;
      if (!shortcut.inFields && (isTyping(e.target) || dialogOpen())) return;
      const s = editorStore.getState();
      // A version shown on the canvas is read-only and not the document: only save, undo and redo apply.
      if (s.versionView && shortcut.group === 'selection') return;
      switch (shortcut.id) {
        case 'save':
          e.preventDefault();
          saveRef.current();
          break;
        case 'undo':
          e.preventDefault();
          s.undo();
          break;
        case 'redo':
          e.preventDefault();
          s.redo();
          break;
        case 'duplicate':
          // Also keeps the browser from bookmarking the page.
          e.preventDefault();
          if (!readOnly) duplicateSelection();
          break;
        case 'selectAll':
          if (!onCanvas(e.target)) return;
          e.preventDefault();
          s.selectAll();
          break;
        case 'disable': {
          const ids = selectedNodeIds();
          if (readOnly || ids.length === 0) return;
          e.preventDefault();
          toggleDisabled(ids);
          break;
        }
        case 'shortcuts':
          e.preventDefault();
          useEditUi.getState().setSheetOpen(true);
          break;
        default:
          // copy, cut and paste: the clipboard events below.
          break;
      }
    };
    const ours = (e: ClipboardEvent) => !isTyping(e.target) && !dialogOpen() && !textSelected() && !editorStore.getState().versionView;
    const onCopy = (e: ClipboardEvent) => {
      if (!ours(e)) return;
      const text = copyText();
      if (!text) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
      rememberClipboard(text);
      if (e.type === 'cut' && !readOnly) editorStore.getState().deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (readOnly || !ours(e)) return;
      const at = cursor ? flowAt.current(cursor) : undefined;
      if (pasteText(e.clipboardData?.getData('text/plain') ?? null, at)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointermove', onMove, { passive: true });
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointermove', onMove);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [readOnly]);
}

import { t } from '../../i18n/i18n';
import { toast } from '../../ui/toast';
import { parseEnvelope, type ClipboardEnvelope } from '../store/clipboard';
import type { PasteResult } from '../store/edit-slice';
import { editorStore } from '../store/editor-store';
import { readClipboard, writeClipboard } from './clipboard-io';

/**
 * The canvas's editing actions, shared by the keyboard shortcuts and the context menu: they act
 * on the editor store and tell the user what happened (or why not) in a toast.
 */

export const selectedNodeIds = () =>
  editorStore
    .getState()
    .nodes.filter((n) => n.selected)
    .map((n) => n.id);

/** The selection as clipboard text (null: nothing selected). */
export function copyText(): string | null {
  const env = editorStore.getState().copySelection();
  if (!env) return null;
  toast.info(t('editor:canvasEdit.toasts.copied', { count: env.nodes.length }), 'clipboard');
  return JSON.stringify(env);
}

export async function copySelection(): Promise<boolean> {
  const text = copyText();
  if (text) await writeClipboard(text);
  return text !== null;
}

export async function cutSelection(): Promise<void> {
  if (await copySelection()) editorStore.getState().deleteSelection();
}

function report(r: PasteResult | null) {
  if (!r) return;
  if (r.ok) toast.info(t('editor:canvasEdit.toasts.pasted', { count: r.nodeIds.length }), 'clipboard');
  else if (r.reason === 'unknownTypes') toast.error(t('editor:canvasEdit.toasts.unknownTypes', { types: r.types.join(', ') }), 'clipboard');
  else if (r.reason === 'tooMany') toast.error(t('editor:canvasEdit.toasts.tooMany', { max: r.max }), 'clipboard');
}

/** Pastes our envelope; any other text is left alone (it is not nodes). */
export function pasteText(text: string | null, at?: { x: number; y: number }): boolean {
  const env: ClipboardEnvelope | null = text ? parseEnvelope(text) : null;
  if (!env) return false;
  report(editorStore.getState().pasteEnvelope(env, at));
  return true;
}

export async function pasteFromClipboard(at?: { x: number; y: number }): Promise<void> {
  if (!pasteText(await readClipboard(), at)) toast.info(t('editor:canvasEdit.toasts.nothingToPaste'), 'clipboard');
}

export function duplicateSelection(): void {
  report(editorStore.getState().duplicateSelection());
}

/** Disables the nodes, or enables them when all of them are disabled already. */
export function toggleDisabled(nodeIds: readonly string[]): void {
  const s = editorStore.getState();
  const ids = new Set(nodeIds);
  const allOff = s.nodes.filter((n) => ids.has(n.id)).every((n) => n.data.disabled);
  s.setDisabled(nodeIds, !allOff);
}

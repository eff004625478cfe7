import type { NodeChange } from '@xyflow/react';
import { useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { EditorState } from '../store/types';
import { editorStore, useEditorStore } from '../store/editor-store';
import type { BotFlowNode, NoteFlowNode } from '../store/flow-types';

/** What React Flow draws: the notes (first, so they sit under the cards) and the bot nodes. */
export type CanvasNode = BotFlowNode | NoteFlowNode;

export function useCanvasNodes(): CanvasNode[] {
  const nodes = useEditorStore((s) => s.nodes);
  const notes = useEditorStore((s) => s.notes);
  return useMemo(() => (notes.length === 0 ? nodes : [...notes, ...nodes]), [notes, nodes]);
}

/** Sends each of React Flow's node changes to the list it belongs to: notes or bot nodes. */
export const canvasNodesChange = (store: StoreApi<EditorState>) => (changes: NodeChange<CanvasNode>[]) => {
  const s = store.getState();
  if (s.notes.length === 0) return s.onNodesChange(changes as NodeChange<BotFlowNode>[]);
  const noteIds = new Set(s.notes.map((n) => n.id));
  const idOf = (c: NodeChange<CanvasNode>) => (c.type === 'add' ? c.item.id : c.id);
  const forNotes = changes.filter((c) => noteIds.has(idOf(c)));
  const forNodes = changes.filter((c) => !noteIds.has(idOf(c)));
  if (forNotes.length > 0) s.onNotesChange(forNotes as NodeChange<NoteFlowNode>[]);
  if (forNodes.length > 0) s.onNodesChange(forNodes as NodeChange<BotFlowNode>[]);
};

export const onCanvasNodesChange = canvasNodesChange(editorStore);

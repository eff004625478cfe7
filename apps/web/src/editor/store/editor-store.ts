import { createStore, useStore } from 'zustand';
import { createCatalogueSlice } from './catalogue-slice';
import { createDocumentSlice } from './document-slice';
import { createDraftSlice } from './draft-slice';
import { createEditSlice } from './edit-slice';
import { createGraphSlice } from './graph-slice';
import { createHistorySlice } from './history-slice';
import { createNotesSlice } from '../notes/notes-slice';
import { createRunSlice } from './run-slice';
import { createVersionSlice } from './version-slice';
import type { EditorState } from './types';

/** A fresh editor store; tests make their own, the app uses the one below. */
export function createEditorStore() {
  return createStore<EditorState>()((...a) => ({
    ...createCatalogueSlice(...a),
    ...createGraphSlice(...a),
    ...createNotesSlice(...a),
    ...createDocumentSlice(...a),
    ...createHistorySlice(...a),
    ...createRunSlice(...a),
    ...createDraftSlice(...a),
    ...createVersionSlice(...a),
    ...createEditSlice(...a),
  }));
}

export const editorStore = createEditorStore();

/** Select one slice of the editor state; components re-render only when it changes. */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}

export const selectSelectedNodeId = (s: EditorState): string | null => {
  let found: string | null = null;
  for (const n of s.nodes) {
    if (n.selected) {
      if (found) return null; // several selected: the inspector shows none of them
      found = n.id;
    }
  }
  return found;
};

import type { StateCreator } from 'zustand';
import { withDirty } from './document-slice';
import type { EditorState, HistorySlice, Snapshot } from './types';

const LIMIT = 100;
const MERGE_WINDOW_MS = 1500;

export const createHistorySlice: StateCreator<EditorState, [], [], HistorySlice> = (set, get) => {
  // Kept outside the state: merging bookkeeping is not something components render.
  let lastKey: string | undefined;
  let lastAt = 0;

  const snapshot = (s: EditorState): Snapshot => ({ nodes: s.nodes, edges: s.edges, notes: s.notes, meta: s.meta });

  return {
    past: [],
    future: [],
    checkpoint: (key) => {
      const now = Date.now();
      if (key !== undefined && key === lastKey && now - lastAt < MERGE_WINDOW_MS) {
        lastAt = now;
        return;
      }
      lastKey = key;
      lastAt = now;
      set((s) => ({ past: [...s.past.slice(-(LIMIT - 1)), snapshot(s)], future: [] }));
    },
    undo: () => {
      const s = get();
      const previous = s.past[s.past.length - 1];
      if (!previous) return;
      lastKey = undefined;
      set(withDirty(s, { ...previous, past: s.past.slice(0, -1), future: [snapshot(s), ...s.future] }));
    },
    redo: () => {
      const s = get();
      const next = s.future[0];
      if (!next) return;
      lastKey = undefined;
      set(withDirty(s, { ...next, past: [...s.past, snapshot(s)], future: s.future.slice(1) }));
    },
  };
};

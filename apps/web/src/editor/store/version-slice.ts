import type { StateCreator } from 'zustand';
import type { EditorState, VersionSlice } from './types';

/**
 * Which version of the bot the document is based on (every save sends it, so a save never drops
 * what someone else saved meanwhile), a refused save's conflict, the history drawer, and a
 * version shown on the canvas instead of the document.
 */
export const createVersionSlice: StateCreator<EditorState, [], [], VersionSlice> = (set) => ({
  baseVersion: null,
  setBaseVersion: (baseVersion) => set({ baseVersion }),
  conflict: null,
  setConflict: (conflict) => set({ conflict }),
  historyOpen: false,
  setHistoryOpen: (historyOpen) => set({ historyOpen }),
  versionView: null,
  setVersionView: (versionView) => set({ versionView }),
});

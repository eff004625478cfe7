import type { StateCreator } from 'zustand';
import type { NodeRun } from '@bm/contract';
import type { EditorState, RunSlice } from './types';

export const createRunSlice: StateCreator<EditorState, [], [], RunSlice> = (set) => ({
  run: null,
  runNodes: {},
  setRun: (run) => {
    const runNodes: Record<string, NodeRun> = {};
    for (const n of run?.nodes ?? []) runNodes[n.nodeId] = n;
    set({ run, runNodes });
  },
  issues: [],
  setIssues: (issues) => set({ issues }),
});

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
  sampleNodes: {},
  sampleInput: undefined,
  setSampleRun: (run) => {
    const sampleNodes: Record<string, NodeRun> = {};
    for (const n of run?.nodes ?? []) sampleNodes[n.nodeId] = n;
    set({ sampleNodes, sampleInput: run?.input ?? undefined });
  },
  issues: [],
  setIssues: (issues) => set({ issues }),
});

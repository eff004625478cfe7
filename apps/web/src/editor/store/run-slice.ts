import type { StateCreator } from 'zustand';
import type { NodeRun, RunDetail } from '@bm/contract';
import type { EditorState, RunItemView, RunSlice } from './types';

/** The run's node runs by node, with the picked loop item's own runs over its body nodes' entries. */
function shownNodes(run: RunDetail | null, item: RunItemView | null): Record<string, NodeRun> {
  const out: Record<string, NodeRun> = {};
  for (const n of run?.nodes ?? []) out[n.nodeId] = n;
  for (const n of item?.nodes ?? []) out[n.nodeId] = n;
  return out;
}

export const createRunSlice: StateCreator<EditorState, [], [], RunSlice> = (set, get) => ({
  run: null,
  runNodes: {},
  setRun: (run) => {
    // Another run (or none): its loops and items are not this one's.
    const same = run && get().run?.id === run.id;
    const runItem = same ? get().runItem : null;
    set({ run, runNodes: shownNodes(run, runItem), ...(same ? {} : { loops: [], runItem: null }) });
  },
  loops: [],
  setLoops: (loops) => set({ loops }),
  runItem: null,
  setRunItem: (runItem) => set((s) => ({ runItem, runNodes: shownNodes(s.run, runItem) })),
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

import { create } from 'zustand';

/**
 * What the run's event stream adds to the recorded run while it happens: the text each LLM node is
 * writing (best effort, never stored) and whether the stream is up. Kept apart from the editor
 * store: deltas arrive many times a second and only the streaming panel reads them.
 */
interface LiveRunState {
  runId: string | null;
  /** nodeId → the text streamed so far. */
  text: Record<string, string>;
  /** The event stream is connected (false: the run view polls instead). */
  live: boolean;
  reset(runId: string | null): void;
  append(runId: string, nodeId: string, text: string): void;
  setLive(live: boolean): void;
}

export const useLiveRun = create<LiveRunState>((set) => ({
  runId: null,
  text: {},
  live: false,
  reset: (runId) => set({ runId, text: {}, live: false }),
  append: (runId, nodeId, piece) => set((s) => (s.runId === runId ? { text: { ...s.text, [nodeId]: (s.text[nodeId] ?? '') + piece } } : s)),
  setLive: (live) => set({ live }),
}));

import type { StateCreator } from 'zustand';
import { flowToGraph, graphToFlow, stableStringify } from './graph-convert';
import type { BotFlowEdge, BotFlowNode, NoteFlowNode } from './flow-types';
import type { BotMeta, DocumentSlice, EditorState } from './types';

export const emptyMeta: BotMeta = { name: '', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null };

/** The saved form of what the editor holds; two equal documents serialise identically. */
export function serializeDocument(
  nodes: readonly BotFlowNode[],
  edges: readonly BotFlowEdge[],
  meta: BotMeta,
  notes: readonly NoteFlowNode[] = [],
): string {
  return stableStringify({ graph: flowToGraph(nodes, edges, notes), meta });
}

/** Recomputes `dirty` for a state about to be set. */
export function withDirty<T extends Partial<EditorState>>(state: EditorState, next: T): T & { dirty: boolean } {
  const merged = { ...state, ...next };
  return { ...next, dirty: serializeDocument(merged.nodes, merged.edges, merged.meta, merged.notes) !== merged.savedSnapshot };
}

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set, get) => ({
  botId: null,
  meta: emptyMeta,
  savedSnapshot: serializeDocument([], [], emptyMeta),
  dirty: false,
  load: ({ id, graph, meta, version }) => {
    const { nodes, edges, notes } = graphToFlow(graph);
    set({
      botId: id,
      baseVersion: version ?? null,
      conflict: null,
      versionView: null,
      nodes,
      edges,
      notes,
      meta,
      savedSnapshot: serializeDocument(nodes, edges, meta, notes),
      dirty: false,
      past: [],
      future: [],
      issues: [],
      draftErrors: {},
      derivedIds: {},
      run: null,
      runNodes: {},
      loops: [],
      runItem: null,
    });
  },
  unload: () =>
    set({
      botId: null,
      baseVersion: null,
      conflict: null,
      versionView: null,
      historyOpen: false,
      nodes: [],
      edges: [],
      notes: [],
      meta: emptyMeta,
      savedSnapshot: serializeDocument([], [], emptyMeta),
      dirty: false,
      past: [],
      future: [],
      issues: [],
      draftErrors: {},
      run: null,
      runNodes: {},
      loops: [],
      runItem: null,
      sampleNodes: {},
      sampleInput: undefined,
    }),
  setMeta: (patch) => {
    get().checkpoint(`meta:${Object.keys(patch).join(',')}`);
    set((s) => withDirty(s, { meta: { ...s.meta, ...patch } }));
  },
  markSaved: (snapshot) => {
    const s = get();
    const current = serializeDocument(s.nodes, s.edges, s.meta, s.notes);
    const saved = snapshot ?? current;
    set({ savedSnapshot: saved, dirty: current !== saved });
  },
});

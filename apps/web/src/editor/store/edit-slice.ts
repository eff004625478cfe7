import type { StateCreator } from 'zustand';
import { buildEnvelope, isRefusal, planPaste, type ClipboardEnvelope, type PasteRefusal } from './clipboard';
import { withDirty } from './document-slice';
import { flowToNote, noteToFlow } from '../notes/note-convert';
import type { EditorState, EditSlice } from './types';

export type PasteResult = { ok: true; nodeIds: string[] } | ({ ok: false } & PasteRefusal);

/** Copy, paste, duplicate, select all and disable: editing the canvas as a whole selection at a time. */
export const createEditSlice: StateCreator<EditorState, [], [], EditSlice> = (set, get) => {
  const paste = (env: ClipboardEnvelope, at?: { x: number; y: number }): PasteResult => {
    const s = get();
    const plan = planPaste(env, { nodes: s.nodes, catalogue: s }, at);
    if (isRefusal(plan)) return { ok: false, ...plan };
    // One undo step for the whole paste; what was selected gives way to what came in.
    s.checkpoint();
    set((st) => ({
      ...withDirty(st, {
        nodes: [...st.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...plan.nodes],
        edges: [...st.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...plan.edges],
        notes: [
          ...st.notes.map((n) => (n.selected ? { ...n, selected: false } : n)),
          ...plan.notes.map((n) => ({ ...noteToFlow(n), selected: true })),
        ],
      }),
      derivedIds: { ...st.derivedIds, ...Object.fromEntries(plan.derived.map((id) => [id, true as const])) },
    }));
    return { ok: true, nodeIds: plan.nodes.map((n) => n.id) };
  };

  return {
    copySelection: () => {
      const s = get();
      const nodes = s.nodes.filter((n) => n.selected);
      const notes = s.notes.filter((n) => n.selected).map(flowToNote);
      return nodes.length || notes.length ? buildEnvelope(nodes, s.edges, notes) : null;
    },

    pasteEnvelope: paste,

    duplicateSelection: () => {
      const env = get().copySelection();
      return env ? paste(env) : null;
    },

    selectAll: () =>
      set((s) => ({
        nodes: s.nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
        edges: s.edges.map((e) => (e.selected ? e : { ...e, selected: true })),
        notes: s.notes.map((n) => (n.selected ? n : { ...n, selected: true })),
      })),

    setDisabled: (nodeIds, disabled) => {
      const ids = new Set(nodeIds);
      const s = get();
      if (!s.nodes.some((n) => ids.has(n.id) && (n.data.disabled === true) !== disabled)) return;
      s.checkpoint();
      set((st) =>
        withDirty(st, {
          nodes: st.nodes.map((n) => {
            if (!ids.has(n.id) || (n.data.disabled === true) === disabled) return n;
            const data = { ...n.data };
            if (disabled) data.disabled = true;
            else delete data.disabled;
            return { ...n, data };
          }),
        }),
      );
    },
  };
};

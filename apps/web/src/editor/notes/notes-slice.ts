import { applyNodeChanges, type NodeChange, type XYPosition } from '@xyflow/react';
import { nanoid } from 'nanoid';
import type { StateCreator } from 'zustand';
import { withDirty } from '../store/document-slice';
import type { NoteData, NoteFlowNode } from '../store/flow-types';
import type { EditorState } from '../store/types';
import { NOTE_DEFAULT_SIZE, noteToFlow } from './note-convert';

export type NotesSlice = {
  /** Sticky notes (graph.notes), kept apart from `nodes` so validation, runs and the inspector never see them. */
  notes: NoteFlowNode[];
  /** Adds an empty note with its top-left corner at `position`; returns its id. */
  addNote: (position: XYPosition) => string;
  updateNote: (id: string, patch: Partial<NoteData>) => void;
  /** React Flow's changes for notes: moves, resizes, selection, deletion. */
  onNotesChange: (changes: NodeChange<NoteFlowNode>[]) => void;
  deleteNotes: (ids: readonly string[]) => void;
};

/** A resize in progress or done (a measurement of a fixed-size note changes nothing). */
const isContentChange = (c: NodeChange<NoteFlowNode>) =>
  c.type === 'remove' ||
  c.type === 'add' ||
  c.type === 'replace' ||
  c.type === 'position' ||
  (c.type === 'dimensions' && c.resizing !== undefined);

/** Note ids cannot clash with bot node ids' derived names in practice, and never matter to a run. */
export const newNoteId = () => `note-${nanoid(8)}`;

export const createNotesSlice: StateCreator<EditorState, [], [], NotesSlice> = (set, get) => ({
  notes: [],

  addNote: (position) => {
    get().checkpoint();
    const id = newNoteId();
    const note: NoteFlowNode = {
      ...noteToFlow({ id, text: '', position: { x: Math.round(position.x), y: Math.round(position.y) } }),
      selected: true,
    };
    set((s) =>
      withDirty(s, {
        notes: [...s.notes.map((n) => (n.selected ? { ...n, selected: false } : n)), note],
        nodes: s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
      }),
    );
    return id;
  },

  updateNote: (id, patch) => {
    get().checkpoint(`note:${id}:${Object.keys(patch).join(',')}`);
    set((s) => withDirty(s, { notes: s.notes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } } : n)) }));
  },

  onNotesChange: (changes) => {
    if (changes.length === 0) return;
    if (changes.some((c) => c.type === 'remove')) get().checkpoint('delete');
    set((s) => {
      const notes = applyNodeChanges(changes, s.notes).map((n) =>
        // A note keeps a size of its own (React Flow sets width/height only while resizing).
        n.width === undefined ? { ...n, width: NOTE_DEFAULT_SIZE.width, height: n.height ?? NOTE_DEFAULT_SIZE.height } : n,
      );
      return changes.some(isContentChange) ? withDirty(s, { notes }) : { notes };
    });
  },

  deleteNotes: (ids) => {
    if (ids.length === 0) return;
    get().checkpoint();
    const gone = new Set(ids);
    set((s) => withDirty(s, { notes: s.notes.filter((n) => !gone.has(n.id)) }));
  },
});

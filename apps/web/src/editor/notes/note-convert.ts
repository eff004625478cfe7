import type { GraphNote } from '@bm/contract';
import { NOTE_NODE_KIND, type NoteFlowNode } from '../store/flow-types';

/** A new note's size; the stored graph leaves width/height out while they are these. */
export const NOTE_DEFAULT_SIZE = { width: 240, height: 160 } as const;

export const NOTE_Z = -1001;

export function noteToFlow(note: GraphNote): NoteFlowNode {
  const data: NoteFlowNode['data'] = { text: note.text };
  if (note.color) data.color = note.color;
  return {
    id: note.id,
    type: NOTE_NODE_KIND,
    position: { x: note.position.x, y: note.position.y },
    width: note.width ?? NOTE_DEFAULT_SIZE.width,
    height: note.height ?? NOTE_DEFAULT_SIZE.height,
    // Under the bot nodes and their edges, selected or not (React Flow lifts a selected node by 1 000):
    // a note annotates, it never hides a card.
    zIndex: NOTE_Z,
    data,
  };
}

export function flowToNote(n: NoteFlowNode): GraphNote {
  const out: GraphNote = { id: n.id, text: n.data.text, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } };
  const width = Math.round(n.width ?? NOTE_DEFAULT_SIZE.width);
  const height = Math.round(n.height ?? NOTE_DEFAULT_SIZE.height);
  if (width !== NOTE_DEFAULT_SIZE.width) out.width = width;
  if (height !== NOTE_DEFAULT_SIZE.height) out.height = height;
  if (n.data.color) out.color = n.data.color;
  return out;
}

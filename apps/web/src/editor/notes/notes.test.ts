import { beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '@bm/contract';
import { serializeDocument } from '../store/document-slice';
import { createEditorStore, selectSelectedNodeId } from '../store/editor-store';
import { flowToGraph, graphToFlow } from '../store/graph-convert';
import { testCatalogue } from '../store/testing';
import { canvasNodesChange } from './canvas-nodes';
import { NOTE_DEFAULT_SIZE, NOTE_Z } from './note-convert';

const meta = { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null };
const graph: Graph = {
  nodes: [{ id: 'in1', type: 'source.manual', version: 1, params: {}, position: { x: 0, y: 0 } }],
  edges: [],
  notes: [
    { id: 'note-a', text: '# Why\nThis bot **summarises**.', position: { x: -300, y: 10 }, width: 320, height: 200, color: 'blue' },
    { id: 'note-b', text: 'plain', position: { x: 0, y: 300 } },
  ],
};

let store: ReturnType<typeof createEditorStore>;
const onCanvasNodesChange: ReturnType<typeof canvasNodesChange> = (changes) => canvasNodesChange(store)(changes);
beforeEach(() => {
  store = createEditorStore();
  store.getState().setCatalogue(testCatalogue);
  store.getState().load({ id: 'bot1', graph, meta });
});

describe('sticky notes', () => {
  it('convert to canvas notes apart from the bot nodes, and back unchanged', () => {
    const flow = graphToFlow(graph);
    expect(flow.nodes.map((n) => n.id)).toEqual(['in1']);
    expect(flow.notes.map((n) => [n.id, n.type, n.zIndex])).toEqual([
      ['note-a', 'note', NOTE_Z],
      ['note-b', 'note', NOTE_Z],
    ]);
    expect(flow.notes[1]).toMatchObject({ width: NOTE_DEFAULT_SIZE.width, height: NOTE_DEFAULT_SIZE.height });
    expect(flowToGraph(flow.nodes, flow.edges, flow.notes)).toEqual(graph);
    // A graph without notes saves without the key, as it always did.
    expect(flowToGraph(flow.nodes, flow.edges, [])).not.toHaveProperty('notes');
  });

  it('are never bot nodes in the store: the node count, selection and saved nodes ignore them', () => {
    const s = store.getState();
    expect(s.nodes).toHaveLength(1);
    expect(s.notes).toHaveLength(2);
    expect(s.dirty).toBe(false);
    store.getState().addNote({ x: 500.4, y: 20 });
    expect(store.getState().nodes).toHaveLength(1);
    expect(selectSelectedNodeId(store.getState())).toBeNull();
    const saved = flowToGraph(store.getState().nodes, store.getState().edges, store.getState().notes);
    expect(saved.nodes).toHaveLength(1);
    expect(saved.notes!.at(-1)).toMatchObject({ text: '', position: { x: 500, y: 20 } });
  });

  it('edit, recolour, move, resize and delete as undoable document changes', () => {
    const st = () => store.getState();
    st().updateNote('note-b', { text: 'changed', color: 'pink' });
    expect(st().dirty).toBe(true);
    expect(flowToGraph(st().nodes, st().edges, st().notes).notes![1]).toMatchObject({ text: 'changed', color: 'pink' });
    st().undo();
    expect(st().notes[1]!.data).toEqual({ text: 'plain' });
    expect(st().dirty).toBe(false);

    onCanvasNodesChange([{ type: 'position', id: 'note-a', position: { x: 40, y: 40 } }]);
    onCanvasNodesChange([
      { type: 'dimensions', id: 'note-a', dimensions: { width: 400, height: 250 }, resizing: true, setAttributes: true },
    ]);
    const moved = flowToGraph(st().nodes, st().edges, st().notes).notes![0]!;
    expect(moved).toMatchObject({ position: { x: 40, y: 40 }, width: 400, height: 250 });
    // The bot node was not touched by a note's change.
    expect(st().nodes[0]!.position).toEqual({ x: 0, y: 0 });

    st().deleteNotes(['note-a']);
    expect(st().notes.map((n) => n.id)).toEqual(['note-b']);
    st().undo();
    expect(st().notes.map((n) => n.id)).toEqual(['note-a', 'note-b']);
  });

  it('make the document dirty exactly when the saved form differs', () => {
    const s = store.getState();
    expect(s.savedSnapshot).toBe(serializeDocument(s.nodes, s.edges, s.meta, s.notes));
    expect(s.savedSnapshot).not.toBe(serializeDocument(s.nodes, s.edges, s.meta, []));
    // A measurement (no resize) of a note changes nothing.
    onCanvasNodesChange([{ type: 'dimensions', id: 'note-b', dimensions: { width: 240, height: 160 } }]);
    expect(store.getState().dirty).toBe(false);
  });
});

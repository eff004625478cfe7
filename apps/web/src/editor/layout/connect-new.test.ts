import { beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '@bm/contract';
import { createEditorStore } from '../store/editor-store';
import { testCatalogue, testNodeType } from '../store/testing';
import { acceptsFrom, addConnected, addIntoEdge, insertIntoEdge, splitEdge } from './connect-new';

const meta = { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null };
const graph: Graph = {
  nodes: [
    { id: 'in1', type: 'source.manual', version: 1, params: {}, position: { x: 0, y: 0 } },
    { id: 'out1', type: 'output.results', version: 1, params: { content: 'x' }, position: { x: 600, y: 0 } },
    { id: 'loose', type: 'transform.merge', version: 1, params: {}, position: { x: 300, y: 300 } },
  ],
  edges: [{ id: 'e1', source: 'in1', target: 'out1', sourceHandle: 'out', targetHandle: 'in' }],
};
// A node whose only input takes text: a json output cannot feed it.
const textOnly = testNodeType({
  id: 'transform.text',
  category: 'transform',
  title: 'Text only',
  paramsSchema: { type: 'object', properties: {} },
  inputs: [{ name: 'in', type: 'text' }],
  outputs: [{ name: 'out', type: 'text' }],
});

let store: ReturnType<typeof createEditorStore>;
beforeEach(() => {
  store = createEditorStore();
  store.getState().setCatalogue([...testCatalogue, textOnly]);
  store.getState().load({ id: 'bot1', graph, meta });
});
const pairs = () =>
  store
    .getState()
    .edges.map((e) => `${e.source}.${e.sourceHandle}>${e.target}.${e.targetHandle}`)
    .sort();

describe('insert into an edge', () => {
  it('splits source → target into source → new → target, as one undo step', () => {
    const id = addIntoEdge(store, 'llm.chat', { x: 300, y: 0 }, 'e1');
    expect(pairs()).toEqual([`in1.out>${id}.in`, `${id}.out>out1.in`]);
    store.getState().undo();
    expect(pairs()).toEqual(['in1.out>out1.in']);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['in1', 'out1', 'loose']);
  });

  it('moves an existing node without edges into an edge', () => {
    expect(insertIntoEdge(store, 'e1', 'loose')).toBe(true);
    expect(pairs()).toEqual(['in1.out>loose.in', 'loose.out>out1.in']);
  });

  it('leaves the edge alone when the node cannot sit there', () => {
    // A results inbox has no output; a text-only node cannot take llm.chat's json.
    const s = store.getState();
    const e = s.edges[0]!;
    expect(splitEdge(s, e, { id: 'x', type: 'bot', position: { x: 0, y: 0 }, data: { type: 'output.results', params: {} } })).toBeNull();
    store.getState().load({
      id: 'bot1',
      graph: {
        ...graph,
        nodes: [...graph.nodes, { id: 'chat', type: 'llm.chat', version: 2, params: {}, position: { x: 0, y: 200 } }],
        edges: [{ id: 'e2', source: 'chat', target: 'out1', sourceHandle: 'out', targetHandle: 'in' }],
      },
      meta,
    });
    const id = addIntoEdge(store, 'transform.text', { x: 300, y: 200 }, 'e2');
    expect(id).not.toBeNull();
    expect(pairs()).toEqual(['chat.out>out1.in']);
  });
});

describe('the "+" on an output', () => {
  it('offers only node types with an input that the port can feed', () => {
    const accept = acceptsFrom('json');
    expect(accept(testCatalogue.find((d) => d.id === 'llm.chat')!)).toBe(true);
    expect(accept(textOnly)).toBe(false);
    expect(accept(testCatalogue.find((d) => d.id === 'source.manual')!)).toBe(false);
  });

  it('adds the picked node connected to that port, as one undo step', () => {
    const id = addConnected(store, 'llm.chat', { x: 300, y: -200 }, { nodeId: 'in1', port: 'out' });
    expect(pairs()).toContain(`in1.out>${id}.in`);
    expect(store.getState().nodes.find((n) => n.id === id)!.position).toEqual({ x: 300, y: -200 });
    store.getState().undo();
    expect(store.getState().nodes.some((n) => n.id === id)).toBe(false);
    expect(pairs()).toEqual(['in1.out>out1.in']);
    // Asked for a spot a card already has, it goes below that card.
    const below = addConnected(store, 'llm.chat', { x: 600, y: 0 }, { nodeId: 'in1', port: 'out' });
    expect(store.getState().nodes.find((n) => n.id === below)!.position).toEqual({ x: 600, y: 104 });
  });
});

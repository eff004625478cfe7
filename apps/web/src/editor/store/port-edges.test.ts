import { beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '@bm/contract';
import { createEditorStore } from './editor-store';
import { testCatalogue, testNodeType } from './testing';
import { outputsOfNode } from './port-edges';

const flowSwitch = testNodeType({
  id: 'flow.switch',
  category: 'flow',
  title: 'Switch',
  outputs: [{ name: 'default', type: 'any', label: 'Default' }],
  dynamicOutputs: { param: 'cases', field: 'name', type: 'any' },
  routes: true,
  paramsSchema: { type: 'object', properties: { cases: { type: 'array' } } },
});

const meta = { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null };
const cases = (...names: string[]) => names.map((name) => ({ name, mode: 'condition', field: 'kind', operator: 'equals', value: name }));
const graph: Graph = {
  nodes: [
    { id: 'in1', type: 'source.manual', version: 1, params: {}, position: { x: 0, y: 0 } },
    { id: 'sw', type: 'flow.switch', version: 1, params: { cases: cases('bug', 'idea') }, position: { x: 300, y: 0 } },
    { id: 'a', type: 'output.results', version: 1, params: { content: 'a' }, position: { x: 600, y: 0 } },
    { id: 'b', type: 'output.results', version: 1, params: { content: 'b' }, position: { x: 600, y: 200 } },
    { id: 'c', type: 'output.results', version: 1, params: { content: 'c' }, position: { x: 600, y: 400 } },
  ],
  edges: [
    { id: 'e0', source: 'in1', target: 'sw', sourceHandle: 'out', targetHandle: 'in' },
    { id: 'e1', source: 'sw', target: 'a', sourceHandle: 'bug', targetHandle: 'in' },
    { id: 'e2', source: 'sw', target: 'b', sourceHandle: 'idea', targetHandle: 'in' },
    { id: 'e3', source: 'sw', target: 'c', sourceHandle: 'default', targetHandle: 'in' },
  ],
};

let store: ReturnType<typeof createEditorStore>;
beforeEach(() => {
  store = createEditorStore();
  store.getState().setCatalogue([...testCatalogue, flowSwitch]);
  store.getState().load({ id: 'bot1', graph, meta });
});

const handles = () =>
  store
    .getState()
    .edges.filter((e) => e.source === 'sw')
    .map((e) => `${e.sourceHandle}->${e.target}`);
const portNames = (id: string) =>
  outputsOfNode(
    store.getState(),
    store.getState().nodes.find((n) => n.id === id)!,
  ).map((p) => p.name);

describe('ports and their edges in the store', () => {
  it('gives a switch one port per case before default, from outputPortsOf', () => {
    expect(portNames('sw')).toEqual(['bug', 'idea', 'default']);
    store.getState().updateParams('sw', { cases: cases('bug', 'idea', 'praise') });
    expect(portNames('sw')).toEqual(['bug', 'idea', 'praise', 'default']);
    expect(handles()).toEqual(['bug->a', 'idea->b', 'default->c']);
  });

  it('moves the edges of a renamed case to its new name, and undo moves them back', () => {
    store.getState().updateParams('sw', { cases: cases('defect', 'idea') });
    expect(handles()).toEqual(['defect->a', 'idea->b', 'default->c']);
    store.getState().undo();
    expect(handles()).toEqual(['bug->a', 'idea->b', 'default->c']);
    expect(store.getState().dirty).toBe(false);
  });

  it('removes the edges of a deleted case (undoable) and keeps them through a reorder', () => {
    store.getState().updateParams('sw', { cases: cases('idea', 'bug') });
    expect(handles()).toEqual(['bug->a', 'idea->b', 'default->c']);
    store.getState().checkpoint();
    store.getState().updateParams('sw', { cases: cases('idea') });
    expect(handles()).toEqual(['idea->b', 'default->c']);
    store.getState().undo();
    expect(handles()).toEqual(['bug->a', 'idea->b', 'default->c']);
  });

  it('adds an error port when errorOutput is on and removes its edges when it goes off, undoably', () => {
    store.getState().setSettings('a', { errorOutput: true });
    expect(portNames('a')).toEqual(['error']);
    store.getState().setSettings('sw', { errorOutput: true });
    expect(portNames('sw')).toEqual(['bug', 'idea', 'default', 'error']);
    store.getState().onConnect({ source: 'sw', target: 'c', sourceHandle: 'error', targetHandle: 'in' });
    expect(store.getState().edges.some((e) => e.sourceHandle === 'error')).toBe(true);
    store.getState().setSettings('sw', { errorOutput: false, timeoutMs: 5000 });
    expect(store.getState().nodes.find((n) => n.id === 'sw')!.data.settings).toEqual({ timeoutMs: 5000 });
    expect(store.getState().edges.some((e) => e.sourceHandle === 'error')).toBe(false);
    store.getState().undo();
    expect(store.getState().edges.some((e) => e.sourceHandle === 'error')).toBe(true);
  });

  it('wires a node added from a switch to its first port, a case', () => {
    const id = store.getState().addNode('output.results', { x: 900, y: 0 }, { connectFrom: 'sw' })!;
    expect(store.getState().edges.find((e) => e.target === id)?.sourceHandle).toBe('bug');
  });
});

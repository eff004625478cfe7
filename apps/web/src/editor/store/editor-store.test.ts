import { beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '@bm/contract';
import { createEditorStore, selectSelectedNodeId } from './editor-store';
import { flowToGraph } from './graph-convert';
import { nodeTypeOf } from './catalogue-slice';
import { testCatalogue } from './testing';

const meta = { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null };
const graph: Graph = {
  nodes: [
    { id: 'in1', type: 'source.manual', version: 1, params: {}, position: { x: 0, y: 0 } },
    { id: 'chat1', type: 'llm.chat', version: 2, params: { purpose: 'draft', prompt: 'Hi' }, position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'in1', target: 'chat1', sourceHandle: 'out', targetHandle: 'in' }],
};

let store: ReturnType<typeof createEditorStore>;
beforeEach(() => {
  store = createEditorStore();
  store.getState().setCatalogue(testCatalogue);
  store.getState().load({ id: 'bot1', graph, meta });
});

describe('editor store', () => {
  it('loads a graph clean and round-trips it unchanged', () => {
    const s = store.getState();
    expect(s.dirty).toBe(false);
    expect(flowToGraph(s.nodes, s.edges)).toEqual(graph);
  });

  it('adds a node with catalogue version and default params, selected, and marks dirty', () => {
    const id = store.getState().addNode('llm.chat', { x: 10.4, y: 20.6 });
    const s = store.getState();
    const node = s.nodes.find((n) => n.id === id)!;
    expect(id).toBe('llm_chat');
    expect(store.getState().addNode('llm.chat', { x: 0, y: 0 })).toBe('llm_chat_2');
    expect(node.data).toEqual({ type: 'llm.chat', version: 2, params: { purpose: 'analyze', temperature: 0.2 } });
    expect(node.position).toEqual({ x: 10, y: 21 });
    expect(selectSelectedNodeId(s)).toBe(id);
    expect(s.dirty).toBe(true);
  });

  it('refuses unknown node types', () => {
    expect(store.getState().addNode('nope.nope', { x: 0, y: 0 })).toBeNull();
    expect(store.getState().nodes).toHaveLength(2);
  });

  it('auto-connects a node added after another', () => {
    const id = store.getState().addNode('output.results', { x: 600, y: 0 }, { connectFrom: 'chat1' })!;
    const edge = store.getState().edges.find((e) => e.target === id);
    expect(edge).toMatchObject({ source: 'chat1', sourceHandle: 'out', targetHandle: 'in' });
  });

  it('connects ports, rejects self-loops, duplicates and cycles', () => {
    const out = store.getState().addNode('output.results', { x: 600, y: 0 })!;
    const { onConnect } = store.getState();
    onConnect({ source: 'chat1', target: out, sourceHandle: 'out', targetHandle: 'in' });
    expect(store.getState().edges).toHaveLength(2);
    onConnect({ source: 'chat1', target: out, sourceHandle: 'out', targetHandle: 'in' });
    onConnect({ source: 'chat1', target: 'chat1', sourceHandle: 'out', targetHandle: 'in' });
    onConnect({ source: 'chat1', target: 'in1', sourceHandle: 'out', targetHandle: 'in' });
    expect(store.getState().edges).toHaveLength(2);
  });

  it('replaces the edge into a single-valued input but keeps edges into a multiple one', () => {
    const other = store.getState().addNode('source.manual', { x: 0, y: 200 })!;
    store.getState().onConnect({ source: other, target: 'chat1', sourceHandle: 'out', targetHandle: 'in' });
    expect(
      store
        .getState()
        .edges.filter((e) => e.target === 'chat1')
        .map((e) => e.source),
    ).toEqual([other]);

    const merge = store.getState().addNode('transform.merge', { x: 300, y: 300 })!;
    store.getState().onConnect({ source: 'in1', target: merge, sourceHandle: 'out', targetHandle: 'in' });
    store.getState().onConnect({ source: other, target: merge, sourceHandle: 'out', targetHandle: 'in' });
    expect(store.getState().edges.filter((e) => e.target === merge)).toHaveLength(2);
  });

  it('deletes the selection together with its edges', () => {
    store.getState().selectNode('chat1');
    store.getState().deleteSelection();
    const s = store.getState();
    expect(s.nodes.map((n) => n.id)).toEqual(['in1']);
    expect(s.edges).toEqual([]);
    expect(s.dirty).toBe(true);
  });

  it('deletes through React Flow remove changes', () => {
    store.getState().onNodesChange([{ type: 'remove', id: 'in1' }]);
    store.getState().onEdgesChange([{ type: 'remove', id: 'e1' }]);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['chat1']);
    expect(store.getState().edges).toEqual([]);
    // Both halves of one delete merge into one undo step.
    store.getState().undo();
    expect(store.getState().nodes).toHaveLength(2);
    expect(store.getState().edges).toHaveLength(1);
    expect(store.getState().dirty).toBe(false);
  });

  it('ignores selection and measurement changes for dirtiness', () => {
    store.getState().onNodesChange([{ type: 'select', id: 'in1', selected: true }]);
    store.getState().onNodesChange([{ type: 'dimensions', id: 'in1', dimensions: { width: 200, height: 80 } }]);
    expect(store.getState().dirty).toBe(false);
    store.getState().onNodesChange([{ type: 'position', id: 'in1', position: { x: 50, y: 50 } }]);
    expect(store.getState().dirty).toBe(true);
  });

  it('updates and removes params; going back to the saved value is clean again', () => {
    store.getState().updateParams('chat1', { prompt: 'Hello', temperature: 0.5 });
    expect(store.getState().nodes[1]!.data.params).toEqual({ purpose: 'draft', prompt: 'Hello', temperature: 0.5 });
    expect(store.getState().dirty).toBe(true);
    store.getState().updateParams('chat1', { prompt: 'Hi', temperature: undefined });
    expect(store.getState().nodes[1]!.data.params).toEqual({ purpose: 'draft', prompt: 'Hi' });
    expect(store.getState().dirty).toBe(false);
  });

  it('stores label and settings, dropping empty ones', () => {
    store.getState().setLabel('chat1', 'Summarise');
    store.getState().setSettings('chat1', { retry: { maxAttempts: 3 }, continueOnFailure: false });
    expect(flowToGraph(store.getState().nodes, []).nodes[1]!.settings).toEqual({ retry: { maxAttempts: 3 } });
    store.getState().setSettings('chat1', { retry: { maxAttempts: undefined }, timeoutMs: 5000, continueOnFailure: true });
    expect(flowToGraph(store.getState().nodes, []).nodes[1]!.settings).toEqual({ timeoutMs: 5000, continueOnFailure: true });
    store.getState().setLabel('chat1', ' ');
    store.getState().setSettings('chat1', {});
    const saved = flowToGraph(store.getState().nodes, []).nodes[1]!;
    expect(saved.label).toBeUndefined();
    expect(saved.settings).toBeUndefined();
  });

  it('tracks bot meta and markSaved', () => {
    store.getState().setMeta({ name: 'Renamed' });
    expect(store.getState().dirty).toBe(true);
    store.getState().markSaved();
    expect(store.getState().dirty).toBe(false);
    store.getState().setMeta({ name: 'Bot' });
    expect(store.getState().dirty).toBe(true);
  });

  it('undoes and redoes', () => {
    const id = store.getState().addNode('output.results', { x: 0, y: 0 })!;
    store.getState().undo();
    expect(store.getState().nodes.some((n) => n.id === id)).toBe(false);
    expect(store.getState().dirty).toBe(false);
    store.getState().redo();
    expect(store.getState().nodes.some((n) => n.id === id)).toBe(true);
    expect(store.getState().dirty).toBe(true);
  });

  it('indexes run nodes by id', () => {
    store.getState().setRun({
      id: 'r1',
      botId: 'bot1',
      version: 1,
      status: 'running',
      trigger: 'manual',
      createdAt: '2026-01-01T00:00:00Z',
      startedAt: null,
      finishedAt: null,
      error: null,
      resumedFromId: null,
      costUsd: 0,
      unpricedCalls: 0,
      input: null,
      nodes: [
        {
          nodeId: 'chat1',
          type: 'llm.chat',
          status: 'running',
          input: null,
          output: null,
          error: null,
          attempts: 1,
          reused: false,
          startedAt: null,
          finishedAt: null,
          costUsd: null,
        },
      ],
    });
    expect(store.getState().runNodes.chat1!.status).toBe('running');
    store.getState().setRun(null);
    expect(store.getState().runNodes).toEqual({});
  });
});

describe('saving while editing', () => {
  it('keeps edits made after the save started unsaved', async () => {
    const { serializeDocument } = await import('./document-slice');
    const s = createEditorStore();
    s.getState().setCatalogue(testCatalogue);
    s.getState().load({ id: 'b', graph, meta });
    s.getState().updateParams('chat1', { prompt: 'one' });
    const st = s.getState();
    const snapshot = serializeDocument(st.nodes, st.edges, st.meta);
    s.getState().updateParams('chat1', { prompt: 'two' });
    s.getState().markSaved(snapshot);
    expect(s.getState().dirty).toBe(true);
    s.getState().updateParams('chat1', { prompt: 'one' });
    expect(s.getState().dirty).toBe(false);
  });
});

describe('catalogue versions', () => {
  it('adds new nodes at the latest version and keeps each stored node on its own version', () => {
    const v1 = {
      ...testCatalogue[1]!,
      version: 1,
      paramsSchema: { type: 'object', properties: { prompt: { type: 'string' }, old: { type: 'string', default: 'v1' } } },
    };
    const s = createEditorStore();
    // The API lists versions oldest first; the order must not matter.
    s.getState().setCatalogue([testCatalogue[1]!, v1]);
    expect(s.getState().nodeTypes['llm.chat']!.version).toBe(2);
    expect(nodeTypeOf(s.getState(), { type: 'llm.chat', version: 1 })).toBe(s.getState().nodeTypeVersions['llm.chat@1']);
    expect(nodeTypeOf(s.getState(), { type: 'llm.chat', version: 1 })!.paramsSchema.properties).toHaveProperty('old');
    expect(nodeTypeOf(s.getState(), { type: 'llm.chat', version: 7 })!.version).toBe(2);
    s.getState().load({ id: 'b', graph: { nodes: [], edges: [] }, meta });
    const id = s.getState().addNode('llm.chat', { x: 0, y: 0 })!;
    expect(s.getState().nodes.find((n) => n.id === id)!.data.version).toBe(2);
  });
});

describe('port types', () => {
  it('refuses to connect text into json but allows any', async () => {
    const { checkConnection } = await import('./connection-rules');
    const catalogue = Object.fromEntries(
      [
        { ...testCatalogue[0]!, id: 't.text', outputs: [{ name: 'out', type: 'text' as const }] },
        { ...testCatalogue[3]!, id: 't.json', inputs: [{ name: 'in', type: 'json' as const }] },
        { ...testCatalogue[3]!, id: 't.items', inputs: [{ name: 'in', type: 'items' as const }] },
        { ...testCatalogue[0]!, id: 't.jsonout', outputs: [{ name: 'out', type: 'json' as const }] },
      ].map((d) => [d.id, d]),
    );
    const node = (id: string, type: string) => ({ id, type: 'bot' as const, position: { x: 0, y: 0 }, data: { type, params: {} } });
    const nodes = [node('a', 't.text'), node('b', 't.json'), node('c', 't.jsonout'), node('d', 't.items')];
    const ctx = { nodes, catalogue };
    expect(checkConnection({ source: 'a', target: 'b', sourceHandle: 'out', targetHandle: 'in' }, [], ctx)).toMatchObject({ ok: false });
    expect(checkConnection({ source: 'c', target: 'd', sourceHandle: 'out', targetHandle: 'in' }, [], ctx)).toEqual({ ok: true });
    expect(checkConnection({ source: 'c', target: 'b', sourceHandle: null, targetHandle: null }, [], ctx)).toEqual({ ok: true });
  });
});

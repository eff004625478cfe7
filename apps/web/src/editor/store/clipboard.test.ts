import { describe, expect, it } from 'vitest';
import type { Graph } from '@bm/contract';
import { buildEnvelope, CLIPBOARD_FORMAT, isRefusal, parseEnvelope, planPaste, type PastePlan } from './clipboard';
import { createEditorStore } from './editor-store';
import { flowToGraph, graphToFlow } from './graph-convert';
import { testCatalogue, testNodeType } from './testing';

const meta = { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null };
const code = testNodeType({
  id: 'transform.code',
  category: 'transform',
  title: 'Code',
  paramsSchema: { type: 'object', properties: { expression: { type: 'string' } } },
  ui: { expression: { templating: 'none' } },
});
const graph: Graph = {
  nodes: [
    { id: 'in1', type: 'source.manual', version: 1, params: {}, position: { x: 0, y: 0 } },
    { id: 'chat', type: 'llm.chat', version: 2, params: { purpose: 'draft', prompt: 'Hi {{ input.topic }}' }, position: { x: 300, y: 0 } },
    {
      id: 'out',
      type: 'output.results',
      version: 1,
      label: 'Save',
      params: { title: '{{ nodes.chat.output.model }}', content: '{{ nodes.chat.output.text }} / {{ nodes.in1.output }}' },
      position: { x: 600, y: 100 },
    },
    { id: 'c', type: 'transform.code', version: 1, params: { expression: 'nodes.chat.output' }, position: { x: 0, y: 300 } },
  ],
  edges: [
    { id: 'e1', source: 'in1', target: 'chat' },
    { id: 'e2', source: 'chat', target: 'out' },
  ],
};

function loaded() {
  const store = createEditorStore();
  store.getState().setCatalogue([...testCatalogue, code]);
  store.getState().load({ id: 'b1', graph, meta });
  return store;
}
const select = (store: ReturnType<typeof loaded>, ids: string[]) =>
  store.setState((s) => ({ nodes: s.nodes.map((n) => ({ ...n, selected: ids.includes(n.id) })) }));

describe('clipboard envelope', () => {
  it('holds the selected nodes and only the edges between them, and reads back from its text', () => {
    const { nodes, edges } = graphToFlow(graph);
    const env = buildEnvelope(
      nodes.filter((n) => n.id === 'chat' || n.id === 'out'),
      edges,
    );
    expect(env).toMatchObject({ format: CLIPBOARD_FORMAT, version: 1, notes: [] });
    expect(env.nodes.map((n) => n.id)).toEqual(['chat', 'out']);
    expect(env.edges).toEqual([{ source: 'chat', target: 'out', sourceHandle: null, targetHandle: null }]);
    expect(parseEnvelope(JSON.stringify(env))).toEqual(env);
  });

  it('ignores text that is not ours', () => {
    expect(parseEnvelope('hello')).toBeNull();
    expect(parseEnvelope('{"nodes": []}')).toBeNull();
    expect(parseEnvelope(`{"format": "${CLIPBOARD_FORMAT}", "version": 2, "nodes": []}`)).toBeNull();
    expect(parseEnvelope(`{"format": "${CLIPBOARD_FORMAT}", "version": 1, "nodes": [{"id": 1}]}`)).toBeNull();
  });
});

describe('planPaste', () => {
  const { nodes, edges } = graphToFlow(graph);
  const env = buildEnvelope(
    nodes.filter((n) => n.id === 'chat' || n.id === 'out'),
    edges,
  );
  const catalogueStore = createEditorStore();
  catalogueStore.getState().setCatalogue([...testCatalogue, code]);
  const catalogue = catalogueStore.getState();

  it('gives taken ids new ones and remaps references among the pasted nodes only', () => {
    const store = loaded();
    const plan = planPaste(env, { nodes: store.getState().nodes, catalogue: store.getState() }) as PastePlan;
    expect(isRefusal(plan)).toBe(false);
    expect(plan.nodes.map((n) => n.id)).toEqual(['llm_chat', 'save']);
    const out = plan.nodes[1]!;
    // `chat` was pasted too: its references follow it; `in1` was not: its reference stays.
    expect(out.data.params).toEqual({
      title: '{{ nodes.llm_chat.output.model }}',
      content: '{{ nodes.llm_chat.output.text }} / {{ nodes.in1.output }}',
    });
    expect(plan.edges).toHaveLength(1);
    expect(plan.edges[0]).toMatchObject({ source: 'llm_chat', target: 'save' });
    expect(plan.edges[0]!.id).not.toBe('e2');
    // 40 px right and down from where they were copied; the new nodes are the selection.
    expect(plan.nodes.map((n) => n.position)).toEqual([
      { x: 340, y: 40 },
      { x: 640, y: 140 },
    ]);
    expect(plan.nodes.every((n) => n.selected)).toBe(true);
  });

  it('keeps ids that are free in the target, and puts the group’s corner at the cursor', () => {
    const plan = planPaste(env, { nodes: [], catalogue }, { x: 1000, y: 500 }) as PastePlan;
    expect(plan.nodes.map((n) => n.id)).toEqual(['chat', 'out']);
    expect(plan.nodes[1]!.data.params.title).toBe('{{ nodes.chat.output.model }}');
    expect(plan.nodes.map((n) => n.position)).toEqual([
      { x: 1000, y: 500 },
      { x: 1300, y: 600 },
    ]);
    expect(plan.derived).toEqual([]);
  });

  it('leaves literal params (not templates) as written', () => {
    const store = loaded();
    const codeEnv = buildEnvelope(
      store.getState().nodes.filter((n) => n.id === 'c' || n.id === 'chat'),
      [],
    );
    const plan = planPaste(codeEnv, { nodes: store.getState().nodes, catalogue: store.getState() }) as PastePlan;
    expect(plan.nodes.find((n) => n.data.type === 'transform.code')!.data.params).toEqual({ expression: 'nodes.chat.output' });
  });

  it('refuses unknown node types and a paste over the node limit', () => {
    const alien = { ...env, nodes: [...env.nodes, { ...env.nodes[0]!, id: 'x', type: 'vendor.thing' }] };
    expect(planPaste(alien, { nodes: [], catalogue })).toEqual({ reason: 'unknownTypes', types: ['vendor.thing'] });
    expect(planPaste(env, { nodes: nodes, catalogue }, undefined, 5)).toEqual({ reason: 'tooMany', max: 5 });
  });
});

describe('edit slice', () => {
  it('pastes as one undo step, and the saved graph has the new nodes and their edge', () => {
    const store = loaded();
    select(store, ['chat', 'out']);
    const env = store.getState().copySelection()!;
    const r = store.getState().pasteEnvelope(env);
    expect(r).toEqual({ ok: true, nodeIds: ['llm_chat', 'save'] });
    const s = store.getState();
    expect(s.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['llm_chat', 'save']);
    const saved = flowToGraph(s.nodes, s.edges);
    expect(saved.nodes).toHaveLength(6);
    expect((saved.edges ?? []).filter((e) => e.source === 'llm_chat' && e.target === 'save')).toHaveLength(1);
    expect(s.dirty).toBe(true);
    s.undo();
    expect(store.getState().nodes).toHaveLength(4);
    expect(store.getState().dirty).toBe(false);
  });

  it('duplicates the selection; selects all; disables and enables nodes in the saved graph', () => {
    const store = loaded();
    select(store, ['chat']);
    expect(store.getState().duplicateSelection()).toEqual({ ok: true, nodeIds: ['llm_chat'] });
    store.getState().selectAll();
    expect(store.getState().nodes.every((n) => n.selected)).toBe(true);
    expect(store.getState().edges.every((e) => e.selected)).toBe(true);

    store.getState().setDisabled(['chat', 'out'], true);
    let saved = flowToGraph(store.getState().nodes, store.getState().edges);
    expect(saved.nodes.filter((n) => n.disabled).map((n) => n.id)).toEqual(['chat', 'out']);
    store.getState().setDisabled(['chat'], false);
    saved = flowToGraph(store.getState().nodes, store.getState().edges);
    expect(saved.nodes.filter((n) => n.disabled).map((n) => n.id)).toEqual(['out']);
    // Loaded back, a disabled node stays disabled.
    expect(graphToFlow(saved).nodes.find((n) => n.id === 'out')!.data.disabled).toBe(true);
    store.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'chat')!.data.disabled).toBe(true);
  });
});

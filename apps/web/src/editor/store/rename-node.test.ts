import { beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '@bm/contract';
import { createEditorStore } from './editor-store';
import { flowToGraph } from './graph-convert';
import { testCatalogue, testNodeType } from './testing';

const meta = { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null };
const code = testNodeType({
  id: 'transform.code',
  category: 'transform',
  title: 'Code',
  paramsSchema: { type: 'object', properties: { expression: { type: 'string' }, note: { type: 'string' } } },
  ui: { expression: { templating: 'none' }, note: { templating: 'text' } },
});
const graph: Graph = {
  nodes: [
    { id: 'in1', type: 'source.manual', version: 1, params: {}, position: { x: 0, y: 0 } },
    { id: 'chat', type: 'llm.chat', version: 2, params: { purpose: 'draft', prompt: 'Hi {{ input.topic }}' }, position: { x: 300, y: 0 } },
    {
      id: 'out',
      type: 'output.results',
      version: 1,
      params: { title: '{{ nodes.chat.output.model }}', content: 'A: {{ nodes.chat.output.text }} / {{ nodes.in1.output }}' },
      position: { x: 600, y: 0 },
    },
    {
      id: 'c',
      type: 'transform.code',
      version: 1,
      params: { expression: '{{ nodes.chat.output }}', note: '{{ nodes.chat.output }}' },
      position: { x: 0, y: 0 },
    },
  ],
  edges: [
    { id: 'e1', source: 'in1', target: 'chat' },
    { id: 'e2', source: 'chat', target: 'out' },
  ],
};

let store: ReturnType<typeof createEditorStore>;
beforeEach(() => {
  store = createEditorStore();
  store.getState().setCatalogue([...testCatalogue, code]);
  store.getState().load({ id: 'bot1', graph, meta });
});

describe('renameNode', () => {
  it('renames the node, its edges and every template reference to it; undo brings all back', () => {
    expect(store.getState().renameNode('chat', 'summarise')).toEqual({ ok: true });
    const g = flowToGraph(store.getState().nodes, store.getState().edges);
    expect(g.nodes.map((n) => n.id)).toEqual(['in1', 'summarise', 'out', 'c']);
    expect(g.edges!.map((e) => `${e.source}>${e.target}`)).toEqual(['in1>summarise', 'summarise>out']);
    expect(g.nodes[2]!.params).toEqual({
      title: '{{ nodes.summarise.output.model }}',
      content: 'A: {{ nodes.summarise.output.text }} / {{ nodes.in1.output }}',
    });
    // A literal (non-template) param keeps its text; a template param of the same node follows.
    expect(g.nodes[3]!.params).toEqual({ expression: '{{ nodes.chat.output }}', note: '{{ nodes.summarise.output }}' });
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().lastRename).toEqual({ from: 'chat', to: 'summarise' });
    store.getState().undo();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['in1', 'chat', 'out', 'c']);
    expect(store.getState().dirty).toBe(false);
  });

  it('refuses ids that are taken or not identifier-safe, changing nothing', () => {
    expect(store.getState().renameNode('chat', 'out')).toEqual({ ok: false, reason: 'taken' });
    expect(store.getState().renameNode('chat', 'a b')).toEqual({ ok: false, reason: 'chars' });
    expect(store.getState().nodes[1]!.id).toBe('chat');
    expect(store.getState().dirty).toBe(false);
  });

  it("moves the node's run output with it, so its sample data stays", () => {
    store.getState().setRun({
      id: 'r1',
      botId: 'bot1',
      version: 1,
      status: 'succeeded',
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
          nodeId: 'chat',
          type: 'llm.chat',
          status: 'succeeded',
          input: null,
          output: { text: 'hi' },
          error: null,
          attempts: 1,
          reused: false,
          startedAt: null,
          finishedAt: null,
          costUsd: null,
        },
      ],
    });
    store.getState().renameNode('chat', 'summarise');
    expect(store.getState().runNodes.summarise!.output).toEqual({ text: 'hi' });
    expect(store.getState().runNodes.chat).toBeUndefined();
  });
});

describe('followLabel', () => {
  it('gives a node that was never saved the id of its name, and leaves saved nodes alone', () => {
    const id = store.getState().addNode('llm.chat', { x: 0, y: 0 }, { connectFrom: 'chat' })!;
    expect(id).toBe('llm_chat');
    store.getState().updateParams('out', { content: `{{ nodes.${id}.output.text }}` });
    store.getState().setLabel(id, 'Summarise');
    expect(store.getState().followLabel(id)).toBe('summarise');
    expect(store.getState().nodes.find((n) => n.id === 'summarise')!.data.label).toBe('Summarise');
    expect(store.getState().nodes.find((n) => n.id === 'out')!.data.params.content).toBe('{{ nodes.summarise.output.text }}');
    expect(store.getState().edges.some((e) => e.source === 'chat' && e.target === 'summarise')).toBe(true);
    // The saved node keeps its id although its name changed: runs and scripts know it by that id.
    store.getState().setLabel('chat', 'Draft');
    expect(store.getState().followLabel('chat')).toBe('chat');
    // Clearing the name goes back to the type's title.
    store.getState().setLabel('summarise', '');
    expect(store.getState().followLabel('summarise')).toBe('llm_chat');
    // An id renamed by hand stays as chosen.
    store.getState().renameNode('llm_chat', 'mine');
    store.getState().setLabel('mine', 'Other');
    expect(store.getState().followLabel('mine')).toBe('mine');
  });

  it('stops following once the bot is saved', () => {
    const id = store.getState().addNode('llm.chat', { x: 0, y: 0 })!;
    store.getState().markSaved();
    store.getState().setLabel(id, 'Summarise');
    expect(store.getState().followLabel(id)).toBe(id);
  });
});

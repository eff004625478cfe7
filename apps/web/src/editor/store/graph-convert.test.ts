import { describe, expect, it } from 'vitest';
import { BOT_NODE_KIND, type BotFlowEdge, type BotFlowNode } from './flow-types';
import { flowToGraph, graphToFlow, stableStringify } from './graph-convert';

describe('graph ⇄ React Flow', () => {
  it('converts nodes and edges both ways, keeping optional fields only when set', () => {
    const graph = {
      nodes: [
        { id: 'a', type: 'source.manual', params: { sample: { x: 1 } }, position: { x: 1, y: 2 } },
        {
          id: 'b',
          type: 'llm.chat',
          version: 3,
          params: { prompt: 'p' },
          position: { x: 5, y: 6 },
          label: 'Ask',
          settings: { retry: { maxAttempts: 2 } },
        },
      ],
      edges: [
        { id: 'e', source: 'a', target: 'b' },
        { id: 'f', source: 'a', target: 'b', sourceHandle: 'out', targetHandle: 'in' },
      ],
    };
    const flow = graphToFlow(graph);
    expect(flow.nodes[1]).toMatchObject({
      id: 'b',
      type: 'bot',
      position: { x: 5, y: 6 },
      data: { type: 'llm.chat', version: 3, label: 'Ask' },
    });
    expect(flow.edges[0]).toMatchObject({ sourceHandle: null, targetHandle: null });
    expect(flowToGraph(flow.nodes, flow.edges)).toEqual(graph);
  });

  it('does not share params objects with the source graph', () => {
    const graph = { nodes: [{ id: 'a', type: 't', params: { o: { x: 1 } }, position: { x: 0, y: 0 } }], edges: [] };
    const flow = graphToFlow(graph);
    (flow.nodes[0]!.data.params.o as { x: number }).x = 2;
    expect(graph.nodes[0]!.params.o.x).toBe(1);
  });

  it('rounds positions and tolerates a missing graph', () => {
    const flow = graphToFlow(undefined);
    expect(flow).toEqual({ nodes: [], edges: [], notes: [] });
    const g = flowToGraph([{ id: 'a', type: 'bot', position: { x: 1.6, y: -0.4 }, data: { type: 't', params: {} } }], []);
    expect(g.nodes[0]!.position).toEqual({ x: 2, y: -0 });
  });
});

describe('stableStringify', () => {
  it('ignores key order and undefined values', () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: undefined }] })).toBe(stableStringify({ a: [{ d: 2 }], b: 1 }));
  });
});

describe('the conversion and its JSON are made once per node object', () => {
  const node = (x: number, label?: string): BotFlowNode => ({
    id: 'a',
    type: BOT_NODE_KIND,
    position: { x, y: 0 },
    data: { type: 't', params: { p: 1 }, ...(label ? { label } : {}) },
  });
  const edge: BotFlowEdge = { id: 'e', source: 'a', target: 'a', sourceHandle: null, targetHandle: null };

  it('reuses an unchanged node or edge and converts a replaced one afresh', () => {
    const a = node(1);
    const first = flowToGraph([a], [edge]);
    const again = flowToGraph([a], [edge]);
    expect(again.nodes[0]).toBe(first.nodes[0]);
    expect(again.edges![0]).toBe(first.edges![0]);
    const moved = flowToGraph([{ ...a, position: { x: 9, y: 0 } }], [edge]);
    expect(moved.nodes[0]!.position).toEqual({ x: 9, y: 0 });
    expect(Object.isFrozen(first.nodes[0])).toBe(true);
  });

  it('gives the same text as serialising a fresh copy', () => {
    const a = node(1, 'Ask');
    const doc = (n: BotFlowNode) => stableStringify({ graph: flowToGraph([n], [edge]), meta: { name: 'x' } });
    const fresh = (n: BotFlowNode) => stableStringify(JSON.parse(JSON.stringify({ graph: flowToGraph([n], [edge]), meta: { name: 'x' } })));
    expect(doc(a)).toBe(fresh(a));
    expect(doc(a)).toBe(doc(a)); // from the cache
    const renamed = { ...a, data: { ...a.data, label: 'Tell' } };
    expect(doc(renamed)).toContain('"label":"Tell"');
    expect(doc(renamed)).toBe(fresh(renamed));
  });
});

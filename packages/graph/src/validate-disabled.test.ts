import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { NodeTypeInfo } from './node-type';
import { validateGraph, type ValidateGraphOptions } from './validate';

const types: NodeTypeInfo[] = [
  {
    id: 't.manual',
    version: 1,
    category: 'source',
    trigger: true,
    inputs: [],
    outputs: [{ name: 'out', type: 'any' }],
    params: z.object({}),
  },
  {
    id: 't.llm',
    version: 1,
    category: 'llm',
    connectionParams: ['llmConnectionId'],
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [{ name: 'out', type: 'any' }],
    params: z.object({ prompt: z.string().min(1), llmConnectionId: z.string().optional() }),
  },
  {
    id: 't.loop',
    version: 1,
    category: 'flow',
    control: 'loop',
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [{ name: 'item', type: 'any' }],
    params: z.object({}),
  },
];
const opts: ValidateGraphOptions = {
  getNodeType: (type, version) => types.find((t) => t.id === type && t.version === version),
  llm: { botHasConnection: false },
};
const at = { x: 0, y: 0 };

describe('validateGraph: disabled nodes', () => {
  it('does not hold a disabled node’s unfinished params or missing LLM connection against the graph', () => {
    const graph = {
      nodes: [
        { id: 'in', type: 't.manual', params: {}, position: at },
        { id: 'ask', type: 't.llm', params: { prompt: '' }, position: at, disabled: true },
      ],
      edges: [{ id: 'e', source: 'in', target: 'ask' }],
    };
    expect(validateGraph(graph, opts).errors).toEqual([]);
    // Enabled again, the same node is refused twice over (empty prompt, no connection).
    const enabled = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, disabled: false })) };
    expect(
      validateGraph(enabled, opts)
        .errors.map((e) => e.code)
        .sort(),
    ).toEqual(['INVALID_PARAM', 'LLM_CONNECTION_MISSING']);
  });

  it('refuses a disabled trigger and a disabled loop, naming the node', () => {
    const graph = {
      nodes: [
        { id: 'in', type: 't.manual', params: {}, position: at, disabled: true },
        { id: 'each', type: 't.loop', params: {}, position: at, disabled: true, label: 'Each' },
      ],
      edges: [{ id: 'e', source: 'in', target: 'each' }],
    };
    const errors = validateGraph(graph, { ...opts, llm: undefined }).errors.filter((e) => e.code === 'DISABLED_NOT_ALLOWED');
    expect(errors.map((e) => [e.nodeId, e.key])).toEqual([
      ['in', 'graph.DISABLED_NOT_ALLOWED.trigger'],
      ['each', 'graph.DISABLED_NOT_ALLOWED.loop'],
    ]);
    expect(errors[1]!.message).toContain('"Each"');
  });
});

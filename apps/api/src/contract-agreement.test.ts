import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Graph, NodeTypeDescription, OverlapPolicy } from '@bm/contract';
import { GraphSchema } from '@bm/graph';
import { describeNodeTypes } from '@bm/nodes';
import { OVERLAP_POLICIES } from '@bm/temporal/client';

// Shapes the contract writes out because it may not import the packages that own them.
describe('the contract agrees with the packages that own a shape', () => {
  it('graph: the same JSON Schema as @bm/graph, for what clients send and what they get back', () => {
    // `pinnedOutput` is the one wire-only field: pins live beside the bot, never in a stored graph
    // (GraphSchema drops it, so no version, template or export can carry one).
    const { pinnedOutput, ...node } = Graph.shape.nodes.element.shape;
    expect(pinnedOutput).toBeDefined();
    const stored = Graph.extend({ nodes: z.array(z.object(node)) });
    for (const io of ['input', 'output'] as const) expect(z.toJSONSchema(stored, { io })).toEqual(z.toJSONSchema(GraphSchema, { io }));
    const parsed = GraphSchema.parse({ nodes: [{ id: 'a', type: 't', position: { x: 0, y: 0 }, pinnedOutput: { secret: 1 } }] });
    expect(parsed.nodes[0]).not.toHaveProperty('pinnedOutput');
  });

  it('schedules: the overlap policies Temporal knows', () => {
    expect([...OverlapPolicy.options].sort()).toEqual(Object.keys(OVERLAP_POLICIES).sort());
  });

  it('node types: a description in the registry shape parses, with nothing dropped', () => {
    const sample = {
      id: 'source.http',
      version: 1,
      category: 'source',
      title: 'HTTP request',
      description: 'Fetch a URL',
      docs: '',
      inputs: [{ name: 'in', type: 'any' }],
      outputs: [{ name: 'out', type: 'json' }],
      paramsSchema: { type: 'object', properties: { url: { type: 'string' } } },
      ui: { url: { templating: 'text' } },
      trigger: false,
      usesLlm: false,
      execution: {
        local: false,
        retry: { maxAttempts: 3, initialIntervalMs: 1000, backoffCoefficient: 2, maximumIntervalMs: 60000 },
        timeoutMs: 300000,
      },
      secretParams: ['headers'],
      connectionParams: [],
      output: { description: 'The response', schema: {} },
      display: { icon: 'globe', synonyms: ['fetch'] },
    };
    expect(NodeTypeDescription.parse(sample)).toEqual(sample);
  });

  it('node types: every description the registry serves parses, with nothing dropped', () => {
    const served = describeNodeTypes();
    expect(served.length).toBeGreaterThan(10);
    for (const d of served) expect(NodeTypeDescription.strict().parse(d), `${d.id} v${d.version}`).toEqual(d);
  });
});

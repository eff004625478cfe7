import { describe, expect, it } from 'vitest';
import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { starterGraph } from './starter-graph';
import { testCatalogue } from './store/testing';

const catalogue: Record<string, NodeTypeDef> = Object.fromEntries(testCatalogue.map((d) => [d.id, d]));

describe('starterGraph', () => {
  it('builds manual → chat → results with catalogue versions, ports and a working expression', () => {
    const g = starterGraph(catalogue);
    expect(g.nodes.map((n) => n.type)).toEqual(['source.manual', 'llm.chat', 'output.results']);
    expect(g.nodes[1]!.version).toBe(2);
    const [input, chat, results] = g.nodes;
    expect(g.edges).toEqual([
      expect.objectContaining({ source: input!.id, target: chat!.id, sourceHandle: 'out', targetHandle: 'in' }),
      expect.objectContaining({ source: chat!.id, target: results!.id, sourceHandle: 'out', targetHandle: 'in' }),
    ]);
    expect(results!.params.content).toBe(`{{ nodes.${chat!.id}.output.text }}`);
    expect(input!.params.sample).toEqual({ topic: 'the history of the bicycle' });
  });

  it('works without a catalogue, leaving handles out', () => {
    const g = starterGraph({});
    expect(g.edges[0]!.sourceHandle).toBeUndefined();
    expect(g.nodes.every((n) => n.version === 1)).toBe(true);
  });
});

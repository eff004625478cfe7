import { describe, expect, it } from 'vitest';
import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { summarizeNode } from './node-summary';
import { starterGraph } from './starter-graph';
import { testCatalogue } from './store/test-catalogue';

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

describe('summarizeNode', () => {
  it('shows purpose, model and prompt for chats on one line', () => {
    expect(summarizeNode({ type: 'llm.chat', params: { purpose: 'draft', model: 'gpt-4o', prompt: 'Write\n  about {{ input.x }}' } })).toBe(
      'draft · gpt-4o — Write about {{ input.x }}',
    );
  });
  it('truncates and falls back to any string param', () => {
    expect(summarizeNode({ type: 'x', params: { foo: 'a'.repeat(100) } }, 10)).toBe(`${'a'.repeat(9)}…`);
    expect(summarizeNode({ type: 'x', params: {} })).toBe('');
    expect(summarizeNode({ type: 'source.manual', params: { sample: { topic: 'x' } } })).toBe('Sample: {"topic":"x"}');
  });
  it('reads a filter condition as a sentence', () => {
    expect(summarizeNode({ type: 'transform.filter', params: { mode: 'condition', field: 'title', operator: 'notContains', value: 'AI' } })).toBe('Keep where title not contains AI');
    expect(summarizeNode({ type: 'transform.filter', params: { mode: 'jsonata', expression: 'score > 1' } })).toBe('score > 1');
  });
});

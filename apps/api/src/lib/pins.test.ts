import { describe, expect, it } from 'vitest';
import { MAX_PIN_BYTES } from '@bm/contract';
import { pinChanges, withPins } from './pins';

describe('pins on the wire', () => {
  it('reads a save’s pin changes: a value pins, null unpins, a node without the field keeps its pin', () => {
    const { set, unset } = pinChanges({
      nodes: [{ id: 'a', pinnedOutput: { text: 'x' } }, { id: 'b', pinnedOutput: null }, { id: 'c' }, { id: 'd', pinnedOutput: 0 }],
    });
    expect([...set]).toEqual([
      ['a', { text: 'x' }],
      ['d', 0],
    ]);
    expect(unset).toEqual(['b']);
    expect(pinChanges(undefined)).toEqual({ set: new Map(), unset: [] });
  });

  it('refuses a pin larger than the limit with a 422 naming the node', () => {
    const big = 'x'.repeat(MAX_PIN_BYTES + 1);
    expect(() => pinChanges({ nodes: [{ id: 'a', pinnedOutput: big }] })).toThrow(
      expect.objectContaining({ statusCode: 422, code: 'PIN_TOO_LARGE' }),
    );
  });

  it('merges pins into an answer’s graph, only on pinned nodes', () => {
    const graph = {
      nodes: [
        { id: 'a', type: 't', position: { x: 0, y: 0 } },
        { id: 'b', type: 't', position: { x: 0, y: 0 } },
      ],
      edges: [],
    };
    expect(withPins(graph, new Map([['b', [1]]])).nodes.map((n) => n.pinnedOutput)).toEqual([undefined, [1]]);
    expect(withPins(graph, new Map())).toBe(graph);
  });
});

import { describe, expect, it } from 'vitest';
import { collectNodeInputs } from './inputs';
import {
  downstreamOf,
  executionLevels,
  findCycles,
  GraphCycleError,
  incomingEdges,
  topologicalOrder,
  upstreamOf,
  type GraphShape,
} from './topology';

function g(nodes: string[], edges: [string, string][]): GraphShape {
  return {
    nodes: nodes.map((id) => ({ id })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

// a → b → d, a → c → d, e alone; listed in a deliberately scrambled order
const diamond = g(
  ['e', 'c', 'a', 'd', 'b'],
  [
    ['a', 'b'],
    ['a', 'c'],
    ['b', 'd'],
    ['c', 'd'],
  ],
);

describe('topologicalOrder', () => {
  it('orders every edge source before its target, ties by graph order', () => {
    expect(topologicalOrder(diamond)).toEqual(['e', 'a', 'c', 'b', 'd']);
  });

  it('is stable: the same graph gives the same order', () => {
    expect(topologicalOrder(diamond)).toEqual(topologicalOrder(diamond));
  });

  it('ignores edges to unknown nodes', () => {
    expect(topologicalOrder(g(['a'], [['a', 'ghost']]))).toEqual(['a']);
  });

  it('throws GraphCycleError naming the cycle', () => {
    const cyclic = g(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'b'],
      ],
    );
    let err: unknown;
    try {
      topologicalOrder(cyclic);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GraphCycleError);
    expect((err as GraphCycleError).nodeIds).toEqual(['b', 'c']);
    expect((err as GraphCycleError).message).toContain('b → c');
  });
});

describe('executionLevels', () => {
  it('groups nodes that can run in parallel', () => {
    expect(executionLevels(diamond)).toEqual([['e', 'a'], ['c', 'b'], ['d']]);
  });

  it('puts a node after its deepest predecessor', () => {
    const chain = g(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
        ['c', 'd'],
      ],
    );
    expect(executionLevels(chain)).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('returns no levels for an empty graph', () => {
    expect(executionLevels(g([], []))).toEqual([]);
  });
});

describe('upstreamOf / downstreamOf / incomingEdges', () => {
  it('finds transitive predecessors and successors in graph order', () => {
    expect(upstreamOf(diamond, 'd')).toEqual(['c', 'a', 'b']);
    expect(upstreamOf(diamond, 'a')).toEqual([]);
    expect(downstreamOf(diamond, 'a')).toEqual(['c', 'd', 'b']);
    expect(upstreamOf(diamond, 'unknown')).toEqual([]);
  });

  it('includes the node itself only when it sits on a cycle', () => {
    expect(
      upstreamOf(
        g(
          ['a', 'b'],
          [
            ['a', 'b'],
            ['b', 'a'],
          ],
        ),
        'a',
      ),
    ).toEqual(['a', 'b']);
  });

  it('lists incoming edges in edge order', () => {
    expect(incomingEdges(diamond, 'd').map((e) => e.source)).toEqual(['b', 'c']);
  });
});

describe('findCycles', () => {
  it('finds each cycle once, as a path', () => {
    const graph = g(
      ['a', 'b', 'c', 'x', 'y'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['x', 'y'],
        ['y', 'x'],
        ['c', 'x'],
      ],
    );
    expect(findCycles(graph)).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ]);
  });

  it('detects self-loops and returns nothing for a DAG', () => {
    expect(findCycles(g(['a'], [['a', 'a']]))).toEqual([['a']]);
    expect(findCycles(diamond)).toEqual([]);
  });

  it('handles long chains without recursion limits', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `n${i}`);
    const edges = ids.slice(1).map((id, i) => [ids[i]!, id] as [string, string]);
    expect(findCycles(g(ids, edges))).toEqual([]);
    expect(findCycles(g(ids, [...edges, ['n4999', 'n0']]))[0]).toHaveLength(5000);
  });
});

describe('collectNodeInputs', () => {
  it('collects outputs in edge order, by node and by port', () => {
    const graph: GraphShape = {
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'm' }],
      edges: [
        { id: '1', source: 'b', target: 'm', targetHandle: 'extra' },
        { id: '2', source: 'a', target: 'm' },
        { id: '3', source: 'a', target: 'b' },
      ],
    };
    const inputs = collectNodeInputs(graph, 'm', { a: { output: 'A' }, b: { output: { x: 1 } } });
    expect(inputs).toEqual({
      all: [{ x: 1 }, 'A'],
      byNode: { b: { x: 1 }, a: 'A' },
      byPort: { extra: [{ x: 1 }], in: ['A'] },
    });
  });

  it('skips sources without a recorded output', () => {
    const graph = g(
      ['a', 'b', 'm'],
      [
        ['a', 'm'],
        ['b', 'm'],
      ],
    );
    expect(collectNodeInputs(graph, 'm', { b: { output: null } }).all).toEqual([null]);
  });
});

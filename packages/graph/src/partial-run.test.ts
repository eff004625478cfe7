import { describe, expect, it } from 'vitest';
import { planPartialRun, runScope } from './partial-run';

// in → a → b → out, and a side branch s → b; b's prompt also names `in`.
const graph = {
  nodes: [
    { id: 'in', params: {} },
    { id: 'a', params: { prompt: 'x' } },
    { id: 's', params: {} },
    { id: 'b', params: { prompt: '{{ nodes.a.output.text }} {{ nodes.in.output }}' } },
    { id: 'out', params: {} },
  ],
  edges: [
    { id: '1', source: 'in', target: 'a' },
    { id: '2', source: 'a', target: 'b' },
    { id: '3', source: 's', target: 'b' },
    { id: '4', source: 'b', target: 'out' },
  ],
};

describe('planPartialRun', () => {
  it('runs the start node and everything downstream, reusing everything upstream', () => {
    expect(planPartialRun(graph, { startAt: 'b' })).toEqual({ execute: ['b', 'out'], reuse: ['in', 'a', 's'], needed: ['in', 'a', 's'] });
  });

  it('`only` runs the start node alone; downstream nodes are not part of the run', () => {
    expect(planPartialRun(graph, { startAt: 'a', only: true })).toEqual({ execute: ['a'], reuse: ['in'], needed: ['in'] });
    expect(runScope(graph, 'a', true)).toEqual(new Set(['a']));
  });

  it('a pinned node in scope is reused, not run — unless it is the node asked to run', () => {
    expect(planPartialRun(graph, { pinned: new Set(['a']) })).toEqual({
      execute: ['in', 's', 'b', 'out'],
      reuse: ['a'],
      needed: ['a'],
    });
    expect(planPartialRun(graph, { startAt: 'a', only: true, pinned: new Set(['a']) }).execute).toEqual(['a']);
  });

  it('a node that feeds only pinned nodes does not run (its LLM call would be for nothing)', () => {
    // With b pinned, in, a and s feed nothing that runs: only out runs. (Upstream outputs are
    // still reused where recorded, for the run view; only b's is needed.)
    expect(planPartialRun(graph, { pinned: new Set(['b']) })).toEqual({ execute: ['out'], reuse: ['in', 'a', 's', 'b'], needed: ['b'] });
    // A pinned node that feeds a running one is not pruned away from what it stands in for.
    expect(planPartialRun(graph, { pinned: new Set(['a']) })).toEqual({ execute: ['in', 's', 'b', 'out'], reuse: ['a'], needed: ['a'] });
  });

  it('a full run without pins reuses nothing', () => {
    expect(planPartialRun(graph, {})).toEqual({ execute: ['in', 'a', 's', 'b', 'out'], reuse: [], needed: [] });
  });
});

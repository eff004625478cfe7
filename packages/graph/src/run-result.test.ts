import { describe, expect, it } from 'vitest';
import { runResult, RESPOND_NODE_TYPE } from './run-result';

const n = (id: string, type = 'transform.template') => ({ id, type });
const e = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });
const ok = (nodeId: string, output: unknown = nodeId) => ({ nodeId, status: 'succeeded', output });

describe('runResult', () => {
  // src → a → b, src → c: the stable topological order is src, a, b, c (ready nodes in listed order).
  const graph = { nodes: [n('src', 'source.manual'), n('a'), n('b'), n('c')], edges: [e('src', 'a'), e('a', 'b'), e('src', 'c')] };

  it('is the last succeeded node in topological order', () => {
    expect(runResult(graph, [ok('src'), ok('a'), ok('c'), ok('b')])).toEqual({ nodeId: 'c', output: 'c' });
    // Records arrive in any order; the graph decides.
    expect(runResult(graph, [ok('c'), ok('src'), ok('b'), ok('a')])).toEqual({ nodeId: 'c', output: 'c' });
    expect(runResult(graph, [ok('src'), ok('a'), ok('b')])).toEqual({ nodeId: 'b', output: 'b' });
  });

  it('skips nodes that failed, were skipped or never ran', () => {
    const nodes = [ok('src'), ok('a'), { nodeId: 'b', status: 'failed', output: null }, { nodeId: 'c', status: 'skipped', output: null }];
    expect(runResult(graph, nodes)).toEqual({ nodeId: 'a', output: 'a' });
    expect(runResult(graph, [ok('src')])).toEqual({ nodeId: 'src', output: 'src' });
    expect(runResult(graph, [])).toBeUndefined();
  });

  it('is the respond node when it succeeded, wherever it is', () => {
    const g = { ...graph, nodes: [...graph.nodes, n('reply', RESPOND_NODE_TYPE)], edges: [...graph.edges, e('a', 'reply')] };
    const answer = { status: 201, headers: {}, body: { ok: true } };
    expect(runResult(g, [ok('src'), ok('a'), ok('reply', answer), ok('b'), ok('c')])).toEqual({ nodeId: 'reply', output: answer });
    // Its branch not taken (or it failed): the rule above.
    expect(runResult(g, [ok('src'), ok('a'), ok('b'), { nodeId: 'reply', status: 'skipped', output: null }])).toEqual({
      nodeId: 'b',
      output: 'b',
    });
  });

  it('keeps falsy outputs (null, 0, empty text) as results', () => {
    expect(runResult(graph, [ok('src'), ok('a', 0)])).toEqual({ nodeId: 'a', output: 0 });
    expect(runResult(graph, [ok('src'), ok('a', null)])).toEqual({ nodeId: 'a', output: null });
  });
});

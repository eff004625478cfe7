import { describe, expect, it } from 'vitest';
import { diffFlow } from './diff-flow';

const n = (id: string, template: string) => ({ id, type: 'transform.template', params: { template }, position: { x: 0, y: 0 } });

describe('diffFlow', () => {
  it('shows the newer graph with the older one’s removed nodes, each marked', () => {
    const before = { nodes: [n('a', 'one'), n('b', 'gone')], edges: [{ id: 'e1', source: 'a', target: 'b' }] };
    const after = { nodes: [n('a', 'two'), n('c', 'new')], edges: [{ id: 'e2', source: 'a', target: 'c' }] };
    const { nodes, edges, diff } = diffFlow(before, after);
    expect(nodes.map((x) => [x.id, x.className])).toEqual([
      ['a', 'diff-changed'],
      ['c', 'diff-added'],
      ['b', 'diff-removed'],
    ]);
    expect(edges.map((e) => [e.id, e.className])).toEqual([
      ['e2', 'diff-added'],
      ['removed:e1', 'diff-removed'],
    ]);
    expect(diff.nodes.changed[0]!.params).toEqual([{ param: 'template', kind: 'changed', before: 'one', after: 'two' }]);
  });

  it('marks nothing when the graphs are equal', () => {
    const g = { nodes: [n('a', 'one')], edges: [] };
    expect(diffFlow(g, structuredClone(g)).nodes[0]!.className).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeLoops } from './loops';
import { outputPortsOf } from './ports';
import type { FlowControl } from './node-type';

const g = (nodes: string[], edges: [string, string, string?][]) => ({
  nodes: nodes.map((id) => ({ id })),
  edges: edges.map(([source, target, sourceHandle], i) => ({ id: `e${i}`, source, target, sourceHandle })),
});
const controls: Record<string, FlowControl> = { loop: 'loop', loop2: 'loop', all: 'collect', all2: 'collect' };
const control = (id: string) => controls[id];

describe('analyzeLoops', () => {
  it('finds the body between a loop and its collect node, and what it reads from outside', () => {
    const graph = g(
      ['src', 'cfg', 'loop', 'a', 'b', 'all', 'after'],
      [
        ['src', 'loop'],
        ['loop', 'a', 'item'],
        ['a', 'b'],
        ['cfg', 'b'],
        ['b', 'all'],
        ['all', 'after'],
      ],
    );
    const { loops, loopOf, issues } = analyzeLoops(graph, control);
    expect(issues).toEqual([]);
    expect(loops.get('loop')).toEqual({ loopId: 'loop', collectId: 'all', body: ['a', 'b'], externalDeps: ['cfg'] });
    expect([...loopOf]).toEqual([
      ['a', 'loop'],
      ['b', 'loop'],
    ]);
  });

  it('reports a loop without a collect, a leak out of the body, a nested loop and a stray collect', () => {
    expect(analyzeLoops(g(['loop', 'a'], [['loop', 'a', 'item']]), control).issues).toEqual([{ kind: 'noCollect', loopId: 'loop' }]);
    // A per-item side branch (a message per item) is fine; one that also reaches past the collect node is not.
    expect(
      analyzeLoops(
        g(
          ['loop', 'a', 'all', 'x'],
          [
            ['loop', 'a', 'item'],
            ['a', 'all'],
            ['a', 'x'],
          ],
        ),
        control,
      ).issues,
    ).toEqual([]);
    const leak = analyzeLoops(
      g(
        ['loop', 'a', 'all', 'after'],
        [
          ['loop', 'a', 'item'],
          ['a', 'all'],
          ['all', 'after'],
          ['a', 'after'],
        ],
      ),
      control,
    ).issues;
    expect(leak).toEqual([{ kind: 'leak', loopId: 'loop', nodeId: 'a', edgeId: 'e3', target: 'after' }]);
    const nested = analyzeLoops(
      g(
        ['loop', 'loop2', 'all', 'all2'],
        [
          ['loop', 'loop2', 'item'],
          ['loop2', 'all2', 'item'],
          ['all2', 'all'],
        ],
      ),
      control,
    ).issues;
    expect(nested).toContainEqual({ kind: 'nested', loopId: 'loop', innerId: 'loop2' });
    expect(analyzeLoops(g(['all'], []), control).issues).toEqual([{ kind: 'collectWithoutLoop', collectId: 'all' }]);
  });

  it('does not count what leaves the loop node by its error output as the body', () => {
    const { loops } = analyzeLoops(
      g(
        ['loop', 'a', 'all', 'oops'],
        [
          ['loop', 'a', 'item'],
          ['a', 'all'],
          ['loop', 'oops', 'error'],
        ],
      ),
      control,
    );
    expect(loops.get('loop')!.body).toEqual(['a']);
  });
});

describe('outputPortsOf', () => {
  const info = {
    outputs: [{ name: 'default', type: 'any' as const }],
    dynamicOutputs: { param: 'cases', field: 'name', type: 'any' as const },
  };
  it('lists the ports a param makes, then the type’s own, then error when it is on', () => {
    const ports = outputPortsOf(info, {
      params: { cases: [{ name: 'a' }, { name: 'b' }, { name: 'a' }, { name: '' }] },
      settings: { errorOutput: true },
    });
    expect(ports.map((p) => p.name)).toEqual(['a', 'b', 'default', 'error']);
    expect(outputPortsOf(info, {}).map((p) => p.name)).toEqual(['default']);
  });
});

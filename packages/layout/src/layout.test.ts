import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE_SIZE, layoutGraph, needsLayout, overlapping, type LayoutEdge, type LayoutNode } from './index';

const stacked = (nodes: LayoutNode[], pos: Record<string, { x: number; y: number }>) =>
  nodes.map((n) => ({ id: n.id, position: pos[n.id], width: n.width, height: n.height }));

describe('layoutGraph', () => {
  it('places every node left of the nodes it feeds, without overlaps', async () => {
    const nodes: LayoutNode[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, inputs: ['in'], outputs: ['out'] }));
    const edges: LayoutEdge[] = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'd' },
      { source: 'd', target: 'c' },
      { source: 'c', target: 'e' },
    ];
    const pos = await layoutGraph(nodes, edges);
    expect(Object.keys(pos).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const e of edges) expect(pos[e.source]!.x + DEFAULT_NODE_SIZE.width).toBeLessThan(pos[e.target]!.x);
    expect(overlapping(stacked(nodes, pos))).toEqual([]);
    for (const p of Object.values(pos)) expect(p.x % 8 === 0 && p.y % 8 === 0).toBe(true);
  });

  it('uses measured sizes: tall boxes in one layer do not overlap', async () => {
    const nodes: LayoutNode[] = [
      { id: 'src', outputs: ['out'] },
      { id: 'tall1', width: 300, height: 400, inputs: ['in'] },
      { id: 'tall2', width: 300, height: 400, inputs: ['in'] },
    ];
    const edges = [
      { source: 'src', target: 'tall1' },
      { source: 'src', target: 'tall2' },
    ];
    const pos = await layoutGraph(nodes, edges);
    expect(overlapping(stacked(nodes, pos))).toEqual([]);
    expect(Math.abs(pos.tall1!.y - pos.tall2!.y)).toBeGreaterThanOrEqual(400);
  });

  it("keeps a switch's cases in port order top to bottom and the error output last", async () => {
    const nodes: LayoutNode[] = [
      { id: 'sw', inputs: ['in'], outputs: ['first', 'second', 'third', 'default', 'error'], height: 144 },
      { id: 'x3', inputs: ['in'] },
      { id: 'xerr', inputs: ['in'] },
      { id: 'x1', inputs: ['in'] },
      { id: 'xd', inputs: ['in'] },
      { id: 'x2', inputs: ['in'] },
    ];
    // Edges listed out of order on purpose: the port order decides, not the edge order.
    const edges: LayoutEdge[] = [
      { source: 'sw', sourceHandle: 'third', target: 'x3' },
      { source: 'sw', sourceHandle: 'error', target: 'xerr' },
      { source: 'sw', sourceHandle: 'first', target: 'x1' },
      { source: 'sw', sourceHandle: 'default', target: 'xd' },
      { source: 'sw', sourceHandle: 'second', target: 'x2' },
    ];
    const pos = await layoutGraph(nodes, edges);
    const ys = ['x1', 'x2', 'x3', 'xd', 'xerr'].map((id) => pos[id]!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(overlapping(stacked(nodes, pos))).toEqual([]);
  });

  it('places unconnected nodes and ignores edges to unknown nodes', async () => {
    const nodes: LayoutNode[] = [{ id: 'a' }, { id: 'b' }, { id: 'lonely' }];
    const pos = await layoutGraph(nodes, [
      { source: 'a', target: 'b' },
      { source: 'a', target: 'ghost' },
    ]);
    expect(Object.keys(pos).sort()).toEqual(['a', 'b', 'lonely']);
    expect(overlapping(stacked(nodes, pos))).toEqual([]);
  });

  it('is deterministic', async () => {
    const nodes: LayoutNode[] = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}` }));
    const edges = nodes.slice(1).map((n, i) => ({ source: `n${Math.floor(i / 2)}`, target: n.id }));
    expect(await layoutGraph(nodes, edges)).toEqual(await layoutGraph(nodes, edges));
  });
});

describe('needsLayout', () => {
  it('wants a layout for overlapping boxes or missing positions only', () => {
    expect(needsLayout([])).toBe(false);
    expect(
      needsLayout([
        { id: 'a', position: { x: 0, y: 0 } },
        { id: 'b', position: { x: 300, y: 0 } },
      ]),
    ).toBe(false);
    expect(
      needsLayout([
        { id: 'a', position: { x: 0, y: 0 } },
        { id: 'b', position: { x: 100, y: 20 } },
      ]),
    ).toBe(true);
    expect(needsLayout([{ id: 'a', position: { x: 0, y: 0 } }, { id: 'b' }])).toBe(true);
  });
});

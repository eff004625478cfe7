import { describe, expect, it } from 'vitest';
import {
  describeSummary,
  diffGraphs,
  isEmptyDiff,
  sameJson,
  summarizeDiff,
  type DiffableEdge,
  type DiffableGraph,
  type DiffableNode,
} from './diff';

const base: DiffableGraph = {
  nodes: [
    { id: 'in', type: 'source.manual', params: { sample: 'hi' }, position: { x: 0, y: 0 } },
    {
      id: 'chat',
      type: 'llm.chat',
      label: 'Summarise',
      params: { prompt: 'Sum up {{ input }}', temperature: 0.2 },
      position: { x: 200, y: 0 },
    },
    { id: 'out', type: 'output.results', params: { content: '{{ nodes.chat.output.text }}' }, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'chat' },
    { id: 'e2', source: 'chat', target: 'out' },
  ],
};
type Mutable = { nodes: DiffableNode[]; edges: DiffableEdge[] };
const clone = (g: DiffableGraph): Mutable => JSON.parse(JSON.stringify(g)) as Mutable;

describe('diffGraphs', () => {
  it('finds nothing between a graph and its copy, whatever the key order or edge ids', () => {
    const copy = clone(base);
    copy.nodes[1] = {
      position: { y: 0, x: 200 },
      params: { temperature: 0.2, prompt: 'Sum up {{ input }}' },
      label: 'Summarise',
      type: 'llm.chat',
      id: 'chat',
    };
    copy.edges = copy.edges.map((e, i) => ({ ...e, id: `other-${i}`, sourceHandle: null }));
    const d = diffGraphs(base, copy);
    expect(isEmptyDiff(d)).toBe(true);
  });

  it('lists added and removed nodes with their names', () => {
    const next = clone(base);
    next.nodes = next.nodes.filter((n) => n.id !== 'out');
    next.nodes.push({ id: 'tpl', type: 'transform.template', label: 'Format', params: { template: 'x' }, position: { x: 1, y: 1 } });
    next.edges = [
      { id: 'e1', source: 'in', target: 'chat' },
      { id: 'e3', source: 'chat', target: 'tpl' },
    ];
    const d = diffGraphs(base, next);
    expect(d.nodes.added).toEqual([{ id: 'tpl', name: 'Format', type: 'transform.template' }]);
    expect(d.nodes.removed).toEqual([{ id: 'out', name: 'out', type: 'output.results' }]);
    expect(d.nodes.changed).toEqual([]);
    expect(d.edges.added.map((e) => e.id)).toEqual(['e3']);
    expect(d.edges.removed.map((e) => e.id)).toEqual(['e2']);
  });

  it('lists each changed param with its value before and after', () => {
    const next = clone(base);
    next.nodes[1]!.params = { prompt: 'Summarise {{ input }}', maxTokens: 200 };
    const d = diffGraphs(base, next);
    expect(d.nodes.changed).toEqual([
      {
        id: 'chat',
        name: 'Summarise',
        type: 'llm.chat',
        fields: [],
        params: [
          { param: 'maxTokens', kind: 'added', before: undefined, after: 200 },
          { param: 'prompt', kind: 'changed', before: 'Sum up {{ input }}', after: 'Summarise {{ input }}' },
          { param: 'temperature', kind: 'removed', before: 0.2, after: undefined },
        ],
      },
    ]);
  });

  it('reports label, settings, type and version changes as fields', () => {
    const next = clone(base);
    next.nodes[1] = { ...next.nodes[1]!, label: 'Digest', settings: { retry: { maxAttempts: 3 } }, version: 2 };
    const [change] = diffGraphs(base, next).nodes.changed;
    expect(change!.fields).toEqual(['version', 'label', 'settings']);
    expect(change!.name).toBe('Digest');
  });

  it('reports a node turned off or on as a change', () => {
    const next = clone(base);
    next.nodes[1] = { ...next.nodes[1]!, disabled: true };
    expect(diffGraphs(base, next).nodes.changed.map((c) => c.fields)).toEqual([['disabled']]);
    // `disabled: false` is the same as leaving it out.
    expect(diffGraphs(next, { ...next, nodes: next.nodes.map((n) => ({ ...n, disabled: false })) }).nodes.changed).toHaveLength(1);
    expect(diffGraphs(base, { ...base, nodes: base.nodes.map((n) => ({ ...n, disabled: false })) }).nodes.changed).toEqual([]);
  });

  it('counts a node that only moved as moved, not changed', () => {
    const next = clone(base);
    next.nodes[0]!.position = { x: 50, y: 80 };
    const d = diffGraphs(base, next);
    expect(d.nodes.changed).toEqual([]);
    expect(d.nodes.moved.map((n) => n.id)).toEqual(['in']);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('treats a default node version and a missing one alike and ignores data outside the graph fields', () => {
    const next = clone(base);
    next.nodes[0] = { ...next.nodes[0]!, version: 1, pinnedOutput: { text: 'x' } } as DiffableNode;
    expect(isEmptyDiff(diffGraphs(base, next))).toBe(true);
  });

  it('sees a node disabled, and counts sticky notes added, edited and removed', () => {
    const a: DiffableGraph = { nodes: [{ id: 'h', type: 'source.http' }], notes: [{ id: 'n1' }, { id: 'n2' }] };
    const b: DiffableGraph = {
      nodes: [{ id: 'h', type: 'source.http', disabled: true }],
      notes: [{ id: 'n1', text: 'edited' } as { id: string }, { id: 'n3' }],
    };
    const d = diffGraphs(a, b);
    expect(d.nodes.changed[0]!.fields).toEqual(['disabled']);
    expect(d.notes).toBe(3);
    expect(describeSummary(summarizeDiff(d))).toBe('Changed h; edited 3 notes');
    expect(isEmptyDiff(diffGraphs(a, a))).toBe(true);
  });

  it('sees a change deep inside a param', () => {
    const a: DiffableGraph = { nodes: [{ id: 'h', type: 'source.http', params: { headers: { a: ['1', '2'] } } }] };
    const b: DiffableGraph = { nodes: [{ id: 'h', type: 'source.http', params: { headers: { a: ['1', '3'] } } }] };
    expect(diffGraphs(a, b).nodes.changed[0]!.params.map((p) => p.param)).toEqual(['headers']);
  });
});

describe('summaries', () => {
  it('says what changed in one line', () => {
    const next = clone(base);
    next.nodes.push({ id: 'tpl', type: 'transform.template', label: 'Format', params: {}, position: { x: 0, y: 0 } });
    next.nodes[1]!.params = { prompt: 'other' };
    next.nodes[0]!.position = { x: 9, y: 9 };
    next.edges.push({ id: 'e3', source: 'chat', target: 'tpl' });
    const s = summarizeDiff(diffGraphs(base, next));
    expect(s).toEqual({ added: ['Format'], removed: [], changed: ['Summarise'], moved: 1, edgesAdded: 1, edgesRemoved: 0, notes: 0 });
    expect(describeSummary(s)).toBe('Added Format; changed Summarise; rewired 1 connection; moved 1 node');
  });

  it('names at most three nodes', () => {
    const s = { added: ['a', 'b', 'c', 'd', 'e'], removed: [], changed: [], moved: 0, edgesAdded: 0, edgesRemoved: 2, notes: 0 };
    expect(describeSummary(s)).toBe('Added a, b, c and 2 more; rewired 2 connections');
  });

  it('has words for the first version and for a save that changed nothing', () => {
    expect(describeSummary(null)).toBe('Created the bot');
    expect(describeSummary(summarizeDiff(diffGraphs(base, clone(base))))).toBe('No changes to the graph');
  });
});

describe('sameJson', () => {
  it('compares as data', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, { a: undefined })).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { NodeTypeInfo } from './node-type';
import type { GraphInput } from './schema';
import { validateGraph, type ValidateGraphOptions } from './validate';

const types: NodeTypeInfo[] = [
  {
    id: 't.manual',
    version: 1,
    category: 'source',
    trigger: true,
    inputs: [],
    outputs: [{ name: 'output', type: 'any' }],
    params: z.object({}),
  },
  {
    id: 't.fetch',
    version: 1,
    category: 'source',
    inputs: [],
    outputs: [{ name: 'output', type: 'json' }],
    params: z.object({ url: z.string().min(1), headers: z.record(z.string(), z.string()).default({}) }),
  },
  {
    id: 't.fetch',
    version: 2,
    category: 'source',
    inputs: [],
    outputs: [{ name: 'output', type: 'json' }],
    params: z.object({ url: z.string().min(1), timeoutMs: z.number().int().min(1).default(1000) }),
  },
  {
    id: 't.llm',
    version: 1,
    category: 'llm',
    connectionParams: ['llmConnectionId'],
    inputs: [{ name: 'input', type: 'any', multiple: true }],
    outputs: [{ name: 'output', type: 'json' }],
    params: z.object({
      prompt: z.string().min(1),
      llmConnectionId: z.string().optional(),
      temperature: z.number().min(0).max(2).optional(),
    }),
  },
  {
    id: 't.text',
    version: 1,
    category: 'transform',
    inputs: [{ name: 'input', type: 'any', multiple: true }],
    outputs: [{ name: 'output', type: 'text' }],
    params: z.object({ template: z.string() }),
  },
  {
    id: 't.filter',
    version: 1,
    category: 'transform',
    inputs: [{ name: 'input', type: 'items' }],
    outputs: [{ name: 'output', type: 'items' }],
    params: z.object({ field: z.string().default('') }),
  },
  { id: 't.say', version: 1, category: 'output', inputs: [{ name: 'input', type: 'text' }], outputs: [], params: z.object({}) },
  {
    id: 't.code',
    version: 1,
    category: 'transform',
    literalParams: ['expression'],
    inputs: [{ name: 'input', type: 'any' }],
    outputs: [{ name: 'output', type: 'any' }],
    params: z.object({ expression: z.string(), note: z.string().optional() }),
  },
  {
    id: 't.branch',
    version: 1,
    category: 'transform',
    inputs: [{ name: 'input', type: 'any' }],
    outputs: [
      { name: 'yes', type: 'any' },
      { name: 'no', type: 'any' },
    ],
    params: z.object({}),
  },
  {
    id: 't.answer',
    version: 1,
    category: 'output',
    onePerGraph: true,
    inputs: [{ name: 'input', type: 'any' }],
    outputs: [{ name: 'output', type: 'json' }],
    params: z.object({}),
  },
];

const opts: ValidateGraphOptions = {
  getNodeType: (type, version) => types.find((t) => t.id === type && t.version === version),
  listVersions: (type) => types.filter((t) => t.id === type).map((t) => t.version),
};

type N = GraphInput['nodes'][number];
const node = (id: string, type: string, params: Record<string, unknown> = {}, extra: Partial<N> = {}): N => ({
  id,
  type,
  params,
  position: { x: 0, y: 0 },
  ...extra,
});
const edge = (source: string, target: string, extra: Record<string, unknown> = {}) => ({
  id: `${source}->${target}${extra.targetHandle ? `:${String(extra.targetHandle)}` : ''}`,
  source,
  target,
  ...extra,
});

function codes(graph: unknown, o: Partial<ValidateGraphOptions> = {}) {
  return validateGraph(graph, { ...opts, ...o }).errors.map((e) => e.code);
}

function only(graph: unknown, o: Partial<ValidateGraphOptions> = {}) {
  const res = validateGraph(graph, { ...opts, ...o });
  expect(res.errors).toHaveLength(1);
  return res.errors[0]!;
}

const pipeline = {
  nodes: [
    node('in', 't.manual'),
    node('fetch', 't.fetch', { url: 'https://example.test/{{ input.q }}' }, { label: 'Fetch news' }),
    node('sum', 't.llm', { prompt: 'Summarise {{ nodes.fetch.output.body }} for {{ input.who }}' }),
    node('fmt', 't.text', { template: '{{ nodes.sum.output.text }} / {{ nodes.fetch.output.status }}' }),
  ],
  edges: [edge('in', 'fetch'), edge('fetch', 'sum'), edge('sum', 'fmt')],
};

describe('validateGraph: a valid graph', () => {
  it('passes and returns the parsed graph with defaults', () => {
    // t.manual has no inputs: drop the in→fetch edge to keep the graph valid
    const graph = { ...pipeline, edges: pipeline.edges.slice(1) };
    const res = validateGraph(graph, { ...opts, llm: { botHasConnection: true } });
    expect(res.errors).toEqual([]);
    expect(res.ok).toBe(true);
    expect(res.graph?.nodes[0]?.version).toBe(1);
  });

  it('accepts an empty graph', () => {
    expect(validateGraph({ nodes: [], edges: [] }, opts)).toMatchObject({ ok: true, errors: [] });
  });
});

describe('validateGraph: shape', () => {
  it('reports malformed JSON with the path and the node id', () => {
    const res = validateGraph({ nodes: [{ id: 'a', type: 't.manual', params: {}, position: { x: 'left', y: 0 } }] }, opts);
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([
      {
        code: 'INVALID_GRAPH',
        nodeId: 'a',
        message: 'Invalid graph at nodes[0].position.x: expected number, received string',
        key: 'graph.INVALID_GRAPH.at',
        params: { path: 'nodes[0].position.x', detail: 'expected number, received string' },
      },
    ]);
  });

  it('rejects non-objects and retry settings out of range', () => {
    expect(codes('nope')).toEqual(['INVALID_GRAPH']);
    const err = only({ nodes: [node('a', 't.manual', {}, { settings: { retry: { maxAttempts: 11 } } })], edges: [] });
    expect(err.message).toContain('nodes[0].settings.retry.maxAttempts');
  });
});

describe('validateGraph: structure', () => {
  it('reports duplicate node and edge ids', () => {
    const graph = {
      nodes: [node('a', 't.manual', {}, { label: 'Start' }), node('a', 't.text', { template: 'x' })],
      edges: [
        { id: 'e', source: 'a', target: 'a' },
        { id: 'e', source: 'a', target: 'a', targetHandle: 'input' },
      ],
    };
    const res = validateGraph(graph, opts);
    const dup = res.errors.find((e) => e.code === 'DUPLICATE_NODE_ID')!;
    expect(dup.message).toContain('"Start" (t.manual) and "a" (t.text)');
    expect(res.errors.map((e) => e.code)).toContain('DUPLICATE_EDGE_ID');
  });

  it('names the nodes of a cycle in order', () => {
    const graph = {
      nodes: [
        node('m', 't.manual'),
        node('a', 't.text', { template: 'a' }, { label: 'Draft' }),
        node('b', 't.text', { template: 'b' }, { label: 'Polish' }),
      ],
      edges: [edge('m', 'a'), edge('a', 'b'), edge('b', 'a')],
    };
    const err = only(graph);
    expect(err.code).toBe('CYCLE');
    expect(err.nodeIds).toEqual(['a', 'b']);
    expect(err.message).toBe(
      'These nodes form a cycle: "Draft" (t.text) → "Polish" (t.text) → "Draft" (t.text). Remove one of these connections.',
    );
  });

  it('reports a self-loop as a cycle', () => {
    const err = only({ nodes: [node('a', 't.text', { template: 'a' })], edges: [edge('a', 'a')] });
    expect(err.code).toBe('CYCLE');
  });

  it('reports edges to or from unknown nodes', () => {
    const err = only({ nodes: [node('m', 't.manual')], edges: [edge('m', 'ghost')] });
    expect(err).toMatchObject({ code: 'DANGLING_EDGE', edgeId: 'm->ghost' });
    expect(err.message).toContain('to unknown node "ghost"');
    expect(only({ nodes: [], edges: [edge('x', 'y')] }).message).toContain('from unknown node "x" and to unknown node "y"');
  });

  it('reports unknown handles, listing the real ports', () => {
    const base = [node('m', 't.manual'), node('br', 't.branch'), node('t', 't.text', { template: 'x' })];
    const src = only({ nodes: base, edges: [edge('m', 'br'), edge('br', 't', { sourceHandle: 'maybe' })] });
    expect(src.code).toBe('DANGLING_EDGE');
    expect(src.message).toContain('output "maybe" of "br" (t.branch), which has no such output (outputs: "yes", "no")');
    const tgt = only({ nodes: base, edges: [edge('m', 'br', { targetHandle: 'other' })] });
    expect(tgt.message).toContain('input "other" of "br" (t.branch), which has no such input (inputs: "input")');
    expect(codes({ nodes: base, edges: [edge('m', 'br'), edge('br', 't', { sourceHandle: 'no' })] })).toEqual([]);
  });

  it('rejects an edge into a node that takes no input', () => {
    const err = only({ nodes: [node('m', 't.manual'), node('f', 't.fetch', { url: 'u' })], edges: [edge('m', 'f')] });
    expect(err.code).toBe('INVALID_EDGE');
    expect(err.message).toBe('"f" (t.fetch) takes no input, but Connection "m->f" connects "m" (t.manual) into it.');
  });

  it('rejects an edge out of a node with no output', () => {
    const graph = { nodes: [node('m', 't.manual'), node('s', 't.say'), node('t', 't.text', { template: '' })], edges: [edge('s', 't')] };
    expect(only(graph).code).toBe('INVALID_EDGE');
  });

  it('reports a duplicated connection', () => {
    const graph = {
      nodes: [node('m', 't.manual'), node('t', 't.text', { template: '' })],
      edges: [edge('m', 't'), { ...edge('m', 't'), id: 'again' }],
    };
    expect(only(graph)).toMatchObject({ code: 'DUPLICATE_EDGE', edgeId: 'again' });
  });
});

describe('validateGraph: ports', () => {
  it('rejects a text output into an items input', () => {
    const graph = {
      nodes: [
        node('m', 't.manual'),
        node('t', 't.text', { template: 'x' }, { label: 'Compose' }),
        node('f', 't.filter', {}, { label: 'Keep' }),
      ],
      edges: [edge('m', 't'), edge('t', 'f')],
    };
    const err = only(graph);
    expect(err.code).toBe('INCOMPATIBLE_PORTS');
    expect(err.message).toContain('"Compose" (t.text) outputs text but "Keep" (t.filter) input "input" expects items');
  });

  it('rejects json into a text input but accepts any and json into items', () => {
    const jsonToText = { nodes: [node('f', 't.fetch', { url: 'u' }), node('s', 't.say')], edges: [edge('f', 's')] };
    expect(codes(jsonToText)).toEqual(['INCOMPATIBLE_PORTS']);
    const ok = {
      nodes: [
        node('m', 't.manual'),
        node('f', 't.fetch', { url: 'u' }),
        node('k1', 't.filter'),
        node('k2', 't.filter'),
        node('t', 't.text', { template: '' }),
        node('s', 't.say'),
      ],
      edges: [edge('m', 'k1'), edge('f', 'k2'), edge('t', 's'), edge('k2', 't')],
    };
    expect(codes(ok)).toEqual([]);
  });

  it('rejects several connections into a single input, but not into a multiple one', () => {
    const graph = {
      nodes: [node('a', 't.manual'), node('b', 't.manual'), node('f', 't.filter'), node('t', 't.text', { template: '' })],
      edges: [edge('a', 'f'), edge('b', 'f'), edge('a', 't'), edge('b', 't')],
    };
    const err = only(graph);
    expect(err.code).toBe('MULTIPLE_INPUTS');
    expect(err.message).toContain('"f" (t.filter) input "input" accepts one connection but has 2 (from "a" (t.manual), "b" (t.manual))');
  });
});

describe('validateGraph: node types and params', () => {
  it('reports an unknown type', () => {
    expect(only({ nodes: [node('x', 'source.nope')], edges: [] })).toMatchObject({
      code: 'UNKNOWN_NODE_TYPE',
      nodeId: 'x',
      message: '"x" (source.nope) has an unknown node type "source.nope" (version 1).',
    });
  });

  it('reports an unknown version and lists the available ones', () => {
    const err = only({ nodes: [node('x', 't.fetch', { url: 'u' }, { version: 7, label: 'Fetch' })], edges: [] });
    expect(err.code).toBe('UNKNOWN_NODE_VERSION');
    expect(err.message).toBe('"Fetch" (t.fetch) uses version 7, which does not exist (available: 1, 2).');
    expect(codes({ nodes: [node('x', 't.fetch', { url: 'u' }, { version: 7 })], edges: [] }, { listVersions: undefined })).toEqual([
      'UNKNOWN_NODE_TYPE',
    ]);
  });

  it('validates params against the version used', () => {
    expect(codes({ nodes: [node('x', 't.fetch', { url: 'u', timeoutMs: 5 }, { version: 2 })], edges: [] })).toEqual([]);
    expect(codes({ nodes: [node('x', 't.fetch', { url: 'u', timeoutMs: 0 }, { version: 2 })], edges: [] })).toEqual(['INVALID_PARAM']);
  });

  it('reports a missing param by name', () => {
    const err = only({ nodes: [node('f', 't.fetch', {}, { label: 'Fetch news' })], edges: [] });
    expect(err).toMatchObject({ code: 'MISSING_PARAM', nodeId: 'f', param: 'url' });
    expect(err.message).toBe('"Fetch news" (t.fetch): parameter "url" is required.');
  });

  it('reports invalid params with their path and zod reason', () => {
    const err = only({ nodes: [node('f', 't.fetch', { url: 'u', headers: { 'X Key': 5 } })], edges: [] });
    expect(err).toMatchObject({ code: 'INVALID_PARAM', param: 'headers["X Key"]' });
    expect(err.message).toBe('"f" (t.fetch): parameter "headers["X Key"]": expected string, received number.');
    const range = only({ nodes: [node('l', 't.llm', { prompt: 'p', temperature: 3 })], edges: [] });
    expect(range.message).toBe('"l" (t.llm): parameter "temperature" must be at most 2.');
    expect(range).toMatchObject({ key: 'graph.INVALID_PARAM.max', params: { node: '"l" (t.llm)', param: 'temperature', limit: 2 } });
  });

  it('does not accept templates in number params (only string params are templates)', () => {
    const err = only({
      nodes: [node('m', 't.manual'), node('l', 't.llm', { prompt: 'p', temperature: '{{ input.t }}' })],
      edges: [edge('m', 'l')],
    });
    expect(err).toMatchObject({ code: 'INVALID_PARAM', param: 'temperature' });
    expect(err.message).toContain('expected number, received string');
  });
});

describe('validateGraph: LLM connections', () => {
  const llmGraph = (params: Record<string, unknown>) => ({
    nodes: [node('l', 't.llm', { prompt: 'hi', ...params }, { label: 'Summarise' })],
    edges: [],
  });

  it('requires a connection on the node or the bot', () => {
    const err = only(llmGraph({}), { llm: { botHasConnection: false } });
    expect(err.code).toBe('LLM_CONNECTION_MISSING');
    expect(err.message).toMatch(
      /^"Summarise" \(t\.llm\) has no LLM connection: choose one on the node, or set a default connection for the bot/,
    );
    expect(codes(llmGraph({ llmConnectionId: '  ' }), { llm: { botHasConnection: false } })).toEqual(['LLM_CONNECTION_MISSING']);
    expect(codes(llmGraph({}), { llm: { botHasConnection: true } })).toEqual([]);
    expect(codes(llmGraph({ llmConnectionId: 'c1' }), { llm: { botHasConnection: false } })).toEqual([]);
  });

  it('rejects a node connection that is not usable', () => {
    const usable = (id: string) => id === 'good';
    const err = only(llmGraph({ llmConnectionId: 'gone' }), { llm: { botHasConnection: true, connectionUsable: usable } });
    expect(err).toMatchObject({ code: 'LLM_CONNECTION_UNUSABLE', param: 'llmConnectionId' });
    expect(err.message).toContain('uses LLM connection "gone"');
    expect(codes(llmGraph({ llmConnectionId: 'good' }), { llm: { botHasConnection: false, connectionUsable: usable } })).toEqual([]);
  });

  it('skips the check when no llm options are given', () => {
    expect(codes(llmGraph({}))).toEqual([]);
  });
});

describe('validateGraph: node limit', () => {
  it('rejects more nodes than the limit', () => {
    const graph = { nodes: ['a', 'b', 'c'].map((id) => node(id, 't.manual')), edges: [] };
    expect(only(graph, { maxNodes: 2 })).toEqual({
      code: 'TOO_MANY_NODES',
      message: 'The graph has 3 nodes; the limit is 2. Split it into smaller bots.',
      key: 'graph.TOO_MANY_NODES',
      params: { count: 3, max: 2 },
    });
    expect(codes(graph, { maxNodes: 3 })).toEqual([]);
  });

  it('defaults to 2 000 nodes', () => {
    const many = (n: number) => ({ nodes: Array.from({ length: n }, (_, i) => node(`n${i}`, 't.manual')), edges: [] });
    expect(codes(many(2000))).toEqual([]);
    expect(codes(many(2001))).toEqual(['TOO_MANY_NODES']);
  });
});

describe('validateGraph: one node per graph', () => {
  it('names every node of a type that allows only one', () => {
    const graph = {
      nodes: [node('in', 't.manual'), node('a1', 't.answer', {}, { label: 'Reply' }), node('a2', 't.answer')],
      edges: [edge('in', 'a1'), edge('in', 'a2')],
    };
    expect(only(graph)).toEqual({
      code: 'TOO_MANY_OF_TYPE',
      message:
        'A bot may have only one t.answer node, but this one has 2: "Reply" (t.answer), "a2" (t.answer). Keep one and delete the others.',
      key: 'graph.TOO_MANY_OF_TYPE',
      params: { type: 't.answer', count: 2, nodes: '"Reply" (t.answer), "a2" (t.answer)' },
      nodeId: 'a2',
      nodeIds: ['a1', 'a2'],
    });
    expect(codes({ nodes: graph.nodes.slice(0, 2), edges: graph.edges.slice(0, 1) })).toEqual([]);
    // Other types may repeat.
    expect(codes({ nodes: [node('x', 't.manual'), node('y', 't.manual')], edges: [] })).toEqual([]);
  });
});

describe('validateGraph: expressions', () => {
  it('accepts references to transitive upstream nodes and to input', () => {
    const graph = { ...pipeline, edges: pipeline.edges.slice(1) };
    expect(codes(graph)).toEqual([]);
  });

  it('reports a reference to a node that does not exist', () => {
    const graph = {
      nodes: [node('m', 't.manual'), node('t', 't.text', { template: 'x {{ nodes.fetchh.output.body }}' }, { label: 'Compose' })],
      edges: [edge('m', 't')],
    };
    const err = only(graph);
    expect(err).toMatchObject({ code: 'EXPRESSION_UNKNOWN_NODE', nodeId: 't', param: 'template' });
    expect(err.message).toBe('"Compose" (t.text), parameter "template" refers to nodes.fetchh, but there is no node with id "fetchh".');
  });

  it('reports a reference to a node that is not upstream', () => {
    const graph = {
      nodes: [
        node('m', 't.manual'),
        node('a', 't.text', { template: 'a' }, { label: 'Branch A' }),
        node('b', 't.text', { template: '{{ nodes.a.output }}' }),
      ],
      edges: [edge('m', 'a'), edge('m', 'b')],
    };
    const err = only(graph);
    expect(err.code).toBe('EXPRESSION_NOT_UPSTREAM');
    expect(err.message).toContain('refers to nodes.a, but "Branch A" (t.text) does not run before it');
  });

  it('reports a node referring to itself', () => {
    const err = only({ nodes: [node('t', 't.text', { template: '{{ nodes.t.output }}' })], edges: [] });
    expect(err.code).toBe('EXPRESSION_NOT_UPSTREAM');
    expect(err.message).toContain('refers to its own output');
  });

  it('reports syntax errors with the param path and position', () => {
    const graph = { nodes: [node('f', 't.fetch', { url: 'u', headers: { Authorization: 'Bearer {{ input.token' } })], edges: [] };
    const err = only(graph);
    expect(err).toMatchObject({ code: 'EXPRESSION_SYNTAX', param: 'headers.Authorization' });
    expect(err.message).toContain('"f" (t.fetch), parameter "headers.Authorization": Expression syntax error at character 8');
  });

  it('reports each bad reference once per param', () => {
    const graph = { nodes: [node('t', 't.text', { template: '{{ nodes.x.output.a }} {{ nodes.x.output.b }}' })], edges: [] };
    expect(codes(graph)).toEqual(['EXPRESSION_UNKNOWN_NODE']);
  });

  it('does not scan literal params (e.g. code)', () => {
    const graph = {
      nodes: [node('m', 't.manual'), node('c', 't.code', { expression: '{{ nope', note: '{{ nodes.zz.output }}' })],
      edges: [edge('m', 'c')],
    };
    expect(codes(graph)).toEqual(['EXPRESSION_UNKNOWN_NODE']);
  });

  it('still checks expressions on nodes of unknown type', () => {
    expect(codes({ nodes: [node('x', 'nope', { a: '{{ nodes.y.output }}' })], edges: [] })).toEqual([
      'UNKNOWN_NODE_TYPE',
      'EXPRESSION_UNKNOWN_NODE',
    ]);
  });
});

describe('param issue wording', () => {
  const info: NodeTypeInfo = {
    id: 't.words',
    version: 1,
    category: 'transform',
    inputs: [],
    outputs: [],
    params: z.object({
      url: z.string().refine((s) => s.startsWith('https://'), { message: 'must be an https:// URL' }),
      mode: z.enum(['a', 'b']),
    }),
  };
  const o: ValidateGraphOptions = { getNodeType: () => info };

  it('reads predicate messages on from the param name, keeps zod reasons after a colon', () => {
    const res = validateGraph({ nodes: [node('w', 't.words', { url: 'http://x', mode: 'c' })], edges: [] }, o);
    expect(res.errors.map((e) => e.message)).toEqual([
      '"w" (t.words): parameter "url" must be an https:// URL.',
      '"w" (t.words): parameter "mode": expected one of "a"|"b".',
    ]);
  });
});

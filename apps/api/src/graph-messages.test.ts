import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GRAPH_MESSAGES, validateGraph, type NodeTypeInfo, type ValidateGraphOptions, type ValidationError } from '@bm/graph';
import { LOCALES, messageArguments, resources } from '@bm/i18n';
import { nodeTypeLookup, validateBotGraph } from '@bm/nodes';
import { englishGraphMessages } from './lib/graph-catalogue';
import { errorMessage, hasMessage, type ErrorKey } from './lib/messages';

// @bm/graph writes its issues' English (GRAPH_MESSAGES) and names each one's catalogue key and
// params. These walk bad graphs that together raise every message, and render each issue in every
// language: a missing key, a param the message needs but was not given, or a `{` left in the text
// fails here. The English must come out exactly as @bm/graph wrote it.

const port = (name: string, type: 'any' | 'text' | 'json' | 'items' = 'any') => ({ name, type });
const TYPES: Record<string, NodeTypeInfo> = {
  't.src': { id: 't.src', version: 1, category: 'source', inputs: [], outputs: [port('out', 'text')], params: z.object({}) },
  't.items': {
    id: 't.items',
    version: 1,
    category: 'transform',
    inputs: [port('input', 'items')],
    outputs: [port('out', 'json')],
    params: z.object({}),
  },
  't.start': { id: 't.start', version: 1, category: 'source', trigger: true, inputs: [], outputs: [port('out')], params: z.object({}) },
  't.each': {
    id: 't.each',
    version: 1,
    category: 'flow',
    control: 'loop',
    inputs: [port('input')],
    outputs: [port('item')],
    params: z.object({}),
  },
  't.sink': { id: 't.sink', version: 1, category: 'output', inputs: [port('input')], outputs: [], params: z.object({}) },
  't.llm': {
    id: 't.llm',
    version: 1,
    category: 'llm',
    inputs: [port('input')],
    outputs: [port('out', 'text')],
    connectionParams: ['conn'],
    params: z.object({ conn: z.string().optional(), prompt: z.string().optional() }),
  },
  't.all': {
    id: 't.all',
    version: 1,
    category: 'transform',
    inputs: [port('input')],
    outputs: [port('out')],
    params: z.strictObject({
      req: z.string(),
      s: z.string().min(1).optional(),
      s3: z.string().min(3).max(5).optional(),
      n: z.number().int().min(1).max(10).optional(),
      g: z.number().gt(0).lt(100).optional(),
      a: z.array(z.string()).min(1).max(2).optional(),
      e: z.enum(['x', 'y']).optional(),
      u: z.url().optional(),
      h: z
        .string()
        .refine(() => false, { message: 'must be an http:// or https:// URL', params: { graphKey: 'INVALID_PARAM.httpUrl' } })
        .optional(),
      pred: z
        .string()
        .refine(() => false, { message: 'must be shouted' })
        .optional(),
      other: z
        .string()
        .refine(() => false, { message: 'not today' })
        .optional(),
      obj: z.strictObject({ k: z.string() }).optional(),
    }),
  },
  't.whole': {
    id: 't.whole',
    version: 1,
    category: 'transform',
    inputs: [],
    outputs: [port('out')],
    params: z.object({}).refine(() => false, 'nothing works'),
  },
};
TYPES['t.all.v2'] = { ...TYPES['t.all']!, version: 2 };
const opts: ValidateGraphOptions = {
  getNodeType: (type, version) => (type === 't.all' && version === 2 ? TYPES['t.all.v2'] : version === 1 ? TYPES[type] : undefined),
  listVersions: (type) => (type === 't.all' ? [1, 2] : TYPES[type] ? [1] : []),
  llm: { botHasConnection: false, connectionUsable: (id) => id === 'ok' },
};
const node = (id: string, type: string, params: Record<string, unknown> = {}, extra: object = {}) => ({
  id,
  type,
  version: 1,
  params,
  position: { x: 0, y: 0 },
  ...extra,
});
const edge = (id: string, source: string, target: string, handles: { sourceHandle?: string; targetHandle?: string } = {}) => ({
  id,
  source,
  target,
  ...handles,
});

const BAD_GRAPHS: unknown[] = [
  'not a graph',
  { nodes: [{ id: 'a', type: 't.src', params: {}, position: { x: 'left', y: 0 } }], edges: [] },
  {
    nodes: [
      node('a', 't.src', {}, { label: 'Start' }),
      node('a', 't.sink'),
      node('b', 't.items'),
      node('c', 't.sink'),
      node('x', 'no.such.type'),
      node('v', 't.all', { req: 'r' }, { version: 9 }),
      node('l', 't.llm', { prompt: 'Hi {{ nodes.ghost.output }}' }, { label: '요약' }),
      node('l2', 't.llm', { conn: 'gone', prompt: 'Broken {{ nodes. }}' }),
      node('w', 't.whole'),
      node('p1', 't.all', { s: '', s3: 'ab', n: 1.5, g: 0, a: [], e: 'z', u: 'nope', h: 'x', pred: 'x', other: 'x', extra: 1 }),
      node('p2', 't.all', { req: 5, s3: 'abcdefg', n: 11, g: 100, a: ['1', '2', '3'] }),
      node('p3', 't.all', { req: 'r', n: 0, extra: 1, obj: { k: 'a', zz: 1 } }),
      node('m1', 't.src'),
      node('m2', 't.src'),
      node('j', 't.sink'),
    ],
    edges: [
      edge('e1', 'a', 'b'),
      edge('e1', 'a', 'c'),
      edge('dup', 'a', 'c'),
      edge('ghost1', 'nowhere', 'c'),
      edge('ghost2', 'c', 'nowhere'),
      edge('ghost3', 'nowhere', 'never'),
      edge('from-sink', 'c', 'b'),
      edge('into-src', 'b', 'm1'),
      edge('bad-out', 'm1', 'l', { sourceHandle: 'maybe' }),
      edge('bad-in', 'm1', 'l', { targetHandle: 'other' }),
      edge('j1', 'm1', 'j'),
      edge('j2', 'm2', 'j'),
      edge('loop1', 'l', 'l2'),
      edge('loop2', 'l2', 'l'),
    ],
  },
  // References need an acyclic graph (in a cycle every node runs before every other).
  {
    nodes: [node('m', 't.src'), node('t', 't.llm', { prompt: '{{ nodes.t.output }} {{ nodes.z.output }}' }), node('z', 't.sink')],
    edges: [edge('m-t', 'm', 't')],
  },
];
// Nodes that may not be disabled (a trigger, a loop).
BAD_GRAPHS.push({
  nodes: [node('go', 't.start', {}, { disabled: true }), node('each', 't.each', {}, { disabled: true })],
  edges: [edge('go-each', 'go', 'each')],
});
const TOO_BIG = { nodes: [node('a', 't.src'), node('b', 't.src')], edges: [] };

async function allIssues(): Promise<ValidationError[]> {
  const issues = BAD_GRAPHS.flatMap((g) => validateGraph(g, opts).errors);
  issues.push(...validateGraph(TOO_BIG, { ...opts, maxNodes: 1 }).errors);
  // Counts past a thousand print the same in the message and the catalogue (no separator either way).
  const many = { nodes: Array.from({ length: 1001 }, (_, i) => node(`n${i}`, 't.src')), edges: [] };
  issues.push(...validateGraph(many, { ...opts, maxNodes: 1000 }).errors);
  // The bot-level checks of nodes/: a missing secret, and the bot's default connection unusable.
  // …and a colleague's personal connection, as the bot's default and on a node.
  const graph = {
    nodes: [
      node('c', 'llm.chat', { prompt: 'Use {{ secrets.NOPE }}' }),
      node('d', 'llm.chat', { prompt: 'x', llmConnectionId: 'their-conn' }),
    ],
    edges: [],
  } as never;
  for (const conn of [{ name: 'Old', isActive: false, ownerUserId: 'u' }, null, { name: 'Theirs', isActive: true, ownerUserId: 'them' }]) {
    const result = await validateBotGraph(graph, {
      repos: {
        connections: { get: async () => (conn ? { ...conn, workspaceId: 'w', shared: false } : null) },
        users: { findById: async () => ({ name: 'Kim', email: 'kim@example.com' }) },
        secrets: { list: async () => [] },
      },
      userId: 'u',
      workspaceId: 'w',
      botConnectionId: 'bot-conn',
    });
    issues.push(...result.errors);
  }
  // output.respond's header and status rules (its definition's refinements) and one Respond node per bot.
  const respond = (id: string, params: Record<string, unknown>) => node(id, 'output.respond', params);
  const answers = [
    respond('r1', { status: 101 }),
    respond('r2', { status: 204, body: 'hi' }),
    respond('r3', { headers: { 'Set-Cookie': 'a=b' } }),
    respond('r4', { headers: { 'Bad Name': 'x' } }),
    respond('r5', { headers: { 'X-A': 'a\nb' } }),
    respond('r6', { headers: 'no expression' }),
  ];
  issues.push(...validateGraph({ nodes: answers, edges: [] }, nodeTypeLookup).errors);
  // Control flow: error outputs that are off, and each way a loop can be wrong.
  const e = (source: string, target: string, sourceHandle?: string) => ({ id: `${source}>${target}`, source, target, sourceHandle });
  const flow = {
    nodes: [
      node('a', 'transform.template', { template: 'x' }),
      node('b', 'transform.template', { template: 'x' }),
      node('l1', 'flow.loop'),
      node('l1b', 'transform.template', { template: 'x' }),
      node('l2', 'flow.loop'),
      node('l2b', 'transform.template', { template: 'x' }),
      node('c2', 'flow.collect'),
      node('c3', 'flow.collect'),
      node('l3', 'flow.loop'),
      node('l3b', 'transform.template', { template: 'x' }),
      node('c4', 'flow.collect'),
      node('after', 'transform.template', { template: 'x' }),
      node('stray', 'flow.collect'),
      node('l4', 'flow.loop'),
      node('c5', 'flow.collect'),
      node('l5', 'flow.loop'),
      node('inner', 'flow.loop'),
      node('c6', 'flow.collect'),
    ],
    edges: [
      e('a', 'b', 'error'),
      e('l1', 'l1b', 'item'),
      e('l2', 'l2b', 'item'),
      e('l2b', 'c2'),
      e('l2b', 'c3'),
      e('l3', 'l3b', 'item'),
      e('l3b', 'c4'),
      e('c4', 'after'),
      e('l3b', 'after'),
      e('l4', 'c5', 'item'),
      e('a', 'c5'),
      e('l5', 'inner', 'item'),
      e('inner', 'c6', 'item'),
    ],
  };
  issues.push(...validateGraph(flow, nodeTypeLookup).errors);
  // Sub-bots: one of another workspace, and one that leads back to the bot being saved.
  const others: Record<string, { id: string; workspaceId: string; name: string; graph: unknown }> = {
    far: { id: 'far', workspaceId: 'elsewhere', name: 'Far', graph: { nodes: [] } },
    back: { id: 'back', workspaceId: 'w', name: 'Back', graph: { nodes: [node('s', 'flow.subbot', { botId: 'me' })] } },
  };
  const subbots = await validateBotGraph(
    { nodes: [node('s1', 'flow.subbot', { botId: 'far' }), node('s2', 'flow.subbot', { botId: 'back' })], edges: [] } as never,
    {
      repos: {
        connections: { get: async () => null },
        users: { findById: async () => null },
        secrets: { list: async () => [] },
        bots: { get: async (id: string) => others[id] ?? null },
      },
      userId: 'u',
      workspaceId: 'w',
      botConnectionId: null,
      botId: 'me',
    },
  );
  issues.push(...subbots.errors);
  return issues;
}

describe('graph validation messages in the catalogue', () => {
  it('has the English of @bm/graph under errors:graph.* (the generated part is current)', () => {
    // Stale? Run `pnpm --filter @bm/api run i18n:nodes`, then translate the changed keys in ko/errors.json.
    expect(resources.en.errors.graph).toEqual(englishGraphMessages());
  });

  it('raises every message from the bad graphs, each with a key of the catalogue', async () => {
    const issues = await allIssues();
    const raised = new Set(issues.map((i) => i.key));
    expect(Object.keys(GRAPH_MESSAGES).filter((k) => !raised.has(`graph.${k}` as never))).toEqual([]);
    expect(issues.filter((i) => !hasMessage('errors', i.key)).map((i) => i.key)).toEqual([]);
  });

  it.each(LOCALES)('renders every issue in %s with all its params and no leftover braces', async (locale) => {
    const problems: string[] = [];
    for (const issue of await allIssues()) {
      const text = errorMessage(locale, issue.key as ErrorKey, issue.params);
      const source = issue.key.split('.').reduce<unknown>((t, k) => (t as Record<string, unknown>)[k], resources[locale].errors) as string;
      const missing = [...messageArguments(source)].filter((a) => !(a in issue.params));
      if (missing.length) problems.push(`${issue.key}: no ${missing.join(', ')}`);
      // What remains once the values are taken out is the catalogue's own text: no `{` or `}` there.
      const own = Object.values(issue.params)
        .map(String)
        .sort((a, b) => b.length - a.length)
        .reduce<string>((t, v) => t.split(String(v)).join(''), text);
      if (/[{}]/.test(own)) problems.push(`${issue.key}: ${text}`);
      if (locale === 'en' && text !== issue.message) problems.push(`${issue.key}: "${text}" ≠ "${issue.message}"`);
      if (locale === 'ko' && !/[가-힣]/.test(text)) problems.push(`${issue.key}: not Korean: ${text}`);
    }
    expect(problems).toEqual([]);
  });

  it('says a cycle naturally in Korean', async () => {
    const cycle = (await allIssues()).find((i) => i.code === 'CYCLE')!;
    expect(errorMessage('ko', cycle.key as ErrorKey, cycle.params)).toBe(
      '이 노드들이 순환을 이뤄요: "요약" (t.llm) → "l2" (t.llm) → "요약" (t.llm). 이 연결 중 하나를 지워 주세요.',
    );
  });
});

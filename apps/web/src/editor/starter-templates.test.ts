import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode, NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { t } from '../i18n/i18n';
import { STARTER_TEMPLATES, starterGraph } from './starter-graph';
import { testCatalogue, testNodeType } from './store/testing';

/** The node type ids of nodes/registry.ts (what GET /api/node-types serves). */
const KNOWN_TYPES = new Set([
  'source.manual',
  'source.http',
  'source.rss',
  'source.webpage',
  'llm.chat',
  'transform.template',
  'transform.jsonata',
  'transform.filter',
  'transform.split',
  'transform.merge',
  'output.results',
  'output.webhook',
  'output.slack',
  'output.email',
]);

/** Required params (nodes/<category>/<name>/definition.ts), and which of them are URLs. */
const REQUIRED: Record<string, { params: string[]; urls?: string[] }> = {
  'source.rss': { params: ['url'], urls: ['url'] },
  'source.webpage': { params: ['url'], urls: ['url'] },
  'llm.chat': { params: ['purpose', 'prompt'] },
  'output.results': { params: ['content'] },
  'output.slack': { params: ['webhookUrl', 'text'], urls: ['webhookUrl'] },
};

const extra: NodeTypeDef[] = [
  testNodeType({
    id: 'source.rss',
    version: 1,
    category: 'source',
    title: 'RSS feed',
    description: 'Read a feed',
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [{ name: 'out', type: 'items' }],
    paramsSchema: {
      type: 'object',
      properties: { url: { type: 'string' }, limit: { type: 'integer', default: 20 }, onlyNew: { type: 'boolean', default: false } },
      required: ['url'],
    },
  }),
  testNodeType({
    id: 'source.webpage',
    version: 1,
    category: 'source',
    title: 'Web page',
    description: 'Read a page',
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [{ name: 'out', type: 'json' }],
    paramsSchema: {
      type: 'object',
      properties: { url: { type: 'string' }, maxChars: { type: 'integer', default: 100_000 } },
      required: ['url'],
    },
  }),
  testNodeType({
    id: 'output.slack',
    version: 1,
    category: 'output',
    title: 'Slack',
    description: 'Post to Slack',
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [{ name: 'out', type: 'json' }],
    paramsSchema: {
      type: 'object',
      properties: { webhookUrl: { type: 'string' }, text: { type: 'string' } },
      required: ['webhookUrl', 'text'],
    },
    secretParams: ['webhookUrl'],
  }),
];

const catalogue: Record<string, NodeTypeDef> = Object.fromEntries(
  [...testCatalogue.map((d) => (d.id === 'llm.chat' ? { ...d, version: 1 } : d)), ...extra].map((d) => [d.id, d]),
);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The node ids `{{ nodes.<id>… }}` expressions in a node's params refer to. */
function referencedNodeIds(node: GraphNode): string[] {
  return strings(node.params).flatMap((s) =>
    [...s.matchAll(/\{\{([^}]*)\}\}/g)].flatMap((m) => [...m[1]!.matchAll(/\bnodes\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((r) => r[1]!)),
  );
}

function upstreamOf(graph: Graph, id: string): Set<string> {
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const current = queue.shift()!;
    for (const e of graph.edges) {
      if (e.target === current && !seen.has(e.source)) {
        seen.add(e.source);
        queue.push(e.source);
      }
    }
  }
  return seen;
}

function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

describe('STARTER_TEMPLATES', () => {
  it('offers the four starting points, the blank starter first', () => {
    expect(STARTER_TEMPLATES.map((x) => t(x.titleKey))).toEqual([
      'Blank: input → LLM → results inbox',
      'RSS digest',
      'Summarise a web page',
      'Webhook to Slack',
    ]);
    expect(STARTER_TEMPLATES[0]!.build).toBe(starterGraph);
    expect(new Set(STARTER_TEMPLATES.map((t) => t.id)).size).toBe(STARTER_TEMPLATES.length);
    for (const x of STARTER_TEMPLATES) expect(t(x.descriptionKey).length).toBeGreaterThan(0);
  });

  describe.each(STARTER_TEMPLATES.map((x) => [t(x.titleKey), x] as const))('%s', (_title, template) => {
    for (const [name, cat] of [
      ['with the catalogue', catalogue],
      ['without a catalogue', {}],
    ] as const) {
      it(`builds a valid graph ${name}`, () => {
        const g = template.build(cat);
        const ids = new Set(g.nodes.map((n) => n.id));
        expect(ids.size).toBe(g.nodes.length);
        for (const n of g.nodes) {
          expect(KNOWN_TYPES.has(n.type), n.type).toBe(true);
          expect(n.version).toBe(1);
          expect(n.id).toMatch(/^\p{L}[\p{L}\p{N}_]*$/u);
          for (const p of REQUIRED[n.type]?.params ?? []) expect(strings(n.params[p]).join('').trim(), `${n.type}.${p}`).not.toBe('');
          for (const p of REQUIRED[n.type]?.urls ?? []) {
            const url = n.params[p] as string;
            expect(url.includes('{{') || isHttpUrl(url), `${n.type}.${p} = ${url}`).toBe(true);
          }
        }
        // Left to right, one column per step.
        const xs = g.nodes.map((n) => n.position.x);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
        expect(new Set(xs).size).toBe(xs.length);

        expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
        for (const e of g.edges) {
          expect(ids.has(e.source), e.source).toBe(true);
          expect(ids.has(e.target), e.target).toBe(true);
          if (name === 'with the catalogue') expect(e).toMatchObject({ sourceHandle: 'out', targetHandle: 'in' });
        }
        // A chain: every node but the first has exactly one incoming edge.
        expect(g.edges).toHaveLength(g.nodes.length - 1);

        for (const n of g.nodes) {
          const upstream = upstreamOf(g, n.id);
          for (const ref of referencedNodeIds(n)) {
            expect(ids.has(ref), `${n.id} refers to ${ref}`).toBe(true);
            expect(upstream.has(ref), `${ref} runs before ${n.id}`).toBe(true);
          }
        }
        // Every template has an LLM step, which is why the dialog asks for a connection.
        expect(g.nodes.some((n) => n.type === 'llm.chat')).toBe(true);
      });
    }
  });

  it('fills each template with its own params', () => {
    const [, rss, page, slack] = STARTER_TEMPLATES.map((t) => t.build(catalogue));

    const [feed, digest, inbox] = rss!.nodes;
    expect(rss!.nodes.map((n) => n.type)).toEqual(['source.rss', 'llm.chat', 'output.results']);
    expect(feed!.params).toMatchObject({ url: 'https://example.com/feed.xml', limit: 10, onlyNew: true });
    expect(digest!.params.purpose).toBe('report');
    expect(digest!.params.prompt).toContain(`{{ nodes.${feed!.id}.output.items }}`);
    expect(inbox!.params).toEqual({ title: 'Digest', content: `{{ nodes.${digest!.id}.output.text }}` });

    const [input, webpage, summary, results] = page!.nodes;
    expect(page!.nodes.map((n) => n.type)).toEqual(['source.manual', 'source.webpage', 'llm.chat', 'output.results']);
    expect(input!.params.sample).toEqual({ url: 'https://example.com/article' });
    expect(webpage!.params.url).toBe('{{ input.url }}');
    expect(summary!.params.purpose).toBe('analyze');
    expect(summary!.params.prompt).toContain(`{{ nodes.${webpage!.id}.output.text }}`);
    expect(results!.params.content).toBe(`{{ nodes.${summary!.id}.output.text }}`);

    const [payload, draft, post] = slack!.nodes;
    expect(slack!.nodes.map((n) => n.type)).toEqual(['source.manual', 'llm.chat', 'output.slack']);
    expect(payload!.label).toBe('Webhook payload');
    expect(draft!.params.purpose).toBe('draft');
    expect(draft!.params.prompt).toContain('{{ input }}');
    expect(post!.params).toMatchObject({ webhookUrl: 'https://hooks.slack.com/services/…', text: `{{ nodes.${draft!.id}.output.text }}` });
  });

  it('names nodes after their titles (readable in expressions), unique within each graph', () => {
    for (const t of STARTER_TEMPLATES) {
      const ids = t.build(catalogue).nodes.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(STARTER_TEMPLATES[0].build(catalogue).nodes.map((n) => n.id)).toEqual(['manual_input', 'llm_chat', 'results_inbox']);
  });
});

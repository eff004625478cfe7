import { describe, expect, it } from 'vitest';
import { Graph } from '@bm/contract';
import { resources } from '@bm/i18n';
import { validateGraph } from '@bm/graph';
import { getNodeDefinition, nodeTypeLookup } from '@bm/nodes';
import { englishTemplateTexts, galleryText } from '../lib/template-texts';
import { GALLERY, GALLERY_CATEGORIES, galleryContent, galleryHash } from './index';

// The gallery's own facts; gallery.int.test.ts (apps/server) runs every template against the fake providers.
describe('the built-in gallery', () => {
  it('has at least ten templates with unique keys, a known category and a sample input', () => {
    expect(GALLERY.length).toBeGreaterThanOrEqual(10);
    expect(new Set(GALLERY.map((t) => t.key)).size).toBe(GALLERY.length);
    for (const t of GALLERY) {
      expect(GALLERY_CATEGORIES, t.key).toContain(t.category);
      expect(Object.keys(t.sampleInput).length, t.key).toBeGreaterThan(0);
    }
  });

  it('gives every template a graph that validates (connections aside: they are slots) and names no connection', () => {
    for (const t of GALLERY) {
      const result = validateGraph(t.graph, nodeTypeLookup);
      expect([t.key, result.errors]).toEqual([t.key, []]);
      expect(JSON.stringify(t.graph), t.key).not.toMatch(/llmConnectionId|conn_/);
    }
  });

  it('binds every LLM node through a slot: the bot default, or a slot naming it', () => {
    for (const t of GALLERY) {
      const c = galleryContent(t);
      const slots = c.slots as unknown as { nodes: string[]; botDefault: boolean }[];
      const llmNodes = Graph.parse(t.graph).nodes.filter((n) => getNodeDefinition(n.type, n.version)?.connectionParams.length);
      const bound = (id: string) => slots.some((s) => s.botDefault || s.nodes.includes(id));
      expect([t.key, llmNodes.filter((n) => !bound(n.id)).map((n) => n.id)]).toEqual([t.key, []]);
      expect(c.nodesUsed[0], t.key).toBe('source.manual');
    }
  });

  it('derives the secret slots from the graph (the RSS digest posts to Slack with a secret)', () => {
    const digest = galleryContent(GALLERY.find((t) => t.key === 'rss-digest')!);
    expect(digest.secretSlots).toEqual(['SLACK_WEBHOOK_URL']);
    expect(digest.nodesUsed).toEqual(['source.manual', 'source.rss', 'llm.chat', 'output.results', 'output.slack']);
  });

  it('has templates that branch, wait for a person and loop, wired to the ports those nodes have', () => {
    const uses = (key: string) => galleryContent(GALLERY.find((t) => t.key === key)!).nodesUsed;
    expect(uses('support-routing')).toContain('flow.switch');
    expect(uses('reply-after-approval')).toContain('flow.approval');
    expect(uses('feed-item-summaries')).toEqual(expect.arrayContaining(['flow.loop', 'flow.collect']));
    // Every edge out of a routing node names the port it leaves from: an unnamed one would take the first.
    for (const t of GALLERY) {
      const graph = Graph.parse(t.graph);
      for (const e of graph.edges) {
        const source = graph.nodes.find((n) => n.id === e.source)!;
        const def = getNodeDefinition(source.type, source.version);
        if (def?.routes) expect(e.sourceHandle, `${t.key}: ${e.id}`).toBeTruthy();
      }
    }
    const routing = GALLERY.find((t) => t.key === 'support-routing')!;
    expect(Graph.parse(routing.graph).edges.map((e) => [e.target, e.sourceHandle])).toEqual(
      expect.arrayContaining([
        ['billing', 'billing'],
        ['bugs', 'bug'],
        ['other', 'default'],
      ]),
    );
    expect(galleryContent(routing).secretSlots).toEqual(['SLACK_WEBHOOK_URL']);
  });

  it('refuses a gallery graph whose switch edge names a case it does not have (the validation the test above relies on)', () => {
    const routing = GALLERY.find((t) => t.key === 'support-routing')!;
    const graph = Graph.parse(routing.graph);
    const broken = { ...graph, edges: graph.edges.map((e) => (e.sourceHandle === 'bug' ? { ...e, sourceHandle: 'bugs' } : e)) };
    expect(validateGraph(broken, nodeTypeLookup).errors.map((e) => e.code)).toContain('DANGLING_EDGE');
  });

  it('fingerprints the definition: the same content, the same hash; a change, another', () => {
    const c = galleryContent(GALLERY[0]!);
    expect(galleryHash(c)).toBe(galleryHash(galleryContent(GALLERY[0]!)));
    expect(galleryHash({ ...c, description: `${c.description}!` })).not.toBe(galleryHash(c));
  });

  it('has the English catalogue generated from the definitions, and every text in Korean', () => {
    // Stale: run `pnpm --filter @bm/api run i18n:nodes`, then translate in ko/templates.json.
    expect(resources.en.templates).toEqual(englishTemplateTexts());
    for (const t of GALLERY) {
      expect(galleryText('en', t.key, 'name')).toBe(t.name);
      expect(galleryText('en', t.key, 'description')).toBe(t.description);
      expect(galleryText('ko', t.key, 'name'), t.key).not.toBe(t.name);
      expect(galleryText('ko', t.key, 'description'), t.key).not.toBe(t.description);
    }
  });
});

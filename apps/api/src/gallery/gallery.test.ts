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

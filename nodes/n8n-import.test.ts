// The n8n converter (packages/n8n-import) is pure and knows no node definitions; here its output
// for every real n8n export in its fixtures is checked against the registry, as the import route does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertN8nWorkflow } from '@bm/n8n-import';
import { secretReferences, validateGraph } from '@bm/graph';
import { describe, expect, it } from 'vitest';
import { nodeTypeLookup } from './registry';

const dir = join(import.meta.dirname, '../packages/n8n-import/fixtures');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('n8n workflows converted to bots', () => {
  it('has the real n8n exports to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtures)('%s converts to a graph our validator accepts', (file) => {
    const { document, slots } = convertN8nWorkflow(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const graph = document.bot.graph;
    const result = validateGraph(graph, { ...nodeTypeLookup, llm: { botHasConnection: true } });
    expect(result.errors).toEqual([]);
    expect(graph.nodes.length).toBeGreaterThan(1);
    // Every LLM node gets its connection from exactly one slot; every secret reference is a declared slot.
    const llmNodes = graph.nodes.filter((n) => n.type === 'llm.chat').map((n) => n.id);
    expect(slots.flatMap((s) => s.nodes).sort()).toEqual([...llmNodes].sort());
    const referenced = new Set(graph.nodes.flatMap((n) => [...secretReferences(n.params)]));
    expect([...referenced].sort()).toEqual(document.bot.secretSlots);
  });
});

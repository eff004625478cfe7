// A bot run end to end, the way the workflow interpreter drives it: validate the graph, order it,
// collect each node's inputs, execute. Real feed over loopback, in-test LLM.
import { collectNodeInputs, executionLevels, validateGraph } from '@bm/graph';
import { startRssFixture, type RssFixture } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNodeDefinition, nodeTypeLookup } from './registry';
import { executeNode } from './runtime';
import { testContext } from './testing/context';

let feed: RssFixture;
beforeAll(async () => {
  feed = await startRssFixture([{ title: 'Rust 2.0 released' }, { title: 'Gardening tips' }, { title: 'New Rust compiler' }]);
});
afterAll(() => feed.close());

const at = { x: 0, y: 0 };

describe('a bot graph run through the node library', () => {
  it('rss → filter → llm → template → results', async () => {
    const graph = {
      nodes: [
        { id: 'start', type: 'source.manual', params: {}, position: at },
        { id: 'rss', type: 'source.rss', params: { url: '{{ input.feedUrl }}', limit: 10 }, position: at },
        {
          id: 'keep',
          type: 'transform.filter',
          params: { field: 'title', operator: 'contains', value: '{{ input.topic }}' },
          position: at,
        },
        { id: 'sum', type: 'llm.chat', params: { purpose: 'report', prompt: 'Summarise: {{ nodes.keep.output.items }}' }, position: at },
        {
          id: 'fmt',
          type: 'transform.template',
          params: { template: '{{ nodes.keep.output.items.length }} stories: {{ nodes.sum.output.text }}' },
          position: at,
        },
        {
          id: 'save',
          type: 'output.results',
          params: { title: 'Digest: {{ input.topic }}', content: '{{ nodes.fmt.output }}' },
          position: at,
        },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'rss' },
        { id: 'e2', source: 'rss', target: 'keep' },
        { id: 'e3', source: 'keep', target: 'sum' },
        { id: 'e4', source: 'sum', target: 'fmt' },
        { id: 'e5', source: 'fmt', target: 'save' },
      ],
    };
    const checked = validateGraph(graph, { ...nodeTypeLookup, llm: { botHasConnection: true } });
    expect(checked.errors).toEqual([]);

    const input = { feedUrl: feed.rssUrl, topic: 'rust' };
    const ctx = await testContext({
      allow: [feed.host],
      input,
      llm: async (req) => ({
        text: `LLM saw ${req.prompt.match(/"title"/g)?.length ?? 0} titles`,
        model: 'm',
        usage: { inputTokens: 10, outputTokens: 3 },
      }),
    });
    const outputs: Record<string, { output: unknown }> = {};
    for (const level of executionLevels(checked.graph!)) {
      await Promise.all(
        level.map(async (id) => {
          const node = checked.graph!.nodes.find((n) => n.id === id)!;
          const def = getNodeDefinition(node.type, node.version)!;
          const inputs = collectNodeInputs(checked.graph!, id, outputs);
          const { output } = await executeNode(def, node.params, { input, nodes: { ...outputs } }, { ...ctx, nodeId: id }, inputs);
          outputs[id] = { output };
        }),
      );
    }

    expect((outputs.keep!.output as { items: { title: string }[] }).items.map((i) => i.title)).toEqual([
      'New Rust compiler',
      'Rust 2.0 released',
    ]);
    expect(ctx.llmCalls[0]!.purpose).toBe('report');
    expect(outputs.fmt!.output).toBe('2 stories: LLM saw 2 titles');
    expect(ctx.saved).toEqual([{ title: 'Digest: rust', content: '2 stories: LLM saw 2 titles' }]);
    expect(outputs.save!.output).toEqual({ resultId: 'result-1' });
  });
});

// The n8n converter (packages/n8n-import) is pure and knows no node definitions; here its output
// for every real n8n export in its fixtures is checked against the registry, as the import route does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertN8nWorkflow } from '@bm/n8n-import';
import { collectNodeInputs, executionLevels, secretReferences, validateGraph } from '@bm/graph';
import { startHttpFixture } from '@bm/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { getNodeDefinition, nodeTypeLookup } from './registry';
import { executeNode } from './runtime';
import { testContext } from './testing/context';

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

describe('a converted n8n workflow runs', () => {
  it('HTTP Request v1 → Set v1 → OpenAI v1 → Send Email: the request, the JSONata fields, the prompt and the mail', async () => {
    const api = await startHttpFixture({ 'GET /v1/forecast': { json: { current: { temperature_2m: 21.5, wind_speed_10m: 12 } } } });
    try {
      const { document } = convertN8nWorkflow(JSON.parse(readFileSync(join(dir, '03-http-v1-set-v1-openai-v1.json'), 'utf8')));
      // The only change: the weather API lives on loopback in this test.
      const graph = structuredClone(document.bot.graph);
      const http = graph.nodes.find((n) => n.id === 'get_weather')!;
      http.params.url = String(http.params.url).replace('https://api.open-meteo.com', api.url);
      const checked = validateGraph(graph, { ...nodeTypeLookup, llm: { botHasConnection: true } });
      expect(checked.errors).toEqual([]);

      const ctx = await testContext({
        allow: [api.host],
        llm: async (req) => ({ text: `report for: ${req.prompt}`, model: 'm', usage: { inputTokens: 1, outputTokens: 1 } }),
      });
      const secrets = { GET_WEATHER_X_API_KEY: 'key-from-the-workspace' };
      const outputs: Record<string, { output: unknown }> = {};
      for (const level of executionLevels(checked.graph!)) {
        for (const id of level) {
          const node = checked.graph!.nodes.find((n) => n.id === id)!;
          const def = getNodeDefinition(node.type, node.version)!;
          const inputs = collectNodeInputs(checked.graph!, id, outputs);
          const scope = { input: null, nodes: { ...outputs }, secrets };
          outputs[id] = { output: (await executeNode(def, node.params, scope, { ...ctx, nodeId: id }, inputs)).output };
        }
      }

      expect(api.requests[0]).toMatchObject({
        query: { latitude: '52.52', longitude: '13.41', current: 'temperature_2m,wind_speed_10m' },
        headers: { 'x-api-key': 'key-from-the-workspace' },
      });
      expect(outputs.pick_fields!.output).toEqual({ wind: '12 km/h', city: 'Berlin', temperature: 21.5 });
      expect(ctx.llmCalls[0]).toMatchObject({
        system: 'You are a weather presenter.',
        prompt: "Write a one-line report for Berlin: 21.5 °C, wind 12 km/h. Today is {{ $now.toFormat('cccc') }}.",
        maxTokens: 120,
      });
      expect(ctx.sentEmails).toEqual([
        expect.objectContaining({
          to: ['team@example.com', 'boss@example.com'],
          subject: 'Weather',
          text: `report for: ${ctx.llmCalls[0]!.prompt}`,
        }),
      ]);
    } finally {
      await api.close();
    }
  });

  it('IF and Switch conditions converted from n8n route as n8n would: the condition editor and the JSONata ones', async () => {
    const ctx = await testContext({});
    /** Runs one converted routing node with `input` as the output of the node before it; the ports it took. */
    const route = async (file: string, id: string, before: string, input: unknown, runInput: unknown = null) => {
      const { document } = convertN8nWorkflow(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      const graph = document.bot.graph;
      const node = graph.nodes.find((n) => n.id === id)!;
      const def = getNodeDefinition(node.type, node.version)!;
      const outputs = { [before]: { output: input } };
      const inputs = collectNodeInputs(graph, id, outputs);
      const scope = { input: runInput, nodes: outputs, secrets: {} };
      const result = await executeNode(def, node.params, scope, { ...ctx, nodeId: id, input: runInput }, inputs);
      return result.ports;
    };
    // IF v2 on the full response's statusCode (our status), number equals.
    expect(await route('04-http-v3-if-branches.json', 'created', 'create_ticket', { status: 201, body: {} })).toEqual(['true']);
    expect(await route('04-http-v3-if-branches.json', 'created', 'create_ticket', { status: 500, body: {} })).toEqual(['false']);
    // IF v1: the webhook text's JavaScript length larger than 20, on the run input.
    const long = { text: 'a comment that is long enough' };
    expect(await route('10-old-if-gemini-model.json', 'long_enough', 'log_comment', {}, long)).toEqual(['true']);
    expect(await route('10-old-if-gemini-model.json', 'long_enough', 'log_comment', {}, { text: 'short' })).toEqual(['false']);
    // IF v2.2: number gt or array contains.
    const late = (item: unknown) => route('12-loop-if-v2-switch-v1-wait-until.json', 'late', 'loop_over_items', item);
    expect(await late({ daysOpen: 9, tags: [] })).toEqual(['true']);
    expect(await late({ daysOpen: 2, tags: ['vip'] })).toEqual(['true']);
    expect(await late({ daysOpen: 2, tags: ['new'] })).toEqual(['false']);
    // Switch v1: eu or uk → output 0, startsWith us → output 1, else the fallback → default.
    const region = (r: string) =>
      route('12-loop-if-v2-switch-v1-wait-until.json', 'by_region', 'orders', { status: 200, body: { region: r } });
    expect([await region('uk'), await region('us-east'), await region('jp')]).toEqual([['output 0'], ['output 1'], ['default']]);
    // Switch v3: case-insensitive equals, or a contains in the summary.
    const topic = (json: unknown) => route('11-switch-v3-wait-subworkflow-respond.json', 'route_by_topic', 'classify', { text: '', json });
    expect(await topic({ category: 'BILLING', summary: '' })).toEqual(['Billing']);
    expect(await topic({ category: 'other', summary: 'App CRASHES on start' })).toEqual(['Bug crash']);
    expect(await topic({ category: 'other', summary: 'a question' })).toEqual(['default']);
  });
});

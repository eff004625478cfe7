import { validateGraph } from '@bm/graph';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeNodeTypes } from './describe';
import { getNodeDefinition, getNodeTypeInfo, listNodeDefinitions, listNodeVersions, nodeTypeLookup, toNodeTypeInfo } from './registry';

const IDS = [
  'flow.approval',
  'flow.collect',
  'flow.if',
  'flow.loop',
  'flow.subbot',
  'flow.switch',
  'flow.wait',
  'llm.chat',
  'output.email',
  'output.respond',
  'output.results',
  'output.slack',
  'output.webhook',
  'source.http',
  'source.manual',
  'source.rss',
  'source.webpage',
  'transform.filter',
  'transform.jsonata',
  'transform.merge',
  'transform.split',
  'transform.template',
];

describe('registry', () => {
  it('has exactly the node types fixed by API.md', () => {
    expect([...new Set(listNodeDefinitions().map((d) => d.id))]).toEqual(IDS);
  });

  it('finds definitions by type and version, latest by default', () => {
    expect(getNodeDefinition('llm.chat')?.id).toBe('llm.chat');
    expect(getNodeDefinition('llm.chat', 1)?.version).toBe(1);
    expect(getNodeDefinition('llm.chat', 2)).toBeUndefined();
    expect(getNodeDefinition('nope')).toBeUndefined();
    expect(listNodeVersions('source.rss')).toEqual([1]);
    expect(listNodeVersions('transform.split')).toEqual([1, 2]);
    expect(getNodeDefinition('transform.split')?.version).toBe(2);
    expect(listNodeVersions('nope')).toEqual([]);
  });

  it('puts every type in the category named by its id', () => {
    for (const def of listNodeDefinitions()) expect(def.id.split('.')[0]).toBe(def.category);
  });

  it('describes every param (the editor form shows the descriptions)', () => {
    for (const def of listNodeDefinitions()) {
      const schema = describeNodeTypes().find((d) => d.id === def.id && d.version === def.version)!.paramsSchema as {
        properties: Record<string, { description?: string }>;
      };
      for (const [name, prop] of Object.entries(schema.properties)) {
        expect(prop.description, `${def.id}.${name}`).toMatch(/\S/);
      }
    }
  });

  it('uses the editor port names (in/out; flow nodes name their ways) and marks only llm.chat as using an LLM', () => {
    for (const def of listNodeDefinitions()) {
      for (const p of def.inputs) expect(p.name).toBe('in');
      if (def.category !== 'flow') for (const p of def.outputs) expect(p.name).toBe('out');
    }
    const outputs = (id: string) => getNodeDefinition(id)!.outputs.map((p) => p.name);
    expect(outputs('flow.if')).toEqual(['true', 'false']);
    expect(outputs('flow.switch')).toEqual(['default']);
    expect(outputs('flow.loop')).toEqual(['item']);
    expect(outputs('flow.approval')).toEqual(['approved', 'rejected', 'timeout']);
    expect(
      listNodeDefinitions()
        .filter((d) => d.connectionParams.length > 0)
        .map((d) => d.id),
    ).toEqual(['llm.chat']);
    expect(getNodeDefinition('source.manual')!.inputs).toEqual([]);
  });

  it('accepts each node with its required params filled in', () => {
    const minimal: Record<string, Record<string, unknown>> = {
      'flow.approval': {},
      'flow.collect': {},
      'flow.if': { value: 'x' },
      'flow.loop': {},
      'flow.subbot': { botId: 'bot_1' },
      'flow.switch': {},
      'flow.wait': {},
      'llm.chat': { prompt: 'p' },
      'output.email': { to: 'a@b.test', subject: 's', body: 'b' },
      'output.respond': {},
      'output.results': { content: 'c' },
      'output.slack': { webhookUrl: 'https://hooks.slack.com/services/x', text: 't' },
      'output.webhook': { url: 'https://example.com/h' },
      'source.http': { url: 'https://example.com' },
      'source.manual': {},
      'source.rss': { url: 'https://example.com/feed' },
      'source.webpage': { url: 'https://example.com/a' },
      'transform.filter': { value: 'x' },
      'transform.jsonata': { expression: '$' },
      'transform.merge': {},
      'transform.split': {},
      'transform.template': { template: '' },
    };
    for (const def of listNodeDefinitions()) {
      const r = def.params.safeParse(minimal[def.id]);
      expect(r.success, `${def.id}: ${r.error?.message}`).toBe(true);
    }
  });
});

describe('describeNodeTypes', () => {
  const catalogue = describeNodeTypes();

  it('is JSON-serialisable and complete', () => {
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
    expect([...new Set(catalogue.map((d) => d.id))]).toEqual(IDS);
    for (const d of catalogue) {
      expect(d.title).toMatch(/\S/);
      expect(d.description).toMatch(/\S/);
      expect(d.docs).toMatch(/\S/);
      expect(d.paramsSchema.type).toBe('object');
    }
  });

  it('gives the params as JSON Schema with defaults, enums and UI hints', () => {
    const chat = catalogue.find((d) => d.id === 'llm.chat')!;
    const props = chat.paramsSchema.properties as Record<string, Record<string, unknown>>;
    expect(props.purpose).toMatchObject({ type: 'string', enum: ['analyze', 'report', 'draft'], default: 'analyze' });
    expect(props.temperature).toMatchObject({ type: 'number', minimum: 0, maximum: 2 });
    expect(props.prompt).toMatchObject({ type: 'string', widget: 'textarea' });
    expect(props.llmConnectionId).toMatchObject({ widget: 'connection' });
    expect(chat.paramsSchema.required).toEqual(['prompt']);
    expect(chat.ui.prompt).toEqual({ templating: 'text', widget: 'textarea' });
    expect(chat.ui.temperature).toEqual({ templating: 'none' });
    expect(chat.ui.purpose).toEqual({ templating: 'none' });
    expect(chat.usesLlm).toBe(true);
  });

  it('tells the editor which params are code, values or text templates', () => {
    const ui = (id: string) => catalogue.find((d) => d.id === id)!.ui;
    expect(ui('transform.jsonata').expression).toEqual({ templating: 'none', widget: 'code' });
    expect(ui('output.webhook').payload).toMatchObject({ templating: 'value' });
    expect(ui('source.http').headers).toMatchObject({ templating: 'text', widget: 'keyValue' });
    expect(ui('source.manual').sample).toMatchObject({ templating: 'none', widget: 'json' });
    expect(catalogue.find((d) => d.id === 'source.manual')!.trigger).toBe(true);
  });

  it('returns a copy callers may change', () => {
    const a = describeNodeTypes();
    a[0]!.title = 'changed';
    expect(describeNodeTypes()[0]!.title).not.toBe('changed');
  });
});

describe('toNodeTypeInfo with validateGraph', () => {
  it('carries what validation needs', () => {
    const info = toNodeTypeInfo(getNodeDefinition('transform.jsonata')!);
    expect(info).toMatchObject({ id: 'transform.jsonata', version: 1, category: 'transform', literalParams: ['expression'] });
    expect(info.params).toBeInstanceOf(z.ZodType);
    expect(getNodeTypeInfo('llm.chat', 1)?.connectionParams).toEqual(['llmConnectionId']);
    expect(getNodeTypeInfo('source.rss', 1)?.connectionParams).toBeUndefined();
  });

  it('validates a realistic bot graph built from the real node types', () => {
    const graph = {
      nodes: [
        { id: 'start', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
        { id: 'rss', type: 'source.rss', params: { url: 'https://example.com/{{ input.feed }}', limit: 5 }, position: { x: 0, y: 0 } },
        { id: 'sum', type: 'llm.chat', params: { prompt: 'Summarise {{ nodes.rss.output.items }}' }, position: { x: 0, y: 0 } },
        { id: 'save', type: 'output.results', params: { content: '{{ nodes.sum.output.text }}' }, position: { x: 0, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'rss' },
        { id: 'e2', source: 'rss', target: 'sum', sourceHandle: 'out', targetHandle: 'in' },
        { id: 'e3', source: 'sum', target: 'save' },
      ],
    };
    expect(validateGraph(graph, { ...nodeTypeLookup, llm: { botHasConnection: true } }).errors).toEqual([]);
    const broken = structuredClone(graph);
    broken.nodes[1]!.params = { url: 'not a url', limit: 0 };
    broken.nodes[2]!.params = { prompt: 'x {{ nodes.save.output }}' };
    const res = validateGraph(broken, { ...nodeTypeLookup, llm: { botHasConnection: false } });
    expect(res.errors.map((e) => e.message)).toEqual([
      '"rss" (source.rss): parameter "url" must be an http:// or https:// URL.',
      '"rss" (source.rss): parameter "limit" must be at least 1.',
      '"sum" (llm.chat) has no LLM connection: choose one on the node, or set a default connection for the bot (Settings → LLM Connections to add one).',
      '"sum" (llm.chat), parameter "prompt" refers to nodes.save, but "save" (output.results) does not run before it; connect it to this node (directly or through other nodes).',
    ]);
  });

  it('rejects an unknown version by listing the real ones', () => {
    const res = validateGraph(
      { nodes: [{ id: 'x', type: 'llm.chat', version: 9, params: { prompt: 'p' }, position: { x: 0, y: 0 } }], edges: [] },
      nodeTypeLookup,
    );
    expect(res.errors[0]?.message).toBe('"x" (llm.chat) uses version 9, which does not exist (available: 1).');
  });
});

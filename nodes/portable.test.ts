import { parseGraph, type Graph } from '@bm/graph';
import { describe, expect, it } from 'vitest';
import { bindPortable, connectionIdsIn, nodesUsed, renameSecrets, toPortable, unboundSlots } from './portable';

const at = { x: 0, y: 0 };
const graph = (): Graph =>
  parseGraph({
    nodes: [
      { id: 'in', type: 'source.manual', params: {}, position: at },
      {
        id: 'a',
        type: 'llm.chat',
        params: { purpose: 'analyze', prompt: 'Key {{ secrets.API_KEY }}: {{ input.q }}', llmConnectionId: 'conn_o' },
        position: at,
      },
      { id: 'b', type: 'llm.chat', params: { purpose: 'report', prompt: 'Sum {{ nodes.a.output.text }}' }, position: at },
      { id: 'c', type: 'llm.chat', params: { prompt: 'Again {{ nodes.a.output.text }}', llmConnectionId: 'conn_a' }, position: at },
      {
        id: 'slack',
        type: 'output.slack',
        params: { webhookUrl: 'https://hooks.slack.com/services/T/B/SECRET', text: '{{ nodes.b.output.text }}' },
        position: at,
      },
      { id: 'hook', type: 'output.webhook', params: { url: '{{ secrets.HOOK_URL }}', body: '{{ secrets.API_KEY }}' }, position: at },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'a' },
      { id: 'e2', source: 'a', target: 'b' },
      { id: 'e3', source: 'a', target: 'c' },
      { id: 'e4', source: 'b', target: 'slack' },
      { id: 'e5', source: 'c', target: 'hook' },
    ],
  });
const providers: Record<string, string> = { conn_o: 'openai', conn_a: 'anthropic', conn_bot: 'google' };

describe('toPortable', () => {
  it('turns connection ids into slots, collects secret references and turns literal secrets into secret slots and drops pinned data', () => {
    const g = graph();
    (g.nodes[1] as Record<string, unknown>).pinnedOutput = { text: 'pinned' };
    const p = toPortable(g, { botConnectionId: 'conn_bot', providerOf: (id) => providers[id] });

    expect(p.slots).toEqual([
      { key: 'openai', label: 'OpenAI connection', provider: 'openai', nodes: ['a'], botDefault: false, purpose: 'analyze' },
      { key: 'google', label: 'Google Gemini connection', provider: 'google', nodes: [], botDefault: true, purpose: 'report' },
      { key: 'anthropic', label: 'Anthropic connection', provider: 'anthropic', nodes: ['c'], botDefault: false },
    ]);
    expect(p.secretSlots).toEqual(['API_KEY', 'HOOK_URL', 'SLACK_WEBHOOK_URL']);
    expect(connectionIdsIn(p.graph)).toEqual([]);
    expect(JSON.stringify(p.graph)).not.toMatch(/conn_|SECRET|pinned/);
    expect(p.clearedSecrets).toEqual([{ nodeId: 'slack', param: 'webhookUrl', secret: 'SLACK_WEBHOOK_URL' }]);
    expect(p.graph.nodes.find((n) => n.id === 'slack')!.params.webhookUrl).toBe('{{ secrets.SLACK_WEBHOOK_URL }}');
    // A `{{ secrets.X }}` in a secret param is a reference, not a secret: it stays.
    expect(p.graph.nodes.find((n) => n.id === 'hook')!.params.url).toBe('{{ secrets.HOOK_URL }}');
    expect(g.nodes[1]!.params.llmConnectionId).toBe('conn_o'); // the input is not changed
  });

  it('makes slots of unknown providers "any" with distinct keys, and needs no slot for a graph without LLM nodes', () => {
    const p = toPortable(graph());
    expect(p.slots.map((s) => [s.key, s.provider, s.botDefault])).toEqual([
      ['llm', 'any', false],
      ['llm-2', 'any', true],
      ['llm-3', 'any', false],
    ]);
    const plain = parseGraph({ nodes: [{ id: 'in', type: 'source.manual', position: at }] });
    expect(toPortable(plain, { botConnectionId: 'conn_bot' }).slots).toEqual([]);
  });

  it('keeps a node that names the bot connection in that slot (and the slot is the bot default)', () => {
    const g = graph();
    g.nodes[3]!.params.llmConnectionId = 'conn_bot';
    const p = toPortable(g, { botConnectionId: 'conn_bot', providerOf: (id) => providers[id] });
    expect(p.slots.find((s) => s.key === 'google')).toMatchObject({ nodes: ['c'], botDefault: true });
  });

  it('lists the node types used, once each', () => {
    expect(nodesUsed(graph())).toEqual(['source.manual', 'llm.chat', 'output.slack', 'output.webhook']);
  });
});

describe('bindPortable', () => {
  it('puts the bound connections back and restores the original graph (round trip)', () => {
    const original = graph();
    original.nodes[4]!.params.webhookUrl = '{{ secrets.SLACK_URL }}';
    const p = toPortable(original, { botConnectionId: 'conn_bot', providerOf: (id) => providers[id] });
    const bound = bindPortable(p, { connections: { openai: 'conn_o', google: 'conn_bot', anthropic: 'conn_a' } });
    expect(bound.botConnectionId).toBe('conn_bot');
    expect(bound.graph).toEqual(original);
  });

  it('binds to other connections and rewrites references to differently named secrets', () => {
    const p = toPortable(graph(), { providerOf: (id) => providers[id] });
    const keys = Object.fromEntries(p.slots.map((s) => [s.key, `new_${s.key}`]));
    const bound = bindPortable(p, { connections: keys, secretNames: { API_KEY: 'TEAM_KEY', HOOK_URL: 'HOOK_URL' } });
    const byId = new Map(bound.graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('a')!.params.llmConnectionId).toBe('new_openai');
    expect(byId.get('b')!.params.llmConnectionId).toBeUndefined();
    expect(bound.botConnectionId).toBe('new_llm');
    expect(byId.get('a')!.params.prompt).toBe('Key {{ secrets.TEAM_KEY }}: {{ input.q }}');
    expect(byId.get('hook')!.params).toMatchObject({ url: '{{ secrets.HOOK_URL }}', body: '{{ secrets.TEAM_KEY }}' });
  });

  it('refuses to bind with a slot left empty, and unboundSlots names it', () => {
    const p = toPortable(graph(), { providerOf: (id) => providers[id] });
    expect(unboundSlots(p.slots, { connections: { openai: 'x' } }).map((s) => s.key)).toEqual(['llm', 'anthropic']);
    expect(() => bindPortable(p, { connections: { openai: 'x' } })).toThrow(/not bound/);
  });
});

describe('renameSecrets', () => {
  it('rewrites only secret references, keeping escapes, other expressions and bracket forms', () => {
    const r = new Map([['A', 'B']]);
    expect(renameSecrets('x {{secrets.A}} \\{{ secrets.A }} {{ input.A }} {{ secrets["A"] }}', r)).toBe(
      'x {{ secrets.B }} \\{{ secrets.A }} {{ input.A }} {{ secrets.B }}',
    );
    expect(renameSecrets({ list: ['{{ secrets.A }}', 3] }, r)).toEqual({ list: ['{{ secrets.B }}', 3] });
    expect(renameSecrets('broken {{ secrets. }}', r)).toBe('broken {{ secrets. }}');
  });
});

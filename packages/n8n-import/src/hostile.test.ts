import { BotDocument } from '@bm/contract';
import { parseTemplate } from '@bm/graph';
import { describe, expect, it } from 'vitest';
import { convertN8nWorkflow } from './convert';
import { N8nImportError } from './errors';
import { MAX_N8N_NODES } from './workflow';

const node = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  typeVersion: 1,
  position: [0, 0],
  parameters: {},
  ...extra,
});
const main = (...targets: string[]) => ({ main: [targets.map((t) => ({ node: t, type: 'main', index: 0 }))] });

function refused(input: unknown, code: string, message: RegExp) {
  try {
    convertN8nWorkflow(input);
  } catch (err) {
    expect(err).toBeInstanceOf(N8nImportError);
    expect((err as N8nImportError).code).toBe(code);
    expect((err as Error).message).toMatch(message);
    // The particular alone, for a translated sentence: part of the message, never empty.
    const { detail } = err as N8nImportError;
    expect(detail.length).toBeGreaterThan(0);
    expect((err as Error).message.includes(detail) || code === 'N8N_NOT_A_WORKFLOW').toBe(true);
    return;
  }
  throw new Error('was not refused');
}

describe('inputs that are not n8n workflows are refused with a clear message', () => {
  it.each([
    [null, /not an n8n workflow/],
    ['{"nodes": []}', /not an n8n workflow/],
    [42, /not an n8n workflow/],
    [{}, /"nodes" and "connections"/],
    [{ format: 'bot-manager/bot', version: 1, bot: {} }, /not an n8n workflow/],
    [{ nodes: 'many' }, /nodes: /],
    [{ nodes: [{ name: 'A' }] }, /nodes\[0\]\.type/],
    [{ nodes: [{ name: '', type: 'x' }] }, /nodes\[0\]\.name/],
    [{ nodes: [node('A', 'n8n-nodes-base.noOp', { position: 'here' })] }, /position/],
    [{ nodes: [], connections: { A: { main: 'x' } } }, /connections\.A\.main/],
  ])('%j', (input, message) => refused(input, 'N8N_NOT_A_WORKFLOW', message));

  it('a list of workflows (an export without --separate) says to import one', () => {
    refused([{ nodes: [] }, { nodes: [] }], 'N8N_NOT_A_WORKFLOW', /list of 2 workflows/);
  });

  it('duplicate node names', () => {
    refused({ nodes: [node('A', 'x'), node('A', 'y')] }, 'N8N_DUPLICATE_NODE_NAME', /Two nodes are named "A"/);
    expect(() => convertN8nWorkflow({ nodes: [node('A', 'x'), node('A', 'y')] })).toThrow(
      expect.objectContaining({ detail: 'A', path: 'nodes[1].name' }),
    );
  });

  it('too many nodes, before looking at any of them', () => {
    refused({ nodes: new Array(MAX_N8N_NODES + 1).fill(0) }, 'N8N_TOO_LARGE', new RegExp(`${MAX_N8N_NODES + 1} nodes`));
    expect(() => convertN8nWorkflow({ nodes: new Array(MAX_N8N_NODES + 1).fill(0) })).toThrow(
      expect.objectContaining({ detail: `${MAX_N8N_NODES + 1} nodes; at most ${MAX_N8N_NODES}`, path: 'nodes' }),
    );
  });
});

describe('odd but valid workflows still convert, and say what they dropped', () => {
  it('an empty workflow', () => {
    const r = convertN8nWorkflow({ nodes: [], connections: {} });
    expect(r.document.bot).toMatchObject({ name: 'Imported from n8n', graph: { nodes: [], edges: [] }, slots: [], secretSlots: [] });
    expect(r.unmapped).toEqual([]);
    expect(BotDocument.parse(r.document)).toEqual(r.document);
  });

  it('a long workflow name is cut to what a bot name may be', () => {
    const r = convertN8nWorkflow({ name: `  ${'x'.repeat(400)}  `, nodes: [] });
    expect(r.document.bot.name).toBe('x'.repeat(120));
    expect(BotDocument.parse(r.document).bot.name).toBe('x'.repeat(120));
  });

  it('prototype keys as node names and connection keys do not pollute anything', () => {
    // Written as text: an object literal's "__proto__" would set the prototype instead of a key.
    const wf = JSON.parse(`{
      "nodes": [
        {"name": "__proto__", "type": "n8n-nodes-base.manualTrigger", "position": [0, 0], "parameters": {"__proto__": {"polluted": true}}},
        {"name": "constructor", "type": "n8n-nodes-base.noOp", "position": [0, 0]},
        {"name": "toString", "type": "n8n-nodes-base.rssFeedRead", "position": [0, 0], "parameters": {"url": "https://a.example/feed"}}
      ],
      "connections": {
        "__proto__": {"main": [[{"node": "constructor", "type": "main", "index": 0}]]},
        "constructor": {"main": [[{"node": "toString", "type": "main", "index": 0}]]}
      }
    }`);
    const r = convertN8nWorkflow(wf);
    expect(r.document.bot.graph.nodes.map((n) => n.id)).toEqual(['proto', 'tostring']);
    expect(r.document.bot.graph.edges.map((e) => e.id)).toEqual(['proto__tostring']);
    expect(({} as Record<string, unknown>).main).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('connections to nodes that do not exist are reported, not followed', () => {
    const r = convertN8nWorkflow({
      nodes: [node('Start', 'n8n-nodes-base.manualTrigger')],
      connections: { Start: main('Ghost'), Nobody: main('Start') },
    });
    expect(r.unmapped).toEqual([
      { node: 'Start', reason: 'A connection names the node "Ghost", which is not in the workflow; it was ignored.' },
      { node: 'Start', reason: 'A connection names the node "Nobody", which is not in the workflow; it was ignored.' },
    ]);
    expect(r.document.bot.graph.edges).toEqual([]);
  });

  it('a cycle between mapped nodes is cut and reported', () => {
    const r = convertN8nWorkflow({
      nodes: [node('A', 'n8n-nodes-base.manualTrigger'), node('B', 'n8n-nodes-base.merge'), node('C', 'n8n-nodes-base.merge')],
      connections: { A: main('B'), B: main('C'), C: main('B') },
    });
    expect(r.document.bot.graph.edges.map((e) => e.id)).toEqual(['a__b', 'b__c']);
    expect(r.unmapped).toEqual([
      {
        node: 'B',
        reason:
          'The loop back from "C" was removed: Bot Manager graphs have no cycles (a loop over a list is a flow.loop, which the n8n Loop Over Items becomes).',
      },
    ]);
  });

  it('unknown node types, unknown triggers and orphan sub-nodes are each reported', () => {
    const r = convertN8nWorkflow({
      nodes: [
        node('Mail in', 'n8n-nodes-base.gmailTrigger'),
        node('Code', 'n8n-nodes-base.code', { parameters: { jsCode: 'return items' } }),
        node('Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi'),
        node('Classifier', '@n8n/n8n-nodes-langchain.textClassifier'),
      ],
      connections: { 'Mail in': main('Code'), Model: { ai_languageModel: [[{ node: 'Classifier', type: 'ai_languageModel', index: 0 }]] } },
    });
    expect(r.unmapped.map((u) => [u.node, u.reason])).toEqual([
      ['Mail in', 'The trigger "n8n-nodes-base.gmailTrigger" has no counterpart in Bot Manager; it became a manual input.'],
      ['Code', 'The node type "n8n-nodes-base.code" has no counterpart in Bot Manager; left out.'],
      [
        'Model',
        'The sub-node (@n8n/n8n-nodes-langchain.lmChatOpenAi) attached to "Classifier" was not imported: that node has no counterpart.',
      ],
      ['Classifier', 'The node type "@n8n/n8n-nodes-langchain.textClassifier" has no counterpart in Bot Manager; left out.'],
    ]);
    expect(r.document.bot.graph.nodes.map((n) => n.type)).toEqual(['source.manual']);
  });

  it('ids stay unique and readable whatever the names', () => {
    const r = convertN8nWorkflow({
      nodes: [
        node('Fetch', 'n8n-nodes-base.httpRequest', { parameters: { url: 'https://a.example/' } }),
        node('fetch!', 'n8n-nodes-base.httpRequest', { parameters: { url: 'https://b.example/' } }),
        node('2024 report', 'n8n-nodes-base.httpRequest', { parameters: { url: 'https://c.example/' } }),
        node('뉴스 가져오기', 'n8n-nodes-base.rssFeedRead', { parameters: { url: 'https://d.example/feed' } }),
        node('***', 'n8n-nodes-base.rssFeedRead', { parameters: { url: 'https://e.example/feed' } }),
        node('Ünïcödé Ñame', 'n8n-nodes-base.rssFeedRead', { parameters: { url: 'https://f.example/feed' } }),
      ],
      connections: {},
    });
    expect(r.document.bot.graph.nodes.map((n) => n.id)).toEqual([
      'fetch',
      'fetch_2',
      'n_2024_report',
      '뉴스_가져오기',
      'rss',
      'unicode_name',
    ]);
  });

  it('text that looks like our template syntax is kept literal, so it cannot reach other nodes or secrets', () => {
    const r = convertN8nWorkflow({
      nodes: [
        node('Start', 'n8n-nodes-base.manualTrigger'),
        node('Send', 'n8n-nodes-base.emailSend', {
          typeVersion: 2,
          parameters: {
            toEmail: 'a@example.com',
            subject: '{{ secrets.ADMIN_KEY }}',
            text: '={{ $json.x }} {{ nodes.other.output }}',
            emailFormat: 'text',
          },
        }),
      ],
      connections: { Start: main('Send') },
    });
    const email = r.document.bot.graph.nodes[1]!;
    expect(email.params).toEqual({
      to: 'a@example.com',
      subject: '\\{{ secrets.ADMIN_KEY }}',
      body: '{{ input.x }} \\{{ nodes.other.output }}',
    });
    expect(r.document.bot.secretSlots).toEqual([]);
    for (const v of Object.values(email.params)) {
      const refs = parseTemplate(String(v)).flatMap((p) => (p.type === 'expr' ? [p.ref.root] : []));
      expect(refs.every((root) => root === 'input')).toBe(true);
    }
  });

  it('missing required values get a visible placeholder and a report, so the bot still validates', () => {
    const r = convertN8nWorkflow({
      nodes: [
        node('Get', 'n8n-nodes-base.httpRequest', { typeVersion: 4.2 }),
        node('Ask', '@n8n/n8n-nodes-langchain.openAi', { typeVersion: 1.8 }),
      ],
      connections: { Get: main('Ask') },
    });
    expect(r.document.bot.graph.nodes.map((n) => n.params)).toEqual([
      { url: 'https://example.invalid/', method: 'GET' },
      { prompt: '(write the prompt)' },
    ]);
    expect(r.unmapped.map((u) => u.param)).toEqual(['url', 'prompt']);
    expect(r.slots).toEqual([
      { key: 'openai', label: 'OpenAI (no credential in the n8n file)', provider: 'openai', nodes: ['ask'], botDefault: false },
    ]);
  });

  it('two LLM nodes on one credential share a slot; another credential gets its own', () => {
    const cred = (id: string, name: string) => ({ credentials: { openAiApi: { id, name } } });
    const r = convertN8nWorkflow({
      nodes: [
        node('A', '@n8n/n8n-nodes-langchain.openAi', {
          typeVersion: 1.8,
          parameters: { messages: { values: [{ content: 'a' }] } },
          ...cred('1', 'Work'),
        }),
        node('B', '@n8n/n8n-nodes-langchain.openAi', {
          typeVersion: 1.8,
          parameters: { messages: { values: [{ content: 'b' }] } },
          ...cred('1', 'Work'),
        }),
        node('C', '@n8n/n8n-nodes-langchain.openAi', {
          typeVersion: 1.8,
          parameters: { messages: { values: [{ content: 'c' }] } },
          ...cred('2', 'Work'),
        }),
      ],
      connections: {},
    });
    expect(r.slots.map((s) => [s.key, s.nodes])).toEqual([
      ['work', ['a', 'b']],
      ['work_2', ['c']],
    ]);
  });

  it('the largest workflow accepted converts quickly (no walk over every connection per expression)', () => {
    // Left-out pass-through nodes, each to be looked through (IFs are imported now: flow.if).
    const ifs = Array.from({ length: MAX_N8N_NODES - 2 }, (_, i) => node(`No-op ${i}`, 'n8n-nodes-base.noOp'));
    const set = node('Set', 'n8n-nodes-base.set', {
      typeVersion: 3.4,
      parameters: {
        assignments: {
          assignments: Array.from({ length: 300 }, (_, i) => ({
            name: `f${i}`,
            value: `={{ $json.a${i} }} {{ $('Start').item.json.b }}`,
            type: 'string',
          })),
        },
      },
    });
    const names = ['Start', ...ifs.map((n) => n.name), 'Set'];
    const connections = Object.fromEntries(names.slice(0, -1).map((n, i) => [n, main(names[i + 1]!)]));
    const started = performance.now();
    const r = convertN8nWorkflow({ nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), ...ifs, set], connections });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.document.bot.graph.edges.map((e) => e.id)).toEqual(['start__set']);
    expect(r.document.bot.graph.nodes[1]!.params.expression).toContain('"f299": $string($input.a299) & " " & $string($input.b)');
    expect(r.unmapped).toHaveLength(MAX_N8N_NODES - 2);
  });

  it('a long chain of IFs between an HTTP node and a Set converts quickly; the Set reads the response through them as its own input', () => {
    const ifs = Array.from({ length: MAX_N8N_NODES - 3 }, (_, i) => node(`IF ${i}`, 'n8n-nodes-base.if', { typeVersion: 2 }));
    const http = node('Fetch', 'n8n-nodes-base.httpRequest', { typeVersion: 4.2, parameters: { url: 'https://example.com/data' } });
    const set = node('Set', 'n8n-nodes-base.set', {
      typeVersion: 3.4,
      parameters: {
        assignments: {
          assignments: Array.from({ length: 300 }, (_, i) => ({ name: `f${i}`, value: `={{ $json.a${i} }}`, type: 'string' })),
        },
      },
    });
    const names = ['Start', 'Fetch', ...ifs.map((n) => n.name), 'Set'];
    const connections = Object.fromEntries(names.slice(0, -1).map((n, i) => [n, main(names[i + 1]!)]));
    const started = performance.now();
    const r = convertN8nWorkflow({ nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), http, ...ifs, set], connections });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.document.bot.graph.edges).toHaveLength(MAX_N8N_NODES - 1);
    // Each IF hands the response on unchanged, so the Set's `$` is still the HTTP output.
    expect(r.document.bot.graph.nodes.at(-1)!.params.expression).toContain('"f299": $.body.a299}');
  });
});

import { describe, expect, it } from 'vitest';
import { convertN8nWorkflow } from '../convert';
import { pollCron } from './rss';

const at = [0, 0];
const start = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: at, parameters: {} };
/** Start → the given node; the converted node and the reports about it. */
function one(type: string, typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const r = convertN8nWorkflow({
    nodes: [start, { name: 'N', type, typeVersion, position: at, parameters, ...extra }],
    connections: { Start: { main: [[{ node: 'N', type: 'main', index: 0 }]] } },
  });
  return { node: r.document.bot.graph.nodes.find((n) => n.label === 'N'), unmapped: r.unmapped.filter((u) => u.node === 'N'), r };
}

describe('Schedule Trigger rules as cron', () => {
  const cronOf = (interval: Record<string, unknown>[]) =>
    convertN8nWorkflow({
      nodes: [{ name: 'S', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: at, parameters: { rule: { interval } } }],
    }).triggers.map((t) => t.cron ?? null);

  it.each([
    [[{}], '0 0 * * *'],
    [[{ field: 'minutes', minutesInterval: 15 }], '*/15 * * * *'],
    [[{ field: 'minutes' }], '*/5 * * * *'],
    [[{ field: 'hours', triggerAtMinute: 5 }], '5 * * * *'],
    [[{ field: 'days', daysInterval: 2, triggerAtHour: 9 }], '0 9 */2 * *'],
    [[{ field: 'weeks', triggerAtDay: [1, 3, 5], triggerAtHour: 18, triggerAtMinute: 30 }], '30 18 * * 1,3,5'],
    [[{ field: 'months', triggerAtDayOfMonth: 15, triggerAtHour: 6 }], '0 6 15 * *'],
    [[{ field: 'cronExpression', expression: '0 30 9 * * 1' }], '30 9 * * 1'],
    [[{ field: 'cronExpression', expression: '*/10 * * * * *' }], null],
    [[{ field: 'weeks', weeksInterval: 2 }], null],
  ])('%j → %s', (interval, cron) => {
    expect(cronOf(interval)).toEqual([cron]);
  });
});

describe('HTTP Request shapes', () => {
  it('v4.2 raw body, form body, query from JSON, text response, predefined credential', () => {
    const raw = one(
      'n8n-nodes-base.httpRequest',
      4.2,
      {
        method: 'PUT',
        url: '=https://x.example/{{ $json.id }}',
        sendBody: true,
        contentType: 'raw',
        rawContentType: 'text/plain',
        body: '=hello {{ $json.name }}',
        sendQuery: true,
        specifyQuery: 'json',
        jsonQuery: '{"a": "1 2"}',
        options: { response: { response: { responseFormat: 'text' } }, timeout: 999_999 },
        authentication: 'predefinedCredentialType',
        nodeCredentialType: 'notionApi',
      },
      { credentials: { notionApi: { id: '7', name: 'Notion' } } },
    );
    expect(raw.node!.params).toEqual({
      url: 'https://x.example/{{ input.id }}?a=1%202',
      method: 'PUT',
      body: 'hello {{ input.name }}',
      bodyType: 'text',
      responseType: 'text',
      timeoutMs: 120_000,
    });
    expect(raw.unmapped.map((u) => u.reason)).toEqual([expect.stringContaining('(predefinedCredentialType: notionApi "Notion")')]);

    const form = one('n8n-nodes-base.httpRequest', 4.2, {
      method: 'POST',
      url: 'https://x.example/',
      sendBody: true,
      contentType: 'form-urlencoded',
      bodyParameters: { parameters: [{ name: 'q', value: 'v' }] },
    });
    expect(form.node!.params.body).toEqual({ q: 'v' });
    expect(form.unmapped).toEqual([
      { node: 'N', param: 'body', reason: 'The body was sent as form-urlencoded; Bot Manager sends it as JSON.' },
    ]);
  });

  it('a GET with a body drops the body and says so; an unknown method becomes GET', () => {
    const get = one('n8n-nodes-base.httpRequest', 3, {
      url: 'https://x.example/',
      sendBody: true,
      specifyBody: 'json',
      jsonBody: '{"a":1}',
    });
    expect(get.node!.params).toEqual({ url: 'https://x.example/', method: 'GET' });
    expect(get.unmapped.map((u) => u.param)).toEqual(['body']);
    const head = one('n8n-nodes-base.httpRequest', 4.2, { method: 'HEAD', url: 'https://x.example/' });
    expect(head.node!.params.method).toBe('GET');
    expect(head.unmapped.map((u) => u.param)).toEqual(['method']);
  });

  it('v1 JSON parameters: headers and query as JSON text, a string response read as text', () => {
    const v1 = one('n8n-nodes-base.httpRequest', 1, {
      url: 'https://x.example/',
      jsonParameters: true,
      headerParametersJson: '{"Accept": "text/plain"}',
      queryParametersJson: '{"page": 2}',
      responseFormat: 'string',
    });
    expect(v1.node!.params).toEqual({
      url: 'https://x.example/?page=2',
      method: 'GET',
      headers: { Accept: 'text/plain' },
      responseType: 'text',
    });
  });
});

describe('LLM answers read downstream', () => {
  it('JSON output of the LangChain OpenAI node reads as output.json', () => {
    const r = convertN8nWorkflow({
      nodes: [
        start,
        {
          name: 'Extract',
          type: '@n8n/n8n-nodes-langchain.openAi',
          typeVersion: 1.8,
          position: at,
          parameters: { jsonOutput: true, messages: { values: [{ content: 'x' }] } },
        },
        {
          name: 'Use',
          type: 'n8n-nodes-base.set',
          typeVersion: 3.4,
          position: at,
          parameters: { assignments: { assignments: [{ name: 'city', value: '={{ $json.message.content.city }}', type: 'string' }] } },
        },
      ],
      connections: {
        Start: { main: [[{ node: 'Extract', type: 'main', index: 0 }]] },
        Extract: { main: [[{ node: 'Use', type: 'main', index: 0 }]] },
      },
    });
    expect(r.document.bot.graph.nodes.map((n) => n.params)).toEqual([
      {},
      { prompt: 'x', json: true },
      { expression: '{"city": $.json.city}' },
    ]);
    expect(r.unmapped).toEqual([]);
  });

  it('a path into an answer that has none is reported', () => {
    const r = convertN8nWorkflow({
      nodes: [
        start,
        {
          name: 'Ask',
          type: '@n8n/n8n-nodes-langchain.anthropic',
          typeVersion: 1,
          position: at,
          parameters: { messages: { values: [{ content: 'x' }] } },
        },
        {
          name: 'Mail',
          type: 'n8n-nodes-base.emailSend',
          typeVersion: 2,
          position: at,
          parameters: { toEmail: 'a@example.com', subject: 's', text: '={{ $json.usage.input_tokens }} / {{ $json.content[0].text }}' },
        },
      ],
      connections: {
        Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
        Ask: { main: [[{ node: 'Mail', type: 'main', index: 0 }]] },
      },
    });
    expect(r.document.bot.graph.nodes[2]!.params.body).toBe('\\{{ $json.usage.input_tokens }} / {{ nodes.ask.output.text }}');
    expect(r.unmapped).toEqual([
      {
        node: 'Mail',
        param: 'text',
        reason: expect.stringContaining('reads "usage.input_tokens" of an LLM answer; here the answer is {{ nodes.<id>.output.text }}'),
      },
    ]);
  });

  it('a chain without a chat model asks for any connection', () => {
    const chain = one('@n8n/n8n-nodes-langchain.chainLlm', 1.7, { promptType: 'define', text: 'hi' });
    expect(chain.r.slots).toEqual([{ key: 'any', label: 'Any provider', provider: 'any', nodes: ['n'], botDefault: false }]);
    expect(chain.unmapped.map((u) => u.reason)).toEqual(['No chat model is attached; bind any connection to its slot.']);
  });

  it('an expression as the model is reported and the connection default used', () => {
    const r = one('@n8n/n8n-nodes-langchain.openAi', 1.8, {
      modelId: { __rl: true, mode: 'id', value: '={{ $json.model }}' },
      messages: { values: [{ content: 'x' }] },
    });
    expect(r.node!.params).toEqual({ prompt: 'x' });
    expect(r.unmapped.map((u) => u.param)).toEqual(['model']);
  });
});

describe('Set', () => {
  it('v3.4 without dot notation, typed literals, include-other-fields after an HTTP body', () => {
    const r = convertN8nWorkflow({
      nodes: [
        { name: 'Get', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: at, parameters: { url: 'https://x.example/' } },
        {
          name: 'Set',
          type: 'n8n-nodes-base.set',
          typeVersion: 3.4,
          position: at,
          parameters: {
            includeOtherFields: true,
            assignments: {
              assignments: [
                { name: 'a.b', value: '3', type: 'number' },
                { name: 'ok', value: 'false', type: 'boolean' },
                { name: 'list', value: '[1,2]', type: 'array' },
                { name: 'bad', value: '{not json', type: 'object' },
              ],
            },
            options: { dotNotation: false },
          },
        },
      ],
      connections: { Get: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
    });
    expect(r.document.bot.graph.nodes[1]!.params.expression).toBe(
      '$merge([$type($.body) = "object" ? $.body : {}, {"a.b": 3, "ok": false, "list": [1,2], "bad": "{not json"}])',
    );
    expect(r.unmapped).toEqual([
      { node: 'Set', param: 'fields.bad', reason: 'The object value of "bad" is not JSON; it was kept as text.' },
    ]);
  });
});

describe('keys written into a URL', () => {
  it('a literal api key in the query becomes a secret slot; user and password are removed', () => {
    const r = one('n8n-nodes-base.httpRequest', 4.2, { url: 'https://bob:hunter2@api.example.com/v1/search?q=rust&api_key=abc123&page=1' });
    expect(r.node!.params.url).toBe('https://api.example.com/v1/search?q=rust&api_key={{ secrets.N_API_KEY }}&page=1');
    expect(JSON.stringify(r.r)).not.toMatch(/abc123|hunter2/);
    expect(r.r.document.bot.secretSlots).toEqual(['N_API_KEY']);
    expect(r.unmapped.map((u) => u.param)).toEqual(['url', 'query.api_key']);
  });
});

describe('RSS Feed Trigger', () => {
  it('becomes a feed node with onlyNew and a schedule hint from its poll times', () => {
    const r = convertN8nWorkflow({
      nodes: [
        {
          name: 'New posts',
          type: 'n8n-nodes-base.rssFeedReadTrigger',
          typeVersion: 1,
          position: at,
          parameters: { pollTimes: { item: [{ mode: 'everyDay', hour: 6, minute: 45 }] }, feedUrl: 'https://blog.example/rss' },
        },
      ],
      settings: { timezone: 'Asia/Seoul' },
    });
    expect(r.document.bot.graph.nodes).toEqual([
      expect.objectContaining({
        id: 'new_posts',
        type: 'source.rss',
        params: { url: 'https://blog.example/rss', limit: 200, onlyNew: true },
      }),
    ]);
    expect(r.triggers).toEqual([{ node: 'New posts', nodeId: 'new_posts', kind: 'schedule', cron: '45 6 * * *', timezone: 'Asia/Seoul' }]);
  });

  it.each([
    [{}, '* * * * *'],
    [{ mode: 'everyHour', minute: 10 }, '10 * * * *'],
    [{ mode: 'everyWeek', hour: 9, minute: 0, weekday: 5 }, '0 9 * * 5'],
    [{ mode: 'everyMonth', dayOfMonth: 3 }, '0 14 3 * *'],
    [{ mode: 'everyX', value: 15, unit: 'minutes' }, '*/15 * * * *'],
    [{ mode: 'everyX', value: 6, unit: 'hours' }, '0 */6 * * *'],
    [{ mode: 'custom', cronExpression: '0 0 12 * * 1-5' }, '0 12 * * 1-5'],
    [{ mode: 'custom', cronExpression: '30 * * * * *' }, undefined],
  ])('poll times %j → %s', (poll, cron) => {
    expect(pollCron(poll)).toBe(cron);
  });
});

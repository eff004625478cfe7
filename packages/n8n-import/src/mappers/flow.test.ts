import { describe, expect, it } from 'vitest';
import { convertN8nWorkflow } from '../convert';

// The control-flow mappers on small workflows: the shapes the fixtures do not show, and every
// way a node is left out or reported. nodes/n8n-import.test.ts runs converted conditions for real.

const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown> = {}) => ({
  name,
  type,
  typeVersion,
  position: [0, 0],
  parameters,
});
/** connections[source].main: one list of targets per output index. */
const outs = (...outputs: string[][]) => ({ main: outputs.map((targets) => targets.map((t) => ({ node: t, type: 'main', index: 0 }))) });
const start = node('Start', 'n8n-nodes-base.manualTrigger', 1);
const cond = (leftValue: unknown, type: string, operation: string, rightValue?: unknown) => ({
  leftValue,
  rightValue,
  operator: { type, operation },
});

const fetch = node('Fetch', 'n8n-nodes-base.httpRequest', 4.2, { url: 'https://api.example.com/item' });

/** Converts Start → Fetch (an HTTP request: its items are our `body`) → the node → A (output 0) / B (output 1). */
function one(n: ReturnType<typeof node>, outputs = [['A'], ['B']]) {
  const r = convertN8nWorkflow({
    nodes: [start, fetch, n, node('A', 'n8n-nodes-base.set', 3.4), node('B', 'n8n-nodes-base.set', 3.4)],
    connections: { Start: outs(['Fetch']), Fetch: outs([n.name]), [n.name]: outs(...outputs) },
  });
  const converted = r.document.bot.graph.nodes.find((x) => x.label === n.name);
  return { node: converted, unmapped: r.unmapped.filter((u) => u.node === n.name), result: r };
}

describe('IF', () => {
  const ifV2 = (conditions: unknown[], combinator = 'and', caseSensitive = true) =>
    node('Check', 'n8n-nodes-base.if', 2.2, { conditions: { options: { caseSensitive }, conditions, combinator } });

  it('one comparison of its input: the condition editor, operator and value as n8n had them', () => {
    expect(one(ifV2([cond('={{ $json.name }}', 'string', 'startsWith', 'Dr')])).node!.params).toEqual({
      mode: 'condition',
      field: 'body.name',
      operator: 'startsWith',
      value: 'Dr',
      caseSensitive: true,
    });
    expect(one(ifV2([cond('={{ $json }}', 'object', 'notEmpty')])).node!.params).toEqual({
      mode: 'condition',
      field: 'body',
      operator: 'isNotEmpty',
      caseSensitive: true,
    });
  });

  it('operators the editor lacks become JSONata: negations, regex literals with flags, dates, case-insensitive text', () => {
    const expr = (c: unknown, caseSensitive = true) => one(ifV2([c], 'and', caseSensitive)).node!.params.expression;
    expect(expr(cond('={{ $json.id }}', 'string', 'notStartsWith', 'tmp'))).toBe(
      '$not($substring($string($.body.id), 0, $length($string("tmp"))) = $string("tmp"))',
    );
    expect(expr(cond('={{ $json.id }}', 'string', 'regex', '/^inv-\\d+$/i'))).toBe('$contains($string($.body.id), /^inv-\\d+$/i)');
    expect(expr(cond('={{ $json.path }}', 'string', 'notRegex', 'a/b'), false)).toBe('$not($contains($string($.body.path), /a\\/b/i))');
    expect(expr(cond('={{ $json.due }}', 'dateTime', 'equals', '2026-01-01'))).toBe('$toMillis($.body.due) = $toMillis("2026-01-01")');
    expect(one(ifV2([cond('={{ $json.title }}', 'string', 'contains', 'ai')], 'and', false)).node!.params).toMatchObject({
      mode: 'condition',
      caseSensitive: false,
    });
    const either = one(
      ifV2([cond('={{ $json.title }}', 'string', 'contains', 'ai'), cond('={{ $json.tag }}', 'string', 'equals', 'ML')], 'or', false),
    );
    expect(either.node!.params.expression).toBe(
      '($contains($lowercase($string($.body.title)), $lowercase($string("ai")))) or ($lowercase($string($.body.tag)) = $lowercase($string("ML")))',
    );
  });

  it('a comparison with no equivalent is false in the expression, with the n8n condition in a comment, and reported', () => {
    const { node: n, unmapped } = one(
      ifV2([cond('={{ $json.a }}', 'object', 'deepEquals', '{}'), cond('={{ $json.b }}', 'boolean', 'true')]),
    );
    expect(n!.params).toEqual({ mode: 'jsonata', expression: '(false /* n8n: {{ $json.a }} deepEquals {} */) and ($.body.b = true)' });
    expect(unmapped).toEqual([
      {
        node: 'Check',
        param: 'conditions',
        reason: expect.stringContaining('The condition {{ $json.a }} deepEquals {} (object "deepEquals") has no equivalent'),
      },
    ]);
  });

  it('IF v1 with "any": or; the true and false edges name their ports', () => {
    const v1 = node('Check', 'n8n-nodes-base.if', 1, {
      conditions: {
        string: [{ value1: '={{ $json.s }}', operation: 'endsWith', value2: '.pdf' }],
        number: [{ value1: '={{ $json.n }}', value2: 3 }],
      },
      combineOperation: 'any',
    });
    const { node: n, result } = one(v1);
    expect(n!.params.expression).toBe(
      '(($length($string(".pdf")) = 0 or $substring($string($.body.s), -$length($string(".pdf"))) = $string(".pdf"))) or ($number($.body.n) < $number(3))',
    );
    expect(result.document.bot.graph.edges.filter((e) => e.source === 'check')).toEqual([
      { id: 'check__true__a', source: 'check', target: 'a', sourceHandle: 'true' },
      { id: 'check__false__b', source: 'check', target: 'b', sourceHandle: 'false' },
    ]);
  });
});

describe('Switch, Wait, Execute Workflow, Respond to Webhook, Loop Over Items: left out or reported when they do not fit', () => {
  it('Switch in expression mode is left out, its outputs bridged', () => {
    const { node: n, unmapped } = one(node('Route', 'n8n-nodes-base.switch', 3.2, { mode: 'expression', output: '={{ $json.i }}' }));
    expect(n).toBeUndefined();
    expect(unmapped[0]!.reason).toContain('Switch in expression mode');
  });

  it('a Switch v3 fallback to a rule’s own output is reported: here it is default, not connected', () => {
    const rule = (v: string) => ({
      conditions: { conditions: [cond('={{ $json.k }}', 'string', 'equals', v)] },
      renameOutput: true,
      outputKey: v,
    });
    const {
      node: n,
      unmapped,
      result,
    } = one(node('Route', 'n8n-nodes-base.switch', 3.2, { rules: { values: [rule('a'), rule('b')] }, options: { fallbackOutput: 1 } }));
    expect((n!.params.cases as { name: string }[]).map((c) => c.name)).toEqual(['a', 'b']);
    expect(unmapped).toEqual([
      { node: 'Route', param: 'options.fallbackOutput', reason: expect.stringContaining('here they go out of "default"') },
    ]);
    expect(result.document.bot.graph.edges.filter((e) => e.source === 'route').map((e) => [e.sourceHandle, e.target])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
  });

  it('Wait: on a webhook call is left out; an expression amount or more than a year is reported', () => {
    expect(one(node('Pause', 'n8n-nodes-base.wait', 1.1, { resume: 'webhook' })).unmapped[0]!.reason).toContain('flow.approval');
    const fixed = (parameters: Record<string, unknown>) => one(node('Pause', 'n8n-nodes-base.wait', 1.1, parameters));
    expect(fixed({ amount: '={{ $json.n }}', unit: 'minutes' }).node!.params).toEqual({ mode: 'duration', duration: '1m' });
    expect(fixed({ amount: 2, unit: 'days' }).node!.params).toEqual({ mode: 'duration', duration: '2d' });
    expect(fixed({ amount: 500, unit: 'days' }).node!.params).toEqual({ mode: 'duration', duration: '366d' });
    expect(fixed({}).node!.params).toEqual({ mode: 'duration', duration: '5s' });
    expect(one(node('Pause', 'n8n-nodes-base.wait', 1, {})).node!.params).toEqual({ mode: 'duration', duration: '1h' });
  });

  it('Execute Workflow from a JSON parameter is left out; from the database, the bot to pick is reported', () => {
    expect(one(node('Sub', 'n8n-nodes-base.executeWorkflow', 1.2, { source: 'parameter' })).node).toBeUndefined();
    const { node: n, unmapped } = one(node('Sub', 'n8n-nodes-base.executeWorkflow', 1, { workflowId: '42' }));
    expect(n!.params).toEqual({ botId: 'n8n-workflow:42', mode: 'wait' });
    expect(unmapped[0]).toMatchObject({ param: 'workflowId', reason: expect.stringContaining('the n8n workflow "42"') });
    // With the caller's mapping of n8n workflows to bots: that bot, nothing to report about it.
    const r = convertN8nWorkflow(
      { nodes: [start, node('Sub', 'n8n-nodes-base.executeWorkflow', 1, { workflowId: '42' })], connections: { Start: outs(['Sub']) } },
      { bots: { '42': 'bot_abc' } },
    );
    expect(r.document.bot.graph.nodes[1]!.params).toEqual({ botId: 'bot_abc', mode: 'wait' });
    expect(r.unmapped).toEqual([]);
  });

  it('a second Respond to Webhook is left out (a bot has one); text, redirect and no data', () => {
    const respond = (name: string, parameters: Record<string, unknown>) => node(name, 'n8n-nodes-base.respondToWebhook', 1.1, parameters);
    const r = convertN8nWorkflow({
      nodes: [
        start,
        respond('Ok', { respondWith: 'text', responseBody: '=Hi {{ $json.name }}' }),
        respond('Again', { respondWith: 'noData' }),
      ],
      connections: { Start: outs(['Ok', 'Again']) },
    });
    expect(r.document.bot.graph.nodes.map((n) => [n.id, n.params])).toEqual([
      ['start', {}],
      ['ok', { status: 200, body: 'Hi {{ input.name }}' }],
    ]);
    expect(r.unmapped.find((u) => u.node === 'Again')!.reason).toContain('A bot has one Respond node, and "Ok" became it');
    expect(one(respond('R', { respondWith: 'redirect', redirectURL: 'https://example.com/' })).node!.params).toEqual({
      status: 307,
      headers: { Location: 'https://example.com/' },
    });
    expect(one(respond('R', { respondWith: 'noData' })).node!.params).toEqual({ status: 204, headers: {} });
  });

  it('Loop Over Items is left out when a step is both inside the loop and after it, or in its old one-output version', () => {
    const loop = (v: number) => node('Loop', 'n8n-nodes-base.splitInBatches', v, {});
    const r = convertN8nWorkflow({
      nodes: [start, loop(3), node('Step', 'n8n-nodes-base.set', 3.4)],
      connections: { Start: outs(['Loop']), Loop: outs(['Step'], ['Step']), Step: outs(['Loop']) },
    });
    expect(r.document.bot.graph.nodes.map((n) => n.type)).not.toContain('flow.loop');
    expect(r.unmapped.find((u) => u.node === 'Loop')!.reason).toContain('"Step" is both inside the loop and after it');
    expect(one(loop(2)).unmapped[0]!.reason).toContain('this older version');
  });
});

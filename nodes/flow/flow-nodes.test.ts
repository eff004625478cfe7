import { describe, expect, it } from 'vitest';
import { executeNode } from '../runtime';
import { inputsOf, testContext } from '../testing/context';
import { parseDuration } from '../shared/duration';
import type { ApprovalRequest, NodeDefinition } from '../types';
import { flowApproval } from './approval/definition';
import { flowIf } from './if/definition';
import { flowLoop } from './loop/definition';
import { flowSubbot } from './subbot/definition';
import { flowSwitch } from './switch/definition';
import { flowWait } from './wait/definition';

const exec = async (def: NodeDefinition, params: Record<string, unknown>, upstream: unknown, ctxExtra: object = {}) => {
  const ctx = Object.assign(await testContext({ input: { run: true } }), ctxExtra);
  return executeNode(def, params, { input: { run: true }, nodes: { up: { output: upstream } } }, ctx, inputsOf(['up', upstream]));
};

describe('flow.if', () => {
  it('passes its input on unchanged out of true or false', async () => {
    const yes = await exec(flowIf, { field: 'score', operator: 'gte', value: '5' }, { score: 7 });
    expect(yes).toMatchObject({ output: { score: 7 }, ports: ['true'] });
    const no = await exec(flowIf, { field: 'score', operator: 'gte', value: '5' }, { score: 2 });
    expect(no.ports).toEqual(['false']);
  });

  it('takes true only for a JSONata expression that is exactly true', async () => {
    expect(
      (await exec(flowIf, { mode: 'jsonata', expression: '$contains(title, "AI") and $input.run' }, { title: 'AI news' })).ports,
    ).toEqual(['true']);
    expect((await exec(flowIf, { mode: 'jsonata', expression: '"true"' }, {})).ports).toEqual(['false']);
  });

  it('refuses a binary operator without a value at validation', () => {
    expect(flowIf.params.safeParse({ operator: 'equals' }).success).toBe(false);
    expect(flowIf.params.safeParse({ operator: 'exists' }).success).toBe(true);
  });
});

describe('flow.switch', () => {
  const cases = [
    { name: 'billing', field: 'kind', operator: 'equals', value: 'billing' },
    { name: 'urgent', field: 'priority', operator: 'gt', value: '3' },
  ];
  it('takes the first matching case, every matching one with matchAll, default when none matches', async () => {
    const msg = { kind: 'billing', priority: 5 };
    expect((await exec(flowSwitch, { cases }, msg)).ports).toEqual(['billing']);
    expect((await exec(flowSwitch, { cases, matchAll: true }, msg)).ports).toEqual(['billing', 'urgent']);
    expect((await exec(flowSwitch, { cases }, { kind: 'x', priority: 1 })).ports).toEqual(['default']);
  });

  it('refuses case names that clash with each other or with its fixed outputs', () => {
    const twice = flowSwitch.params.safeParse({ cases: [cases[0], cases[0]] });
    expect(twice.success).toBe(false);
    expect(flowSwitch.params.safeParse({ cases: [{ ...cases[0], name: 'default' }] }).success).toBe(false);
    expect(flowSwitch.params.safeParse({ cases: [{ ...cases[0], name: 'error' }] }).success).toBe(false);
  });
});

describe('flow.loop', () => {
  it('outputs the list and asks for one iteration per item', async () => {
    const r = await exec(flowLoop, {}, { items: [1, 2, 3] });
    expect(r.output).toEqual({ items: [1, 2, 3], count: 3 });
    expect(r.request).toEqual({ kind: 'loop', count: 3 });
  });

  it('refuses a list longer than maxItems', async () => {
    await expect(exec(flowLoop, { maxItems: 2 }, [1, 2, 3])).rejects.toMatchObject({ code: 'LOOP_TOO_MANY_ITEMS' });
  });
});

describe('flow.wait', () => {
  it('waits for a duration or until a time', async () => {
    const before = Date.now();
    const r = await exec(flowWait, { duration: '2h' }, 'x');
    expect(r.output).toBe('x');
    expect((r.request as { untilMs: number }).untilMs - before).toBeGreaterThanOrEqual(2 * 3_600_000);
    const until = await exec(flowWait, { mode: 'until', until: '2027-01-02T03:04:05Z' }, null);
    expect(until.request).toEqual({ kind: 'wait', untilMs: Date.parse('2027-01-02T03:04:05Z') });
  });

  it('refuses what is not a time, and waits of more than a year', async () => {
    await expect(exec(flowWait, { mode: 'until', until: 'tomorrow' }, null)).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(exec(flowWait, { mode: 'until', until: '2099-01-01T00:00:00Z' }, null)).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    expect(flowWait.params.safeParse({ duration: '400d' }).success).toBe(false);
    expect(flowWait.params.safeParse({ duration: 'soon' }).success).toBe(false);
  });

  it('reads durations as people write them', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('3d')).toBe(259_200_000);
    expect(parseDuration('10')).toBeUndefined();
  });
});

describe('flow.approval', () => {
  it('opens the decision with the message, the payload and who to tell, then waits', async () => {
    const opened: ApprovalRequest[] = [];
    const r = await exec(
      flowApproval,
      { message: 'Send to {{ input.run }}?', timeout: '2h', emails: 'a@b.test, c@d.test' },
      { draft: 'hello' },
      { approvals: { open: async (req: ApprovalRequest) => void opened.push(req) } },
    );
    expect(opened).toEqual([
      {
        message: 'Send to true?',
        payload: { draft: 'hello' },
        timeoutMs: 7_200_000,
        notify: { emails: ['a@b.test', 'c@d.test'], slackUrl: undefined },
      },
    ]);
    expect(r).toMatchObject({ output: { draft: 'hello' }, request: { kind: 'approval', timeoutMs: 7_200_000 } });
  });
});

describe('flow.approval addresses', () => {
  it('takes a template for who to tell, and checks the addresses once rendered', async () => {
    expect(flowApproval.params.safeParse({ emails: '{{ input.approver }}' }).success).toBe(true);
    expect(flowApproval.params.safeParse({ emails: 'not an address' }).success).toBe(false);
    const approvals = { open: async () => undefined };
    await expect(exec(flowApproval, { emails: '{{ input.run }}' }, null, { approvals })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
  });
});

describe('flow.subbot', () => {
  it('creates the other bot’s run with its input and asks to wait for it (or not)', async () => {
    const created: unknown[] = [];
    const subbots = { create: async (req: unknown) => (created.push(req), { runId: 'run-child' }) };
    const r = await exec(flowSubbot, { botId: 'bot-2' }, { q: 1 }, { subbots });
    expect(created).toEqual([{ botId: 'bot-2', input: { q: 1 } }]);
    expect(r).toMatchObject({ output: { runId: 'run-child' }, request: { kind: 'subbot', runId: 'run-child', wait: true } });
    const fire = await exec(flowSubbot, { botId: 'bot-2', mode: 'fire' }, null, { subbots });
    expect(fire.request).toMatchObject({ wait: false });
  });
});

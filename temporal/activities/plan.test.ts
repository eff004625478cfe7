import { describe, expect, it } from 'vitest';
import { parseGraph } from '@bm/graph';
import { getNodeDefinition } from '@bm/nodes';
import { buildPlan, loopBatchSize } from './plan';

const n = (id: string, settings?: object) => ({
  id,
  type: 'transform.template',
  params: { template: id },
  position: { x: 0, y: 0 },
  ...(settings ? { settings } : {}),
});
const at = { x: 0, y: 0 };
/** A definition's retry policy as the plan carries it (Temporal's field name for attempts). */
const planRetry = (type: string) => {
  const { maxAttempts, ...rest } = getNodeDefinition(type, 1)!.execution.retry;
  return { maximumAttempts: maxAttempts, ...rest };
};

describe('buildPlan', () => {
  it('orders nodes topologically with their direct dependencies and default settings', () => {
    const plan = buildPlan(
      parseGraph({
        nodes: [n('c'), n('a'), n('b')],
        edges: [
          { id: '1', source: 'a', target: 'b' },
          { id: '2', source: 'b', target: 'c' },
          { id: '3', source: 'a', target: 'c' },
        ],
      }),
    );
    expect(plan.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(plan[2]!.deps.sort()).toEqual(['a', 'b']);
    const template = getNodeDefinition('transform.template', 1)!.execution;
    expect(plan[0]).toMatchObject({
      deps: [],
      retry: planRetry('transform.template'),
      timeoutMs: template.timeoutMs,
      continueOnFailure: false,
    });
  });

  it("takes local or regular from each node's definition", () => {
    const types = ['source.manual', 'transform.template', 'transform.split', 'source.http', 'llm.chat', 'output.results'];
    const plan = buildPlan(parseGraph({ nodes: types.map((type, i) => ({ id: `n${i}`, type, params: {}, position: at })), edges: [] }));
    expect(Object.fromEntries(plan.map((p) => [p.type, p.local]))).toEqual(
      Object.fromEntries(types.map((t) => [t, getNodeDefinition(t, 1)!.execution.local])),
    );
    // Quick nodes that spend nothing and deliver nowhere skip the server round trip (the results inbox
    // keeps one result per run and node); LLM calls and requests that may POST never run locally.
    expect(plan.filter((p) => p.local).map((p) => p.type)).toEqual([
      'source.manual',
      'transform.template',
      'transform.split',
      'output.results',
    ]);
  });

  it('uses the version the graph names', () => {
    const plan = buildPlan(parseGraph({ nodes: [{ id: 's', type: 'transform.split', version: 2, params: {}, position: at }], edges: [] }));
    expect(plan[0]).toMatchObject({ type: 'transform.split', local: getNodeDefinition('transform.split', 2)!.execution.local });
    expect(() =>
      buildPlan(parseGraph({ nodes: [{ id: 'x', type: 'transform.split', version: 9, params: {}, position: at }], edges: [] })),
    ).toThrow(/v9/);
  });

  it('gives LLM nodes the longer default retry budget of their definition', () => {
    const plan = buildPlan(
      parseGraph({ nodes: [n('t'), { id: 'l', type: 'llm.chat', params: { purpose: 'analyze', prompt: 'x' }, position: at }], edges: [] }),
    );
    expect(plan.find((p) => p.id === 'l')!.retry).toEqual(planRetry('llm.chat'));
    expect(plan.find((p) => p.id === 'l')!.retry.maximumAttempts).toBe(5);
    expect(plan.find((p) => p.id === 't')!.retry).toEqual(planRetry('transform.template'));
    expect(plan.find((p) => p.id === 't')!.retry.maximumAttempts).toBe(3);
  });

  it("carries each node's retry, timeout and continue-on-failure settings", () => {
    const [p] = buildPlan(
      parseGraph({
        nodes: [n('x', { retry: { maxAttempts: 7, initialIntervalMs: 50 }, timeoutMs: 1234, continueOnFailure: true })],
        edges: [],
      }),
    );
    expect(p).toMatchObject({
      retry: { ...planRetry('transform.template'), maximumAttempts: 7, initialIntervalMs: 50 },
      timeoutMs: 1234,
      continueOnFailure: true,
    });
  });
});

describe('buildPlan with control flow', () => {
  const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: at });
  it('resolves each edge’s port, nests a loop’s body, and makes the collect node wait for its loop', () => {
    const plan = buildPlan(
      parseGraph({
        nodes: [
          node('in', 'source.manual'),
          node('check', 'flow.if', { operator: 'exists' }),
          node('each', 'flow.loop', { concurrency: 8, onItemError: 'collect' }),
          node('body', 'transform.template', { template: 'x' }),
          node('all', 'flow.collect'),
        ],
        edges: [
          { id: '1', source: 'in', target: 'check' },
          { id: '2', source: 'check', target: 'each' },
          { id: '3', source: 'each', target: 'body', sourceHandle: 'item' },
          { id: '4', source: 'body', target: 'all' },
        ],
      }),
    );
    expect(plan.map((p) => p.id)).toEqual(['in', 'check', 'each', 'all']);
    expect(plan[1]!.edges).toEqual([{ from: 'in', port: 'out' }]);
    // No handle: the first output of flow.if, "true".
    expect(plan[2]!.edges).toEqual([{ from: 'check', port: 'true' }]);
    expect(plan[2]!.control).toBe('loop');
    expect(plan[2]!.loop).toMatchObject({
      concurrency: 8,
      onItemError: 'collect',
      body: [expect.objectContaining({ id: 'body', deps: ['each'] })],
    });
    expect(plan[3]).toMatchObject({ deps: ['each'], edges: [{ from: 'each', port: 'item' }], control: 'collect' });
  });

  it('sizes loop batches so that a batch’s history stays small, at least one lane-full', () => {
    expect(loopBatchSize(1, 4)).toBe(250);
    expect(loopBatchSize(10, 4)).toBe(79);
    expect(loopBatchSize(200, 16)).toBe(16);
  });
});

describe('buildPlan: disabled nodes', () => {
  it('passes the input of a disabled node with one input on, and skips one with none or several', () => {
    const off = (id: string) => ({ ...n(id), disabled: true });
    const plan = buildPlan(
      parseGraph({
        nodes: [n('a'), n('b'), off('one'), off('none'), off('two'), n('after')],
        edges: [
          { id: '1', source: 'a', target: 'one' },
          { id: '2', source: 'a', target: 'two' },
          { id: '3', source: 'b', target: 'two' },
          { id: '4', source: 'one', target: 'after' },
        ],
      }),
    );
    const byId = Object.fromEntries(plan.map((p) => [p.id, p]));
    expect(byId.one!.disabled).toBe('pass');
    expect(byId.none!.disabled).toBe('skip');
    expect(byId.two!.disabled).toBe('skip');
    // An enabled node's plan carries no `disabled` at all: plans stay as they were before the field existed.
    expect('disabled' in byId.after!).toBe(false);
    expect(byId.after!.deps).toEqual(['one']);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NodeError } from './errors';
import { executeNode } from './runtime';
import { rejection, testContext } from './testing/context';
import type { NodeDefinition } from './types';

function probe(extra: Partial<NodeDefinition> = {}): NodeDefinition & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    id: 'test.probe',
    version: 1,
    category: 'transform',
    title: 'Probe',
    description: 'Records its params',
    docs: '',
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [{ name: 'out', type: 'any' }],
    params: z.object({
      text: z.string().default('d'),
      count: z.number().int().min(0).default(1),
      value: z.string().optional(),
      code: z.string().optional(),
      headers: z.record(z.string(), z.string()).default({}),
    }),
    valueParams: ['value'],
    literalParams: ['code'],
    async run(params, inputs) {
      seen.push({ params, inputs });
      return { ok: true };
    },
    seen,
    ...extra,
  } as NodeDefinition & { seen: unknown[] };
}

const scope = { input: { n: 5, user: { name: 'Ada' } }, nodes: { up: { output: { list: [1, 2] } } } };

describe('executeNode', () => {
  it('renders templates, applies defaults and passes inputs through', async () => {
    const def = probe();
    const ctx = await testContext({ input: scope.input });
    const inputs = { all: ['x'], byNode: { up: 'x' }, byPort: { in: ['x'] } };
    const res = await executeNode(def, { text: 'Hi {{ input.user.name }}', headers: { 'X-N': '{{ input.n }}' } }, scope, ctx, inputs);
    expect(res.output).toEqual({ ok: true });
    expect(res.params).toEqual({ text: 'Hi Ada', count: 1, headers: { 'X-N': '5' } });
    expect(def.seen).toEqual([{ params: res.params, inputs }]);
  });

  it('turns a single expression into text in text params, keeps the value in value params', async () => {
    const def = probe();
    const ctx = await testContext();
    const res = await executeNode(def, { text: '{{ nodes.up.output.list }}', value: '{{ nodes.up.output.list }}' }, scope, ctx);
    expect(res.params).toMatchObject({ text: '[\n  1,\n  2\n]', value: [1, 2] });
  });

  it('leaves literal params untouched', async () => {
    const def = probe();
    const res = await executeNode(def, { code: '{{ not a template' }, scope, await testContext());
    expect(res.params).toMatchObject({ code: '{{ not a template' });
  });

  it('fails with EXPRESSION_ERROR naming the node and the param', async () => {
    const def = probe();
    const err = await rejection(
      executeNode(def, { headers: { Auth: 'Bearer {{ input.token }}' } }, scope, await testContext({ nodeId: 'call' })),
    );
    expect(err).toBeInstanceOf(NodeError);
    expect(err.code).toBe('EXPRESSION_ERROR');
    expect(err.retryable).toBe(false);
    expect(err.message).toBe(
      'Node "call" (test.probe): Parameter "headers.Auth": input.token does not exist: input has no field "token" (it has: n, user)',
    );
    expect(def.seen).toEqual([]);
  });

  it('fails with INVALID_PARAMS naming each bad param', async () => {
    const def = probe();
    const err = await rejection(executeNode(def, { count: -1, text: 7 }, scope, await testContext({ nodeId: 'p' })));
    expect(err.code).toBe('INVALID_PARAMS');
    expect(err.message).toBe(
      'Node "p" (test.probe): parameter "text": expected string, received number; parameter "count": Too small: expected number to be >=0.',
    );
  });

  it('keeps code and retryability of typed errors, and makes unknown errors retryable NODE_FAILED', async () => {
    const typed = probe({
      async run() {
        throw Object.assign(new Error('Your key was rejected (401).'), { code: 'LLM_AUTH_FAILED', retryable: false, status: 401 });
      },
    });
    const e1 = await rejection(executeNode(typed, {}, scope, await testContext({ nodeId: 'n' })));
    expect(e1).toMatchObject({
      code: 'LLM_AUTH_FAILED',
      retryable: false,
      status: 401,
      message: 'Your key was rejected (401).',
      nodeId: 'n',
    });
    const bug = probe({
      async run() {
        throw new TypeError('x is not a function');
      },
    });
    const e2 = await rejection(executeNode(bug, {}, scope, await testContext()));
    expect(e2).toMatchObject({ code: 'NODE_FAILED', retryable: true, message: 'x is not a function' });
  });

  it('reports cancellation as CANCELLED, before and during the run', async () => {
    const before = new AbortController();
    before.abort();
    const def = probe();
    expect((await rejection(executeNode(def, {}, scope, await testContext({ signal: before.signal })))).code).toBe('CANCELLED');
    expect(def.seen).toEqual([]);

    const during = new AbortController();
    const slow = probe({
      run: (_p, _i, ctx) => new Promise((_, reject) => ctx.signal!.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    const pending = executeNode(slow, {}, scope, await testContext({ signal: during.signal }));
    during.abort();
    expect((await rejection(pending)).code).toBe('CANCELLED');
  });
});

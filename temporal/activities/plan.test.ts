import { describe, expect, it } from 'vitest';
import { parseGraph } from '@bm/graph';
import { DEFAULT_LLM_RETRY, DEFAULT_NODE_TIMEOUT_MS, DEFAULT_RETRY } from '../shared';
import { buildPlan } from './plan';

const n = (id: string, settings?: object) => ({ id, type: 'transform.template', params: { template: id }, position: { x: 0, y: 0 }, ...(settings ? { settings } : {}) });

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
    expect(plan[0]).toMatchObject({ deps: [], retry: DEFAULT_RETRY, timeoutMs: DEFAULT_NODE_TIMEOUT_MS, continueOnFailure: false });
  });

  it('runs pure transforms as local activities and nodes with outside I/O as regular ones', () => {
    const plan = buildPlan(
      parseGraph({
        nodes: [n('t'), { id: 'h', type: 'source.http', params: { url: 'https://example.com' }, position: { x: 0, y: 0 } }],
        edges: [],
      }),
    );
    expect(Object.fromEntries(plan.map((p) => [p.id, p.local]))).toEqual({ t: true, h: false });
  });

  it('gives LLM nodes a longer default retry budget than other nodes', () => {
    const plan = buildPlan(
      parseGraph({ nodes: [n('t'), { id: 'l', type: 'llm.chat', params: { purpose: 'analyze', prompt: 'x' }, position: { x: 0, y: 0 } }], edges: [] }),
    );
    expect(plan.find((p) => p.id === 'l')!.retry).toEqual(DEFAULT_LLM_RETRY);
    expect(plan.find((p) => p.id === 't')!.retry).toEqual(DEFAULT_RETRY);
  });

  it("carries each node's retry, timeout and continue-on-failure settings", () => {
    const [p] = buildPlan(parseGraph({ nodes: [n('x', { retry: { maxAttempts: 7, initialIntervalMs: 50 }, timeoutMs: 1234, continueOnFailure: true })], edges: [] }));
    expect(p).toMatchObject({ retry: { ...DEFAULT_RETRY, maximumAttempts: 7, initialIntervalMs: 50 }, timeoutMs: 1234, continueOnFailure: true });
  });
});

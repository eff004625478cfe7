import { describe, expect, it } from 'vitest';
import type { NodeRun, RunDetail } from '@bm/contract';
import { createEditorStore } from './editor-store';

const nodeRun = (nodeId: string, status: NodeRun['status'], extra: Partial<NodeRun> = {}): NodeRun => ({
  nodeId,
  type: 'transform.template',
  status,
  input: null,
  output: null,
  error: null,
  attempts: 1,
  reused: false,
  startedAt: null,
  finishedAt: null,
  costUsd: null,
  ...extra,
});
const run = (id: string, nodes: NodeRun[]): RunDetail => ({
  id,
  botId: 'bot1',
  version: 1,
  status: 'succeeded',
  trigger: 'manual',
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  error: null,
  resumedFromId: null,
  costUsd: 0,
  unpricedCalls: 0,
  input: null,
  nodes,
});

describe('a loop item in the run view', () => {
  it('shows the picked item’s node runs over the body nodes, keeps them across refreshes, and drops them for another run', () => {
    const store = createEditorStore();
    const top = [nodeRun('each', 'succeeded'), nodeRun('shout', 'pending'), nodeRun('all', 'succeeded')];
    store.getState().setRun(run('r1', top));
    store.getState().setLoops([{ nodeId: 'each', items: [{ item: 0, status: 'failed' }] }]);
    store.getState().setRunItem({ loopId: 'each', item: 0, nodes: null });
    expect(store.getState().runNodes.shout!.status).toBe('pending');
    store.getState().setRunItem({ loopId: 'each', item: 0, nodes: [nodeRun('shout', 'failed', { item: 0 })] });
    expect(store.getState().runNodes.shout!.status).toBe('failed');
    expect(store.getState().runNodes.each!.status).toBe('succeeded');

    // The same run read again keeps the item on show.
    store.getState().setRun(run('r1', top));
    expect(store.getState().runNodes.shout!.status).toBe('failed');
    store.getState().setRunItem(null);
    expect(store.getState().runNodes.shout!.status).toBe('pending');

    store.getState().setRunItem({ loopId: 'each', item: 0, nodes: [nodeRun('shout', 'failed', { item: 0 })] });
    store.getState().setRun(run('r2', top));
    expect(store.getState().runItem).toBeNull();
    expect(store.getState().loops).toEqual([]);
    expect(store.getState().runNodes.shout!.status).toBe('pending');
  });
});

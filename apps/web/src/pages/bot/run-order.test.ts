import { describe, expect, it } from 'vitest';
import type { NodeRun } from '@bm/contract';
import { inRunOrder } from './run-order';

const node = (nodeId: string, startedAt: string | null): NodeRun => ({
  nodeId,
  type: 't',
  status: 'pending',
  input: null,
  output: null,
  error: null,
  attempts: 0,
  reused: false,
  startedAt,
  finishedAt: null,
  costUsd: null,
});

describe('inRunOrder', () => {
  it('sorts by start time and keeps never-started nodes last in their given order', () => {
    const nodes = [
      node('chat', '2026-01-01T00:00:02Z'),
      node('skipped', null),
      node('rss', '2026-01-01T00:00:00Z'),
      node('pending', null),
      node('filter', '2026-01-01T00:00:01Z'),
    ];
    expect(inRunOrder(nodes).map((n) => n.nodeId)).toEqual(['rss', 'filter', 'chat', 'skipped', 'pending']);
  });
});

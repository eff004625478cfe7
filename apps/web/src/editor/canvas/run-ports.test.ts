import { describe, expect, it } from 'vitest';
import type { NodeRun } from '@bm/contract';
import { portTaken, skipReason } from './run-ports';

const run = (nodeId: string, status: NodeRun['status'], ports?: string[]): NodeRun =>
  ({ nodeId, type: 'flow.if', status, attempts: 1, ...(ports ? { ports } : {}) }) as NodeRun;

describe('taken and not-taken branches in a run', () => {
  it('reads the ports a branching node took, and never the error output of a success', () => {
    expect(portTaken(run('if', 'succeeded', ['true']), 'true')).toBe(true);
    expect(portTaken(run('if', 'succeeded', ['true']), 'false')).toBe(false);
    expect(portTaken(run('llm', 'succeeded'), 'out')).toBeUndefined();
    expect(portTaken(run('llm', 'succeeded'), 'error')).toBe(false);
    expect(portTaken(run('llm', 'failed', ['error']), 'error')).toBe(true);
    expect(portTaken(run('if', 'running'), 'true')).toBeUndefined();
  });

  it('says a node was skipped for its branch when an edge into it comes from a port not taken', () => {
    const edges = [
      { id: 'e1', source: 'if', target: 'a', sourceHandle: 'true' },
      { id: 'e2', source: 'if', target: 'b', sourceHandle: 'false' },
      { id: 'e3', source: 'b', target: 'c', sourceHandle: 'out' },
    ];
    const runs = { if: run('if', 'succeeded', ['true']), b: run('b', 'skipped') };
    expect(skipReason('b', edges, runs)).toBe('branch');
    expect(skipReason('c', edges, runs)).toBe('upstream');
  });
});

import { describe, expect, it } from 'vitest';
import type { NodeRun } from '@bm/contract';
import { testCatalogue } from '../store/testing';
import { buildExpressionData, parseSample, type UpstreamFacts } from './expression-data';

const chat = testCatalogue.find((d) => d.id === 'llm.chat')!;
const run = (output: unknown, extra: Partial<NodeRun> = {}): NodeRun => ({
  nodeId: 'x',
  type: 'llm.chat',
  status: 'succeeded',
  input: null,
  output,
  error: null,
  attempts: 1,
  reused: false,
  startedAt: null,
  finishedAt: null,
  costUsd: null,
  ...extra,
});
const facts = (nodeId: string, more: Partial<UpstreamFacts>): UpstreamFacts => ({
  nodeId,
  title: nodeId,
  def: chat,
  pinned: undefined,
  nodeRun: undefined,
  ...more,
});

describe('buildExpressionData', () => {
  it('prefers pinned data, then the last run, then the node type description', () => {
    const schemaDef = { ...chat, output: { ...chat.output, schema: { type: 'object', properties: { text: { type: 'string' } } } } };
    const d = buildExpressionData(
      { value: { topic: 't' }, source: 'sample' },
      [
        facts('pinned', { pinned: { text: 'from pin' }, nodeRun: run({ text: 'from run' }) }),
        facts('ran', { nodeRun: run({ text: 'from run' }) }),
        facts('failed', { def: schemaDef, nodeRun: run(null, { status: 'failed' }) }),
        facts('large', { def: schemaDef, nodeRun: run(undefined, { outputRef: '/api/runs/r/nodes/large/output' }) }),
        facts('never', { def: undefined }),
      ],
      ['TOKEN'],
    );
    expect(d.trees.map((t) => t.source)).toEqual(['sample', 'pinned', 'run', 'schema', 'schema', 'none']);
    expect(d.trees[4]!.large).toBe(true);
    expect(d.preview.outputs).toEqual({ pinned: { text: 'from pin' }, ran: { text: 'from run' } });
    expect([...d.preview.noData]).toEqual(['failed', 'large', 'never']);
    expect(d.preview.input).toEqual({ topic: 't' });
    expect(d.completion.nodes.map((n) => n.nodeId)).toEqual(['pinned', 'ran', 'failed', 'large', 'never']);
    expect(d.completion.secrets).toEqual(['TOKEN']);
    expect(d.trees[3]!.fields!.map((f) => f.label)).toEqual(['text']);
  });

  it('has no input tree fields without an input', () => {
    const d = buildExpressionData({ value: undefined, source: 'none' }, [], null);
    expect(d.trees).toHaveLength(1);
    expect(d.trees[0]).toMatchObject({ source: 'none', fields: undefined });
    expect(d.completion.secrets).toEqual([]);
    expect(d.preview.secrets).toBeNull();
  });
});

describe('parseSample', () => {
  it('reads JSON text and passes values through', () => {
    expect(parseSample('{ "a": 1 }')).toEqual({ a: 1 });
    expect(parseSample({ a: 1 })).toEqual({ a: 1 });
    expect(parseSample('')).toBeUndefined();
    expect(parseSample('not json')).toBe('not json');
  });
});

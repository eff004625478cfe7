import { describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../test-support/context';
import { transformJsonata } from './definition';

const feed = { items: [{ title: 'A', score: 3 }, { title: 'B', score: 9 }, { title: 'C', score: 6 }] };

describe('transform.jsonata', () => {
  it('evaluates against the first connected output', async () => {
    const out = await runNode(transformJsonata, { expression: 'items[score > 5].title' }, await testContext(), [['rss', feed]]);
    expect(out).toEqual(['B', 'C']);
  });

  it('binds $input, $inputs and $nodes', async () => {
    const ctx = await testContext({ input: { min: 4 } });
    const out = await runNode(
      transformJsonata,
      { expression: '{ "kept": $count(items[score >= $input.min]), "second": $inputs[1].n, "byId": $nodes.other.n }' },
      ctx,
      [['rss', feed], ['other', { n: 42 }]],
    );
    expect(out).toEqual({ kept: 2, second: 42, byId: 42 });
  });

  it('uses the run input as the root when nothing is connected', async () => {
    expect(await runNode(transformJsonata, { expression: '$uppercase(name)' }, await testContext({ input: { name: 'ada' } }))).toBe('ADA');
  });

  it('outputs plain JSON, and null for no result', async () => {
    const seq = await runNode(transformJsonata, { expression: 'items.score' }, await testContext(), [['rss', feed]]);
    expect(seq).toEqual([3, 9, 6]);
    expect(Object.keys(seq as object)).toEqual(['0', '1', '2']);
    expect(await runNode(transformJsonata, { expression: 'nothing.here' }, await testContext(), [['rss', feed]])).toBeNull();
  });

  it('does not treat {{ }} as a template', async () => {
    const out = await runNode(transformJsonata, { expression: '{"a": {"b": 1}}.a' }, await testContext(), [['x', {}]]);
    expect(out).toEqual({ b: 1 });
  });

  it('rejects a syntax error at validation, with its position', async () => {
    const err = await rejection(runNode(transformJsonata, { expression: 'items[score >' }, await testContext(), [['rss', feed]]));
    expect(err.code).toBe('INVALID_PARAMS');
    expect(err.message).toMatch(/parameter "expression": invalid JSONata: .*at character \d+/);
  });

  it('reports evaluation errors', async () => {
    const err = await rejection(runNode(transformJsonata, { expression: '$number("abc")' }, await testContext(), [['x', {}]]));
    expect(err.code).toBe('JSONATA_ERROR');
    expect(err.message).toContain('JSONata evaluation failed');
  });

  it('stops runaway recursion and endless loops', async () => {
    const deep = await rejection(runNode(transformJsonata, { expression: '($f := function($n) { 1 + $f($n + 1) }; $f(0))' }, await testContext(), [['x', {}]]));
    expect(deep.code).toBe('JSONATA_LIMIT');
    expect(deep.message).toContain('Stack overflow');
    const tail = await rejection(runNode(transformJsonata, { expression: '($f := function($n) { $f($n + 1) }; $f(0))', timeoutMs: 100 }, await testContext(), [['x', {}]]));
    expect(tail.code).toBe('JSONATA_LIMIT');
    const started = Date.now();
    const slow = await rejection(
      runNode(transformJsonata, { expression: '($f := function($n) { $n > 0 ? $f($n - 1) + $f($n - 1) : 1 }; $f(40))', timeoutMs: 200 }, await testContext(), [['x', {}]]),
    );
    expect(slow.code).toBe('JSONATA_LIMIT');
    expect(slow.message).toContain('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

import { describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { transformJsonata } from './definition';
import { compileJsonata } from './evaluate';

const feed = {
  items: [
    { title: 'A', score: 3 },
    { title: 'B', score: 9 },
    { title: 'C', score: 6 },
  ],
};

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
      [
        ['rss', feed],
        ['other', { n: 42 }],
      ],
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

  it('runs regexes in linear time: a catastrophic-backtracking pattern returns promptly and correctly', async () => {
    // With JavaScript's backtracking RegExp, each of these calls blocks the process for ~10 s (the
    // evaluation timeout is only checked between steps, so it cannot interrupt them).
    const ctx = await testContext();
    const input: [string, unknown][] = [['x', { s: `${'a'.repeat(27)}!`, ok: 'xaaaa' }]];
    const out = await runNode(
      transformJsonata,
      { expression: '{ "match": $match(s, /(a+)+$/), "contains": $contains(s, /(a+)+$/), "ok": $match(ok, /(a+)+$/) }' },
      ctx,
      input,
    );
    expect(out).toEqual({ contains: false, ok: { match: 'aaaa', index: 1, groups: ['aaaa'] } });
    expect(
      await runNode(transformJsonata, { expression: '$replace(s, /(a|aa)+$/, "-") & "|" & $join($split(s, /(a+)+!/), ",")' }, ctx, input),
    ).toBe(`${'a'.repeat(27)}!|,`);
    // A regex built at run time through $eval goes through the same engine.
    expect(await runNode(transformJsonata, { expression: '$eval("$contains(s, /(a+)+$/) or $contains(ok, /(a+)+$/)")' }, ctx, input)).toBe(
      true,
    );
    const dynamic = await rejection(runNode(transformJsonata, { expression: '$eval("$match(s, /(a)\\\\1/)")' }, ctx, input));
    expect(dynamic).toMatchObject({
      code: 'JSONATA_ERROR',
      retryable: false,
      message: expect.stringMatching(/uses a backreference .*, which is not supported/),
    });
  });

  it('keeps ordinary regex behaviour: flags, anchors, groups, $replace and $split', async () => {
    const ctx = await testContext();
    const data: [string, unknown][] = [['x', { text: 'Hello hello\nHELLO world', date: 'on 2026-01-02 and 2026-03-04' }]];
    const run = (expression: string) => runNode(transformJsonata, { expression }, ctx, data);
    expect(await run('$match(text, /h(el)(x)?lo/i)')).toEqual([
      { match: 'Hello', index: 0, groups: ['el', null] },
      { match: 'hello', index: 6, groups: ['el', null] },
      { match: 'HELLO', index: 12, groups: ['EL', null] },
    ]);
    expect(await run('$match(text, /h(el)lo/)')).toEqual({ match: 'hello', index: 6, groups: ['el'] });
    expect(await run('$match(text, /^\\w+/m).match')).toEqual(['Hello', 'HELLO']);
    expect(await run('$match(text, /^\\w+/).match')).toBe('Hello');
    expect(await run('$contains(text, /world$/)')).toBe(true);
    expect(await run('$contains(text, /^world/)')).toBe(false);
    expect(await run('$replace(date, /(\\d{4})-(\\d\\d)-(\\d\\d)/, "$3.$2.$1")')).toBe('on 02.01.2026 and 04.03.2026');
    expect(await run('$split(date, /\\s*and\\s*/)')).toEqual(['on 2026-01-02', '2026-03-04']);
    expect(await run('$match(date, /(?<y>\\d{4})-\\d\\d/, 1)')).toEqual({ match: '2026-01', index: 3, groups: ['2026'] });
  });

  it('rejects a regex the linear-time engine does not support at validation, saying why', async () => {
    const err = await rejection(
      runNode(transformJsonata, { expression: '$match(text, /(\\w)\\1/)' }, await testContext(), [['x', { text: 'aa' }]]),
    );
    expect(err).toMatchObject({ code: 'INVALID_PARAMS', retryable: false });
    expect(err.message).toContain('Regular expression /(\\w)\\1/ uses a backreference (\\1), which is not supported.');
    const look = await rejection(
      runNode(transformJsonata, { expression: '$contains(text, /a(?!b)/)' }, await testContext(), [['x', { text: 'aa' }]]),
    );
    expect(look.message).toMatch(
      /invalid JSONata: Regular expression \/a\(\?!b\)\/ uses lookahead .*no backreferences.* \(at character \d+\)/,
    );
    // compileJsonata (also used by the filter's jsonata mode) checks the literals too.
    let compiled: unknown;
    try {
      compileJsonata('$contains(title, /(?<=a)b/i)');
    } catch (e) {
      compiled = e;
    }
    expect(compiled).toMatchObject({
      code: 'INVALID_PARAMS',
      retryable: false,
      message: expect.stringMatching(/^JSONata expression at character \d+: Regular expression \/\(\?<=a\)b\/ uses lookbehind/),
    });
  });

  it('reports evaluation errors', async () => {
    const err = await rejection(runNode(transformJsonata, { expression: '$number("abc")' }, await testContext(), [['x', {}]]));
    expect(err.code).toBe('JSONATA_ERROR');
    expect(err.message).toContain('JSONata evaluation failed');
  });

  it('stops runaway recursion and endless loops', async () => {
    const deep = await rejection(
      runNode(transformJsonata, { expression: '($f := function($n) { 1 + $f($n + 1) }; $f(0))' }, await testContext(), [['x', {}]]),
    );
    expect(deep.code).toBe('JSONATA_LIMIT');
    expect(deep.message).toContain('Stack overflow');
    const tail = await rejection(
      runNode(transformJsonata, { expression: '($f := function($n) { $f($n + 1) }; $f(0))', timeoutMs: 100 }, await testContext(), [
        ['x', {}],
      ]),
    );
    expect(tail.code).toBe('JSONATA_LIMIT');
    const started = Date.now();
    const slow = await rejection(
      runNode(
        transformJsonata,
        { expression: '($f := function($n) { $n > 0 ? $f($n - 1) + $f($n - 1) : 1 }; $f(40))', timeoutMs: 200 },
        await testContext(),
        [['x', {}]],
      ),
    );
    expect(slow.code).toBe('JSONATA_LIMIT');
    expect(slow.message).toContain('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

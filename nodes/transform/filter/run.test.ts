import { describe, expect, it, vi } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { matches, type Operator } from '../../shared/conditions';
import { transformFilter } from './definition';

const items = [
  { title: 'AI beats humans at Go', score: 9, tags: ['ai', 'games'], published: '2026-01-03T10:00:00Z', author: { name: 'Ana' } },
  { title: 'Local bakery opens', score: '2', tags: [], published: '2026-01-01T08:00:00Z', author: null },
  { title: 'New AI chip', score: 6, tags: ['ai'], published: '2026-01-02T09:00:00Z' },
];
const titles = (out: { items: unknown[] }) => out.items.map((i) => (i as { title: string }).title);
const rss: [string, unknown][] = [['rss', { feed: {}, items }]];

describe('transform.filter', () => {
  it('filters the upstream items by a condition (contains, case-insensitive by default)', async () => {
    const out = await runNode(transformFilter, { field: 'title', operator: 'contains', value: 'ai' }, await testContext(), rss);
    expect(titles(out)).toEqual(['AI beats humans at Go', 'New AI chip']);
  });

  it('honours caseSensitive', async () => {
    const out = await runNode(
      transformFilter,
      { field: 'title', operator: 'contains', value: 'ai', caseSensitive: true },
      await testContext(),
      rss,
    );
    expect(titles(out)).toEqual([]);
  });

  it('compares numbers (also numeric strings) and ISO dates', async () => {
    expect(titles(await runNode(transformFilter, { field: 'score', operator: 'gt', value: '5' }, await testContext(), rss))).toEqual([
      'AI beats humans at Go',
      'New AI chip',
    ]);
    expect(titles(await runNode(transformFilter, { field: 'score', operator: 'lte', value: '2' }, await testContext(), rss))).toEqual([
      'Local bakery opens',
    ]);
    expect(
      titles(await runNode(transformFilter, { field: 'published', operator: 'gte', value: '2026-01-02' }, await testContext(), rss)),
    ).toEqual(['AI beats humans at Go', 'New AI chip']);
  });

  it('takes the value from an expression, keeping its type', async () => {
    const out = await runNode(
      transformFilter,
      { field: 'score', operator: 'equals', value: '{{ input.min }}' },
      await testContext({ input: { min: 6 } }),
      rss,
    );
    expect(titles(out)).toEqual(['New AI chip']);
  });

  it('tests nested fields, list membership, existence and emptiness', async () => {
    const run = (params: Record<string, unknown>) => runNode(transformFilter, params, testContextSync, rss).then(titles);
    const testContextSync = await testContext();
    expect(await run({ field: 'author.name', operator: 'equals', value: 'ana' })).toEqual(['AI beats humans at Go']);
    expect(await run({ field: 'tags', operator: 'contains', value: 'games' })).toEqual(['AI beats humans at Go']);
    expect(await run({ field: 'author', operator: 'exists' })).toEqual(['AI beats humans at Go']);
    expect(await run({ field: 'author', operator: 'notExists' })).toEqual(['Local bakery opens', 'New AI chip']);
    expect(await run({ field: 'tags', operator: 'isEmpty' })).toEqual(['Local bakery opens']);
    expect(await run({ field: 'title', operator: 'regex', value: '^(new|local)\\b' })).toEqual(['Local bakery opens', 'New AI chip']);
    expect(await run({ field: 'title', operator: 'startsWith', value: 'new' })).toEqual(['New AI chip']);
    expect(await run({ field: 'title', operator: 'notContains', value: 'ai' })).toEqual(['Local bakery opens']);
  });

  it('filters with a JSONata expression per item', async () => {
    const out = await runNode(
      transformFilter,
      { mode: 'jsonata', expression: '$number(score) > 5 and $index > 0 and "ai" in tags' },
      await testContext(),
      rss,
    );
    expect(titles(out)).toEqual(['New AI chip']);
  });

  it('finds the list: an array upstream, a path, or an expression', async () => {
    const ctx = await testContext();
    const onArray = await runNode(transformFilter, { operator: 'equals', value: 'b' }, ctx, [['x', ['a', 'b', 'B']]]);
    expect(onArray.items).toEqual(['b', 'B']);
    const byPath = await runNode(transformFilter, { items: 'body.results', field: 'n', operator: 'gt', value: '1' }, ctx, [
      ['http', { body: { results: [{ n: 1 }, { n: 2 }] } }],
    ]);
    expect(byPath.items).toEqual([{ n: 2 }]);
    const byExpr = await runNode(
      transformFilter,
      { items: '{{ nodes.http.output.body.results }}', field: 'n', operator: 'lt', value: '2' },
      ctx,
      [['rss', {}]],
      {
        http: { output: { body: { results: [{ n: 1 }, { n: 2 }] } } },
      },
    );
    expect(byExpr.items).toEqual([{ n: 1 }]);
  });

  it('fails clearly when there is no list', async () => {
    const err = await rejection(
      runNode(transformFilter, { operator: 'exists' }, await testContext(), [['http', { status: 200, body: 'x' }]]),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('got an object with status, body');
    const path = await rejection(
      runNode(transformFilter, { items: 'body', operator: 'exists' }, await testContext(), [['http', { status: 200, body: 'x' }]]),
    );
    expect(path.message).toBe('"body" in the upstream output is a string, not a list.');
  });

  it('runs regexes in linear time: a catastrophic-backtracking pattern returns promptly and correctly', async () => {
    // With a backtracking RegExp, `(a+)+$` on 27 "a"s and a "!" blocks the process for ~10 s.
    const list = [{ title: `${'a'.repeat(27)}!` }, { title: 'aaaa' }, { title: 'AAA' }, { title: 'baa!' }];
    const run = (params: Record<string, unknown>) =>
      runNode(transformFilter, { field: 'title', operator: 'regex', ...params }, ctx, [['x', list]]).then(titles);
    const ctx = await testContext();
    expect(await run({ value: '(a+)+$' })).toEqual(['aaaa', 'AAA']);
    expect(await run({ value: '(a+)+$', caseSensitive: true })).toEqual(['aaaa']);
  });

  it('keeps ordinary regex behaviour: case, anchors, groups, classes', async () => {
    const run = (params: Record<string, unknown>) =>
      runNode(transformFilter, { field: 'title', operator: 'regex', ...params }, ctx, rss).then(titles);
    const ctx = await testContext();
    expect(await run({ value: '^new' })).toEqual(['New AI chip']);
    expect(await run({ value: '^new', caseSensitive: true })).toEqual([]);
    expect(await run({ value: 'chip$' })).toEqual(['New AI chip']);
    expect(await run({ value: '(?<word>bak(ery|er))\\s+\\w+' })).toEqual(['Local bakery opens']);
    expect(await run({ value: '\\b[A-Z]{2}\\b', caseSensitive: true })).toEqual(['AI beats humans at Go', 'New AI chip']);
  });

  it.each([
    ['(\\w)\\1', 'a backreference (\\1)'],
    ['AI(?= chip)', 'lookahead ((?=…)'],
    ['(?<!New )AI', 'lookbehind ((?<!…)'],
  ])('rejects the unsupported regex %s clearly (%s), without retrying', async (value, feature) => {
    const err = await rejection(runNode(transformFilter, { field: 'title', operator: 'regex', value }, await testContext(), rss));
    expect(err).toMatchObject({ code: 'INVALID_PARAMS', retryable: false });
    expect(err.message).toContain(`Parameter "value" uses ${feature}, which is not supported.`);
    expect(err.message).toContain('no backreferences');
  });

  it('uses the linear-time engine for regexes in JSONata mode too', async () => {
    const list = [{ title: `${'a'.repeat(27)}!` }, { title: 'AAAA' }];
    const out = await runNode(transformFilter, { mode: 'jsonata', expression: '$contains(title, /(a+)+$/i)' }, await testContext(), [
      ['x', list],
    ]);
    expect(titles(out)).toEqual(['AAAA']);
  });

  it('validates the condition', async () => {
    expect((await rejection(runNode(transformFilter, { operator: 'equals' }, await testContext(), rss))).message).toContain(
      'parameter "value" is required for the "equals" operator',
    );
    expect((await rejection(runNode(transformFilter, { operator: 'regex', value: '(' }, await testContext(), rss))).message).toContain(
      'not a valid regular expression',
    );
    expect((await rejection(runNode(transformFilter, { mode: 'jsonata' }, await testContext(), rss))).message).toContain(
      'parameter "expression" is required in jsonata mode',
    );
    expect((await rejection(runNode(transformFilter, { field: 'a..b', operator: 'exists' }, await testContext(), rss))).message).toContain(
      'Parameter "field" is not a valid path',
    );
  });
});

describe('matches', () => {
  const cases: [unknown, Operator, unknown, boolean][] = [
    [5, 'equals', '5', true],
    ['5', 'equals', 5, true],
    ['Abc', 'equals', 'abc', true],
    [true, 'equals', 'true', true],
    [null, 'equals', null, true],
    [0, 'isEmpty', undefined, false],
    ['', 'isEmpty', undefined, true],
    [{}, 'isNotEmpty', undefined, false],
    ['abc', 'gt', 'abd', false],
    [undefined, 'contains', 'x', false],
    [undefined, 'notContains', 'x', true],
    [10, 'gte', 10, true],
    ['2026-01-02', 'lt', '2026-01-10T00:00:00Z', true],
    [undefined, 'regex', '.*', false],
  ];
  it.each(cases)('%j %s %j → %s', (actual, op, value, expected) => {
    expect(matches(actual, op, value, { caseSensitive: false })).toBe(expected);
  });

  it('keeps an item in jsonata mode only when the expression is exactly true', async () => {
    const list = [
      { id: 1, v: true },
      { id: 2, v: 'false' },
      { id: 3, v: {} },
      { id: 4, v: 1 },
      { id: 5, v: 'true' },
      { id: 6, v: [true, true] },
    ];
    const out = await runNode(transformFilter, { mode: 'jsonata', expression: 'v' }, await testContext(), [['x', list]]);
    expect(out.items).toEqual([{ id: 1, v: true }]);
    for (const expression of ['[]', '{}', '"false"', '[1]', '{"a": 1}']) {
      expect((await runNode(transformFilter, { mode: 'jsonata', expression }, await testContext(), [['x', list]])).items).toEqual([]);
    }
  });

  it('gives the whole list one time budget in jsonata mode, instead of a fresh timeout per item', async () => {
    // A fake clock that advances 100 ms each time it is read: every item's evaluation takes well
    // under JSONata's 1 s timeout, but 200 items together use up the list's budget (10 s).
    let now = 1_000_000;
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => (now += 100));
    try {
      const list = Array.from({ length: 200 }, (_, i) => ({ i }));
      const err = await rejection(runNode(transformFilter, { mode: 'jsonata', expression: 'i >= 0' }, await testContext(), [['x', list]]));
      expect(err).toMatchObject({ code: 'JSONATA_LIMIT', retryable: false });
      expect(err.message).toContain("the filter's time budget of 10000 ms for the whole list (200 items) was used up");
      // A short list gets 1 s per item.
      const few = await runNode(transformFilter, { mode: 'jsonata', expression: 'i >= 0' }, await testContext(), [['x', list.slice(0, 2)]]);
      expect(few.items).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  });
});

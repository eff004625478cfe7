import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { transformFilter } from '../filter/definition';
import { transformJsonata } from './definition';
import { compileJsonata, evaluateJsonata, toPlainJson } from './evaluate';

const guarded = (expression: string, data: unknown = {}) => evaluateJsonata(compileJsonata(expression), data, {});
const plain = (expression: string, data: unknown = {}) => jsonata(expression).evaluate(data);

/** 11M characters, built with `&` (one step each), so no guarded built-in produced it. */
const ELEVEN_MILLION = '($m := $pad("", 1000000, "x"); $m & $m & $m & $m & $m & $m & $m & $m & $m & $m & $m)';

describe('JSONata built-ins guarded against huge allocations', () => {
  it("keep JSONata's results for normal inputs, including characters outside the BMP", async () => {
    const data = { s: 'a😀b😀c', words: ['x', 'y😀', 'z'] };
    const cases = [
      // $length counts code points
      '$length("hello")',
      '$length("")',
      '$length("😀")',
      '$length(s)',
      '$length(nothing)',
      // $substring is code-point based, with negative starts and lengths
      '$substring("Hello World", 3)',
      '$substring("Hello World", 3, 5)',
      '$substring("Hello World", -4)',
      '$substring("Hello World", -4, 2)',
      '$substring("Hello World", 3, -1)',
      '$substring("Hello", -10, 3)',
      '$substring(s, 1, 3)',
      '$substring("😀😀😀", 1)',
      '$substring(nothing, 1)',
      // $pad: width sign picks the side, multi-character and non-BMP padding
      '$pad("foo", 5)',
      '$pad("foo", -5)',
      '$pad("foo", -5, "#")',
      '$pad("foo", 10, "ab")',
      '$pad("foo", -8, "😀")',
      '$pad("foo", 7, "x😀")',
      '$pad("😀", 3, "-")',
      '$pad("foobar", 3)',
      '$pad("foo", 5.9)',
      '$pad("foo", 5, "")',
      '$pad(nothing, 5)',
      // $split with strings, regexes and limits
      '$split("so many words", " ")',
      '$split("so many words", " ", 2)',
      '$split("so many words", "", 5)',
      '$split("too much, punctuation. hard; to read", /[ ,.;]+/)',
      '$split("too much, punctuation. hard; to read", /[ ,.;]+/, 3)',
      '$split("a😀b", "")',
      '$split("abc", "x")',
      '$split("abc", "b", 0)',
      '$split(nothing, ",")',
      // $join
      '$join(["a", "b", "c"])',
      '$join(["a", "b", "c"], ", ")',
      '$join(words, "😀")',
      '$join("single", ",")',
      '$join([], ",")',
      '$join(nothing)',
      // the picture functions delegate to JSONata
      '$formatInteger(2789, "w")',
      '$formatInteger(12, "000")',
      '$parseInteger("12,345", "#,##0")',
      '$formatNumber(1234.5678, "#,##0.00")',
      // partial application and functions as values still work
      '$map(["a😀", "bc"], $length)',
      '($first2 := $substring(?, 0, 2); $first2("😀😀😀"))',
      '($three := $formatInteger(?, "000"); $three(7))',
      '$map(["ab", "c"], function($v) { $pad($v, 3, "_") })',
    ];
    for (const expression of cases) {
      const ours = toPlainJson(await guarded(expression, data));
      expect({ expression, result: ours }).toEqual({ expression, result: toPlainJson(await plain(expression, data)) });
    }
    expect(await guarded('$pad("foo", -8, "😀")')).toBe('😀😀😀😀😀foo');
    expect(await guarded('$length("a😀b")')).toBe(3);
  });

  it("keeps JSONata's argument errors", async () => {
    for (const expression of ['$split("a,b", ",", -1)', '$pad(1, 2)', '$length(1)']) {
      const err = await rejection(guarded(expression));
      const original = (await plain(expression).catch((e: unknown) => e)) as { code: string };
      expect(err.code).toBe('JSONATA_ERROR');
      expect(err.message).toContain(`(${original.code})`);
    }
  });

  it('refuses $pad beyond a width of 1,000,000 (which could abort the process)', async () => {
    for (const expression of ['$length($pad("", 180000000))', '$pad("", -1000001, "ab")']) {
      const err = await rejection(guarded(expression));
      expect(err).toMatchObject({ code: 'JSONATA_LIMIT', retryable: false });
      expect(err.message).toMatch(/\$pad: the width -?\d+ is beyond the limit of ±1000000/);
    }
    expect(((await guarded('$pad("", 1000000, "😀")')) as string).length).toBe(2_000_000);
  });

  it('refuses $length, $substring, $split and $pad on strings over 10M characters', async () => {
    const calls = {
      length: `$length(${ELEVEN_MILLION})`,
      substring: `$substring(${ELEVEN_MILLION}, 0, 1)`,
      split: `$split(${ELEVEN_MILLION}, "")`,
      pad: `$pad(${ELEVEN_MILLION}, 5)`,
      parseInteger: `$parseInteger("1", ${ELEVEN_MILLION})`,
      formatInteger: `$formatInteger(1, ${ELEVEN_MILLION})`,
    };
    for (const [fn, expression] of Object.entries(calls)) {
      const err = await rejection(guarded(expression));
      expect(err).toMatchObject({ code: 'JSONATA_LIMIT', retryable: false });
      expect(err.message).toMatch(
        new RegExp(`\\$${fn}: the (input string|picture) has 11000000 characters, more than the limit of 10000000`),
      );
    }
    // Just under the limit still works.
    expect(await guarded('$length($join([$pad("", 1000000, "x")], ""))')).toBe(1_000_000);
  });

  it('refuses $split into more than 1,000,000 parts, unless a limit keeps it below', async () => {
    const err = await rejection(guarded('$split($pad("", 1000000, "x") & "x", "")'));
    expect(err).toMatchObject({ code: 'JSONATA_LIMIT', retryable: false });
    expect(err.message).toContain('$split: the result would have more than 1000000 parts');
    expect(await guarded('$count($split($pad("", 1000000, "x") & "x", "", 3))')).toBe(3);
    expect(await guarded('$count($split($pad("", 1000000, "x"), ""))')).toBe(1_000_000);
  });

  it('refuses $join when the result would exceed 10M characters, before joining', async () => {
    const err = await rejection(guarded('$join([1..11].$pad("", 1000000, "x"), $pad("", 1000000, "y"))'));
    expect(err).toMatchObject({ code: 'JSONATA_LIMIT', retryable: false });
    expect(err.message).toContain('$join: the result would have 21000000 characters, more than the limit of 10000000');
  });

  it("applies to the JSONata node and to the filter node's jsonata mode", async () => {
    const node = await rejection(
      runNode(transformJsonata, { expression: '$length($pad("", 180000000))' }, await testContext(), [['x', {}]]),
    );
    expect(node).toMatchObject({ code: 'JSONATA_LIMIT', retryable: false });
    expect(node.message).toContain('$pad');
    const filter = await rejection(
      runNode(transformFilter, { mode: 'jsonata', expression: '$length($pad(title, 180000000)) > 0' }, await testContext(), [
        ['x', [{ title: 'a' }]],
      ]),
    );
    expect(filter).toMatchObject({ code: 'JSONATA_LIMIT', retryable: false });
    expect(filter.message).toContain('$pad');
  });
});

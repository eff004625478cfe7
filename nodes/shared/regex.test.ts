import { describe, expect, it } from 'vitest';
import { NodeError } from '../errors';
import { compileLinearRegex, LinearRegExp } from './regex';

/** `(a+)+$` on this takes the backtracking RegExp about 10 s (it does not match: the text ends in "!"). */
const EVIL = '(a+)+$';
const EVIL_INPUT = `${'a'.repeat(27)}!`;

/** Every match of a global regex, as JavaScript's exec loop (and JSONata) walks them. */
function allMatches(re: { exec(s: string): RegExpExecArray | null; lastIndex: number; global: boolean }, text: string) {
  const out: { values: (string | undefined)[]; index: number; groups?: Record<string, string | undefined>; lastIndex: number }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.global ? re.exec(text) : null) {
    out.push({ values: [...m], index: m.index, groups: m.groups ? { ...m.groups } : undefined, lastIndex: re.lastIndex });
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

function thrown(fn: () => unknown): NodeError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(NodeError);
    return err as NodeError;
  }
  throw new Error('expected an error');
}

describe('compileLinearRegex', () => {
  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const re = compileLinearRegex(EVIL);
    expect(re.test(EVIL_INPUT)).toBe(false);
    expect(re.test('aaaa')).toBe(true);
    expect(compileLinearRegex('^(a|aa)+$').test(`${'a'.repeat(5000)}b`)).toBe(false);
  });

  it('honours the flags and JavaScript syntax', () => {
    expect(compileLinearRegex('^hello').test('Hello world')).toBe(false);
    expect(compileLinearRegex('^hello', { ignoreCase: true }).test('Hello world')).toBe(true);
    expect(compileLinearRegex('^b$').test('a\nb')).toBe(false);
    expect(compileLinearRegex('^b$', { multiline: true }).test('a\nb')).toBe(true);
    expect(compileLinearRegex('a.b').test('a\nb')).toBe(false);
    expect(compileLinearRegex('a.b', { dotAll: true }).test('a\nb')).toBe(true);
    expect(compileLinearRegex('(?<year>\\d{4})-\\u0041\\/').test('2026-A/')).toBe(true);
    expect(compileLinearRegex('^\\\\1$').test('\\1')).toBe(true);
  });

  it.each([
    ['(a)\\1', 'a backreference (\\1)'],
    ['(?<x>a)\\k<x>', 'a backreference (\\k)'],
    ['foo(?=bar)', 'lookahead ((?=…)'],
    ['foo(?!bar)', 'lookahead ((?!…)'],
    ['(?<=a)b', 'lookbehind ((?<=…)'],
    ['(?<!a)b', 'lookbehind ((?<!…)'],
  ])('rejects %s clearly: it uses %s', (pattern, feature) => {
    const err = thrown(() => compileLinearRegex(pattern, {}, 'Parameter "value"'));
    expect(err).toMatchObject({ code: 'INVALID_PARAMS', retryable: false });
    expect(err.message).toContain(`Parameter "value" uses ${feature}, which is not supported.`);
    expect(err.message).toContain('linear-time engine (RE2), which has no backreferences');
  });

  it('names other unsupported constructs by the engine’s own words', () => {
    const err = thrown(() => compileLinearRegex('a{2000}'));
    expect(err.code).toBe('INVALID_PARAMS');
    expect(err.message).toContain('uses a feature that is not supported (invalid repeat count');
  });

  it('reports an invalid pattern as such', () => {
    const err = thrown(() => compileLinearRegex('(', {}, 'Parameter "value"'));
    expect(err).toMatchObject({ code: 'INVALID_PARAMS', retryable: false });
    expect(err.message).toMatch(/^Parameter "value" is not a valid regular expression: .*Unterminated group/);
  });
});

describe('LinearRegExp (the RegExp subset JSONata uses)', () => {
  it.each([
    ['h(el)(x)?lo', 'gi', 'Hello hello HELLO'],
    ['^a(.)', 'gm', 'x\nab\nac'],
    ['(?<y>\\d{4})-(?<m>\\d\\d)', 'g', 'from 2024-01 to 2026-12'],
    ['😀+', 'gu', 'x😀😀y😀'],
    ['a*', 'g', 'baab'],
    ['\\bcat\\b', 'g', 'cat concat cat.'],
    ['[0-9]+', '', 'a1b22'],
  ])('matches /%s/%s like RegExp on %j', (source, flags, text) => {
    expect(allMatches(new LinearRegExp(source, flags), text)).toEqual(allMatches(new RegExp(source, flags), text));
  });

  it('takes its pattern and flags from a RegExp, as JSONata passes them', () => {
    const re = new LinearRegExp(/ab+/gi);
    expect([re.source, re.flags, re.global, re.ignoreCase, re.multiline]).toEqual(['ab+', 'gi', true, true, false]);
    re.lastIndex = 1;
    expect(re.exec('ABBA ab')?.index).toBe(5);
    expect(re.lastIndex).toBe(7);
    expect(re.exec('ABBA ab')).toBeNull();
    expect(re.lastIndex).toBe(0);
  });

  it('does not backtrack', () => {
    const re = new LinearRegExp(EVIL, 'g');
    expect(re.exec(EVIL_INPUT)).toBeNull();
    expect(re.test('xaaa')).toBe(true);
  });

  it('rejects unsupported patterns and flags with a NodeError', () => {
    expect(thrown(() => new LinearRegExp(/(?=a)/g)).message).toContain(
      'Regular expression /(?=a)/ uses lookahead ((?=…), which is not supported.',
    );
    expect(thrown(() => new LinearRegExp('a', 'y')).message).toContain('only the flags g, i, m, s and u are supported');
  });
});

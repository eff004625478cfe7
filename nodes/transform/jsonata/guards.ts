import jsonata from 'jsonata';
import { NodeError } from '../../errors';

/**
 * JSONata checks its timeout, depth and sequence limits only between evaluation steps, and some
 * built-ins allocate in one step from a size the expression controls: `$pad("", 180000000)` builds a
 * 180M-character string, and `$length` / `$substring` turn a string into an array of characters,
 * which for a big enough string aborts V8 with an uncatchable "invalid size" error. These
 * replacements (registered on each compiled expression, where they shadow the built-ins) keep
 * JSONata's results but refuse sizes above these limits with a NodeError.
 */
export const JSONATA_SIZE_LIMITS = {
  /** Longest string (in UTF-16 code units) a guarded built-in accepts or builds. */
  maxString: 10_000_000,
  /** Largest |width| for $pad. */
  maxPadWidth: 1_000_000,
  /** Most parts $split returns. */
  maxSplitParts: 1_000_000,
};

const { maxString, maxPadWidth, maxSplitParts } = JSONATA_SIZE_LIMITS;

function tooBig(fn: string, what: string): NodeError {
  return new NodeError('JSONATA_LIMIT', `$${fn}: ${what}`, { retryable: false });
}

function checkString(fn: string, value: unknown, what = 'input string'): void {
  if (typeof value === 'string' && value.length > maxString) {
    throw tooBig(fn, `the ${what} has ${value.length} characters, more than the limit of ${maxString}`);
  }
}

/** Code points in a string, without building an array of them. */
function codePoints(str: string): number {
  let n = 0;
  for (const _ of str) n++;
  return n;
}

/** The first `count` code points of a string. */
function firstCodePoints(str: string, count: number): string {
  let n = 0;
  let end = 0;
  for (const ch of str) {
    if (n >= count) break;
    end += ch.length;
    n++;
  }
  return str.slice(0, end);
}

/** JSONata's errors are plain objects with a code; it fills in the message. */
function jsonataError(code: string, value: unknown, index?: number): object {
  return { code, value, index, stack: new Error().stack };
}

function length(str: string | undefined): number | undefined {
  if (str === undefined) return undefined;
  checkString('length', str);
  return codePoints(str);
}

function substring(str: string | undefined, start: number, length?: number): string | undefined {
  if (str === undefined) return undefined;
  checkString('substring', str);
  // JSONata's own algorithm (code points), on an input now known to be bounded.
  const chars = Array.from(str);
  const strLength = chars.length;
  if (strLength + start < 0) start = 0;
  if (length !== undefined) {
    if (length <= 0) return '';
    const end = start >= 0 ? start + length : strLength + start + length;
    return chars.slice(start, end).join('');
  }
  return chars.slice(start).join('');
}

function pad(str: string | undefined, width: number, char?: string): string | undefined {
  if (str === undefined) return undefined;
  if (!(Math.abs(width) <= maxPadWidth)) throw tooBig('pad', `the width ${width} is beyond the limit of ±${maxPadWidth}`);
  checkString('pad', str);
  checkString('pad', char, 'padding string');
  if (char === undefined || char.length === 0) char = ' ';
  const padLength = Math.abs(Math.trunc(width)) - codePoints(str);
  if (padLength <= 0) return str;
  // JSONata repeats `char` padLength times and keeps the first padLength code points.
  const padding =
    char.length > 1 ? firstCodePoints(char.repeat(Math.ceil(padLength / codePoints(char))), padLength) : char.repeat(padLength);
  return width > 0 ? str + padding : padding + str;
}

interface Match {
  match: string;
  start: number;
  end: number;
  groups: string[];
  next: () => Match | undefined | Promise<Match | undefined>;
}
type Matcher = (str: string) => Match | undefined | Promise<Match | undefined>;

/** JSONata's evaluateMatcher. */
async function evaluateMatcher(matcher: Matcher | Match['next'], str?: string): Promise<Match | undefined> {
  const result = await (matcher as Matcher).apply(undefined, [str as string]);
  if (result && !(typeof result.start === 'number' || Array.isArray(result.groups) || typeof result.next === 'function')) {
    throw jsonataError('T1010', undefined);
  }
  return result;
}

async function split(str: string | undefined, separator: string | Matcher, limit?: number): Promise<string[] | undefined> {
  if (str === undefined) return undefined;
  if (limit !== undefined && limit < 0) throw jsonataError('D3020', limit, 3);
  checkString('split', str);
  // One part more than allowed tells whether the result would exceed the limit.
  const cap = Math.min(limit ?? Infinity, maxSplitParts + 1);
  let result: string[] = [];
  if (cap > 0) {
    if (typeof separator === 'string') {
      result = str.split(separator, cap);
    } else {
      let count = 0;
      let matches = await evaluateMatcher(separator, str);
      if (matches !== undefined) {
        let start = 0;
        while (matches !== undefined && count < cap) {
          result.push(str.substring(start, matches.start));
          start = matches.end;
          matches = await evaluateMatcher(matches.next);
          count++;
        }
        if (count < cap) result.push(str.substring(start));
      } else {
        result.push(str);
      }
    }
  }
  if (result.length > maxSplitParts) throw tooBig('split', `the result would have more than ${maxSplitParts} parts (pass a limit)`);
  return result;
}

function join(strs: string[] | undefined, separator?: string): string | undefined {
  if (strs === undefined) return undefined;
  if (separator === undefined) separator = '';
  let total = strs.length > 1 ? separator.length * (strs.length - 1) : 0;
  for (const s of strs) total += s.length;
  if (total > maxString) throw tooBig('join', `the result would have ${total} characters, more than the limit of ${maxString}`);
  return strs.join(separator);
}

type Implementation = (this: jsonata.Focus, ...args: unknown[]) => unknown;
const builtins = new Map<string, Promise<Implementation>>();

/** A built-in as JSONata defines it (its `$name` evaluates to its definition). */
function builtin(name: string): Promise<Implementation> {
  let found = builtins.get(name);
  if (!found) {
    found = jsonata(`$${name}`)
      .evaluate({})
      .then((definition: { implementation: Implementation }) => definition.implementation);
    builtins.set(name, found);
  }
  return found;
}

/*
 * Built-ins that turn a picture or input string into an array of characters, or pad from a size read
 * from the picture: their strings are bounded, then JSONata's own implementation runs. Their
 * parameter lists are spelled out: JSONata reads them (Function#toString) for partial application.
 */
async function formatInteger(this: jsonata.Focus, value: unknown, picture: unknown): Promise<unknown> {
  checkString('formatInteger', picture, 'picture');
  return (await builtin('formatInteger')).call(this, value, picture);
}

async function parseInteger(this: jsonata.Focus, value: unknown, picture: unknown): Promise<unknown> {
  checkString('parseInteger', value);
  checkString('parseInteger', picture, 'picture');
  return (await builtin('parseInteger')).call(this, value, picture);
}

async function formatNumber(this: jsonata.Focus, value: unknown, picture: unknown, options: unknown): Promise<unknown> {
  checkString('formatNumber', picture, 'picture');
  return (await builtin('formatNumber')).call(this, value, picture, options);
}

/** Signatures copied from JSONata 2.x's function table. */
const GUARDS: [string, Implementation, string][] = [
  ['length', length as Implementation, '<s-:n>'],
  ['substring', substring as Implementation, '<s-nn?:s>'],
  ['pad', pad as Implementation, '<s-ns?:s>'],
  ['split', split as Implementation, '<s-(sf)n?:a<s>>'],
  ['join', join as Implementation, '<a<s>s?:s>'],
  ['formatInteger', formatInteger as Implementation, '<n-s:s>'],
  ['parseInteger', parseInteger as Implementation, '<s-s:n>'],
  ['formatNumber', formatNumber as Implementation, '<n-so?:s>'],
];

/** Shadows the guarded built-ins on a compiled expression. */
export function guardBuiltins(expr: ReturnType<typeof jsonata>): void {
  for (const [name, implementation, signature] of GUARDS) expr.registerFunction(name, implementation, signature);
}

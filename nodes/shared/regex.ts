import { RE2JS } from 're2js';
import { NodeError } from '../errors';

/**
 * User-supplied regular expressions run on RE2JS, a pure-JavaScript port of RE2: matching takes
 * time linear in the input, so a pattern such as `(a+)+$` cannot freeze the process the way it does
 * with the backtracking `RegExp` (transforms run in the process that also serves the API). Patterns
 * are written in JavaScript syntax and translated; what RE2 cannot do in linear time is rejected.
 */
const REGEX_ENGINE_NOTE =
  'Regular expressions run on a linear-time engine (RE2), which has no backreferences (\\1, \\k<name>), no lookahead or lookbehind ((?=…), (?!…), (?<=…), (?<!…)) and no possessive quantifiers, and allows repeat counts up to 1000.';

/** A compiled pattern: `test(text)` is true when it matches anywhere in `text`. */
export type LinearPattern = Pick<RE2JS, 'test'>;

export interface RegexFlags {
  ignoreCase?: boolean;
  multiline?: boolean;
  dotAll?: boolean;
}

/** Does the pattern compile as a JavaScript regex (with or without the `u` flag)? Compiling runs no match. */
function jsSyntaxError(pattern: string): string | undefined {
  let error: string | undefined;
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
      return undefined;
    } catch (err) {
      error ??= (err as Error).message;
    }
  }
  return error;
}

function engineFlags(flags: RegexFlags): number {
  return (flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (flags.multiline ? RE2JS.MULTILINE : 0) | (flags.dotAll ? RE2JS.DOTALL : 0);
}

/**
 * Compiles a JavaScript-syntax pattern for the linear-time engine. Throws a non-retryable NodeError
 * (INVALID_PARAMS) naming `what` when the pattern is invalid, or valid JavaScript but uses a feature the
 * engine does not support (backreferences, lookaround, …).
 */
export function compileLinearRegex(pattern: string, flags: RegexFlags = {}, what = 'The regular expression'): RE2JS {
  const backref = backreference(pattern);
  let engineError: unknown;
  if (backref === undefined) {
    try {
      return RE2JS.compile(RE2JS.translateRegExp(pattern), engineFlags(flags));
    } catch (err) {
      engineError = err;
    }
  }
  const jsError = jsSyntaxError(pattern);
  if (jsError !== undefined)
    throw new NodeError('INVALID_PARAMS', `${what} is not a valid regular expression: ${jsError}`, { cause: engineError });
  const detail = engineError instanceof Error ? engineError.message.replace(/^error parsing regexp: /, '') : String(engineError);
  const feature = backref ? `a backreference (${backref})` : unsupportedFeature(detail);
  const says = feature ? `uses ${feature}, which is not supported` : `uses a feature that is not supported (${detail})`;
  throw new NodeError('INVALID_PARAMS', `${what} ${says}. ${REGEX_ENGINE_NOTE}`, { cause: engineError });
}

/**
 * The first backreference-like escape (`\1`…`\9`, `\k<`), checked before translation: the
 * translation to RE2 syntax would turn `\k<name>` and `\8` into literal text rather than fail.
 */
function backreference(pattern: string): string | undefined {
  for (let i = 0; i < pattern.length - 1; i++) {
    if (pattern[i] !== '\\') continue;
    const next = pattern[i + 1] ?? '';
    if (next >= '1' && next <= '9') return `\\${next}`;
    if (next === 'k' && pattern[i + 2] === '<') return '\\k';
    i++;
  }
  return undefined;
}

/** Names the construct behind the engine's parse error, where it is a well-known one (its messages are terse). */
function unsupportedFeature(detail: string): string | undefined {
  const at = /`([^`]*)`/.exec(detail)?.[1] ?? '';
  if (/^\(\?<[=!]/.test(at)) return `lookbehind (${at.slice(0, 4)}…)`;
  if (/^\(\?[=!]/.test(at)) return `lookahead (${at.slice(0, 3)}…)`;
  return undefined;
}

/** Recently compiled patterns: JSONata builds its regex object each time the literal is evaluated (per item). */
const cache = new Map<string, RE2JS>();
const CACHE_SIZE = 32;

function cachedCompile(source: string, flags: RegexFlags, what: string): RE2JS {
  const key = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}/${source}`;
  let re = cache.get(key);
  if (re) {
    cache.delete(key);
  } else {
    re = compileLinearRegex(source, flags, what);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, re);
  return re;
}

const SUPPORTED_FLAGS = /^[gimsu]*$/;

/**
 * The subset of `RegExp` that JSONata's `RegexEngine` option needs, over the linear-time engine.
 * JSONata (2.x, `evaluateRegex`) constructs it with the `RegExp` its parser made from a literal
 * (flags `g` plus any of `i`, `m`), sets `lastIndex`, calls `exec(str)`, reads `match[0..n]` and
 * `match.index`, then continues from `lastIndex`. `exec` follows `RegExp.prototype.exec`: with `g`
 * it starts at `lastIndex` and moves it past the match (back to 0 when there is none); unmatched
 * groups are `undefined`; named groups are in `groups`.
 */
export class LinearRegExp {
  readonly source: string;
  readonly flags: string;
  lastIndex = 0;
  readonly #re: RE2JS;

  constructor(pattern: string | { source: string; flags: string }, flags?: string) {
    this.source = typeof pattern === 'string' ? pattern : pattern.source;
    this.flags = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    if (!SUPPORTED_FLAGS.test(this.flags)) {
      throw new NodeError(
        'INVALID_PARAMS',
        `Regular expression /${this.source}/${this.flags}: only the flags g, i, m, s and u are supported.`,
      );
    }
    this.#re = cachedCompile(
      this.source,
      { ignoreCase: this.ignoreCase, multiline: this.multiline, dotAll: this.dotAll },
      `Regular expression /${this.source}/`,
    );
  }

  get global(): boolean {
    return this.flags.includes('g');
  }

  get ignoreCase(): boolean {
    return this.flags.includes('i');
  }

  get multiline(): boolean {
    return this.flags.includes('m');
  }

  get dotAll(): boolean {
    return this.flags.includes('s');
  }

  exec(input: string): RegExpExecArray | null {
    const str = String(input);
    const from = this.global ? Math.max(0, Math.floor(Number(this.lastIndex) || 0)) : 0;
    const m = from <= str.length ? this.#re.matcher(str) : undefined;
    if (!m?.find(from)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const values: (string | undefined)[] = [];
    for (let g = 0; g <= m.groupCount(); g++) values.push(m.group(g) ?? undefined);
    const names = Object.entries(this.#re.namedGroups());
    const groups = names.length ? Object.fromEntries(names.map(([name, g]) => [name, values[g]])) : undefined;
    if (this.global) this.lastIndex = m.end();
    return Object.assign(values, { index: m.start(), input: str, groups }) as RegExpExecArray;
  }

  test(input: string): boolean {
    return this.exec(input) !== null;
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

// What PostgreSQL (and PGlite, the same engine) cannot store, found before anything is written.
//
// The rule, applied to every write:
// - What a person or program sends through the API (bot fields and params, names, run and schedule
//   inputs, webhook bodies) is REFUSED with 422 naming the field: the sender can fix it.
// - What a node produces (a source fetched it from the outside world) is SANITISED with
//   `makeStorable` and the node run records a warning: the run must not fail after every retry
//   because a feed contained a NUL byte.
//
// PostgreSQL refuses: U+0000 in text and in jsonb strings or keys ("unsupported Unicode escape
// sequence"), lone UTF-16 surrogates in jsonb (JSON.stringify escapes them as \udXXX, which jsonb
// rejects), and JSON nested deeper than its parser's stack allows (PGlite's WebAssembly stack is far
// smaller than a native server's).

/** Deeper than any real document; shallow enough for every engine's jsonb parser. */
export const MAX_JSON_DEPTH = 64;

export type UnstorableReason = 'nul' | 'surrogate' | 'depth';

export interface UnstorableProblem {
  /** Where, as `field.sub[2].key` (empty for the value itself). */
  path: string;
  reason: UnstorableReason;
}

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const BAD_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_CHARS_G = new RegExp(BAD_CHARS.source, 'g');

function stringProblem(s: string): UnstorableReason | undefined {
  if (!BAD_CHARS.test(s)) return undefined;
  return s.includes('\u0000') ? 'nul' : 'surrogate';
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : IDENT.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

/** The first thing in `value` the database cannot store, or undefined when it all fits. */
export function findUnstorable(value: unknown, path = '', depth = 0, maxDepth = MAX_JSON_DEPTH): UnstorableProblem | undefined {
  if (typeof value === 'string') {
    const reason = stringProblem(value);
    return reason && { path, reason };
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= maxDepth) return { path, reason: 'depth' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnstorable(value[i], join(path, i), depth + 1, maxDepth);
      if (p) return p;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const keyReason = stringProblem(k);
    if (keyReason) return { path: join(path, k), reason: keyReason };
    const p = findUnstorable(v, join(path, k), depth + 1, maxDepth);
    if (p) return p;
  }
  return undefined;
}

/** Replaced characters and cut branches are marked so a reader sees that something was changed. */
export const CUT_MARKER = '[nested too deeply to store]';

/**
 * A copy of `value` the database can store: NULs removed, lone surrogates replaced by U+FFFD, objects
 * nested deeper than the limit replaced by a marker. Returns the value unchanged (same reference)
 * when nothing needed fixing, and what was changed (at most `maxProblems` listed).
 */
export function makeStorable<T>(value: T, maxProblems = 20): { value: T; problems: UnstorableProblem[] } {
  if (!findUnstorable(value)) return { value, problems: [] };
  const problems: UnstorableProblem[] = [];
  const note = (p: UnstorableProblem) => void (problems.length < maxProblems && problems.push(p));
  const fixString = (s: string, path: string) => {
    const reason = stringProblem(s);
    if (!reason) return s;
    note({ path, reason });
    return s.replace(BAD_CHARS_G, (c) => (c === '\u0000' ? '' : '\uFFFD'));
  };
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === 'string') return fixString(v, path);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_JSON_DEPTH) {
      note({ path, reason: 'depth' });
      return CUT_MARKER;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, join(path, i), depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const key = fixString(k, join(path, k));
      out[key] = walk(x, join(path, key), depth + 1);
    }
    return out;
  };
  return { value: walk(value, '', 0) as T, problems };
}

/** A person-readable sentence for a problem, naming the field. */
export function describeUnstorable(p: UnstorableProblem, root = 'The value'): string {
  const where = p.path ? `"${p.path}"` : root;
  switch (p.reason) {
    case 'nul':
      return `${where} contains a NUL character (\\u0000), which cannot be stored. Remove it.`;
    case 'surrogate':
      return `${where} contains a broken character (a lone UTF-16 surrogate), which cannot be stored. Check its encoding.`;
    case 'depth':
      return `${where} is nested more than ${MAX_JSON_DEPTH} levels deep, which cannot be stored. Flatten it.`;
  }
}

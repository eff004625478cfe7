export type PathSegment = string | number;

const WORD = /^[\p{L}\p{N}_$-]+$/u;
const CANONICAL_INDEX = /^(0|[1-9]\d*)$/;

/** True when `key` can follow a dot in an expression (`a.key`) and parse back as the same key. */
function isSimpleKey(key: string): boolean {
  return WORD.test(key) && !CANONICAL_INDEX.test(key);
}

/**
 * `["headers", "X Key", 0, "a"]` → `headers["X Key"][0].a`, the syntax expressions accept, so a
 * message can show a path the user can paste back into a template.
 */
export function formatPath(path: readonly PathSegment[], root = ''): string {
  let out = root;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (isSimpleKey(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Reads a value at a path through own properties only; `undefined` when absent. */
export function getAtPath(value: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const key = String(seg);
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

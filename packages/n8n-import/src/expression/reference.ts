import type { PathSegment } from '@bm/graph';

/**
 * A plain n8n field reference: the current item (`$json.a`, `$input.item.json.a`) or another
 * node's item (`$('Name').item.json.a`, `$node["Name"].json.a`), followed by `.key`, `?.key`,
 * `["key"]` or `[0]`. Anything else (operators, calls, `$now`, …) is not a plain path.
 */
export type N8nReference = { node: null | string; path: PathSegment[] };

type Tok = { t: 'id' | 'str' | 'num'; v: string } | { t: 'p'; v: string };

const ID = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const NUM = /\d+/y;

function tokenize(code: string): Tok[] | null {
  const out: Tok[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '?' && code[i + 1] === '.') {
      out.push({ t: 'p', v: '.' });
      i += 2;
      continue;
    }
    if ('.[]()'.includes(c)) {
      out.push({ t: 'p', v: c });
      i += 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let v = '';
      let j = i + 1;
      for (; j < code.length && code[j] !== c; j += 1) {
        if (code[j] === '\\') j += 1;
        if (c === '`' && code[j] === '$' && code[j + 1] === '{') return null;
        v += code[j] ?? '';
      }
      if (j >= code.length) return null;
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    ID.lastIndex = i;
    const id = ID.exec(code);
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    NUM.lastIndex = i;
    const num = NUM.exec(code);
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    return null;
  }
  return out;
}

class Reader {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(v?: string, t?: Tok['t']): boolean {
    const tok = this.toks[this.i];
    return !!tok && (v === undefined || tok.v === v) && (t === undefined || tok.t === t);
  }
  take(v?: string, t?: Tok['t']): Tok | null {
    return this.peek(v, t) ? this.toks[this.i++]! : null;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
}

/** `.item.json`, `.first().json` or `.json` (for `$node[…]`): the item paired with the current one. */
function itemJson(r: Reader, allowBare: boolean): boolean {
  if (allowBare && r.take('.') && r.take('json', 'id')) return true;
  if (!r.take('.')) return false;
  if (r.take('item', 'id')) {
    /* paired item */
  } else if (r.take('first', 'id')) {
    if (!r.take('(') || !r.take(')')) return false;
  } else return false;
  return !!(r.take('.') && r.take('json', 'id'));
}

function root(r: Reader): string | null | undefined {
  if (r.take('$json', 'id')) return null;
  if (r.take('$input', 'id')) return itemJson(r, false) ? null : undefined;
  if (r.take('$', 'id')) {
    if (!r.take('(')) return undefined;
    const name = r.take(undefined, 'str');
    if (!name || !r.take(')')) return undefined;
    return itemJson(r, false) ? name.v : undefined;
  }
  if (r.take('$node', 'id')) {
    let name: Tok | null = null;
    if (r.take('[')) {
      name = r.take(undefined, 'str');
      if (!name || !r.take(']')) return undefined;
    } else if (r.take('.')) name = r.take(undefined, 'id');
    if (!name) return undefined;
    return itemJson(r, true) ? name.v : undefined;
  }
  return undefined;
}

export function parseN8nReference(code: string): N8nReference | null {
  const toks = tokenize(code);
  if (!toks) return null;
  const r = new Reader(toks);
  const node = root(r);
  if (node === undefined) return null;
  const path: PathSegment[] = [];
  while (!r.done()) {
    if (r.take('.')) {
      const key = r.take(undefined, 'id');
      if (!key) return null;
      path.push(key.v);
    } else if (r.take('[')) {
      const key = r.take(undefined, 'str') ?? r.take(undefined, 'num');
      if (!key || !r.take(']')) return null;
      path.push(key.t === 'num' ? Number(key.v) : key.v);
    } else return null;
  }
  return { node, path };
}

import { ExpressionError } from './errors';
import type { PathSegment } from '../paths';

/**
 * Templates: text with `{{ path }}` holes. A path starts at `input` (the run input), at
 * `nodes.<nodeId>.output` (an upstream node's output) or at `secrets.<NAME>` (a workspace secret,
 * resolved only inside the activity that runs the node) and continues with `.key`, `[index]`,
 * `["any key"]` (not after a secret: it is a string). No operators, no calls, no eval: a tokenizer
 * and a recursive-descent parser. `\{{` is a literal `{{`.
 */
export type ReferenceRoot = 'input' | 'nodes' | 'secrets';

export interface Reference {
  root: ReferenceRoot;
  /** Set when root is `nodes`. */
  nodeId?: string;
  /** Set when root is `secrets`. */
  secretName?: string;
  /** Path after `input` or after `nodes.<id>.output`. */
  path: PathSegment[];
}

export type TemplatePart = { type: 'text'; value: string } | { type: 'expr'; ref: Reference; source: string; start: number; end: number };

/** Internal to the package (rename.ts reads token positions); `end` is just past a string's closing quote. */
export type Token =
  | { t: 'word'; value: string; pos: number }
  | { t: 'string'; value: string; pos: number; end: number }
  | { t: 'dot' | 'lbrack' | 'rbrack' | 'end'; pos: number };

const WORD_RUN = /[\p{L}\p{N}_$-]+/uy;
const CANONICAL_INDEX = /^(0|[1-9]\d*)$/;
const INTEGER = /^-?(0|[1-9]\d*)$/;
const MAX_SNIPPET = 40;

function syntaxError(src: string, pos: number, what: string, from = 0): ExpressionError {
  const rest = src.slice(from);
  const snippet = rest.length > MAX_SNIPPET ? `${rest.slice(0, MAX_SNIPPET)}…` : rest;
  return new ExpressionError('syntax', `Expression syntax error at character ${pos + 1} of "${snippet}": ${what}`, {
    position: pos,
    snippet,
    detail: what,
  });
}

function describeToken(tok: Token): string {
  switch (tok.t) {
    case 'word':
      return `"${tok.value}"`;
    case 'string':
      return `the string ${JSON.stringify(tok.value)}`;
    case 'dot':
      return '"."';
    case 'lbrack':
      return '"["';
    case 'rbrack':
      return '"]"';
    case 'end':
      return 'the end of the expression';
  }
}

function readString(src: string, start: number, open: number): { value: string; next: number } {
  const quote = src[start];
  let value = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === quote) return { value, next: i + 1 };
    if (c === '\\' && i + 1 < src.length) {
      const n = src[i + 1]!;
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      value += simple[n] ?? n;
      i += 2;
      continue;
    }
    value += c;
    i += 1;
  }
  throw syntaxError(src, start, `the string starting here is never closed (missing ${quote})`, open);
}

/** Tokenizes from `start` (just after `{{`) up to and including the closing `}}`. */
export function tokenize(src: string, start: number, open: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i += 1;
    } else if (c === '}' && src[i + 1] === '}') {
      tokens.push({ t: 'end', pos: i });
      return tokens;
    } else if (c === '.') {
      tokens.push({ t: 'dot', pos: i++ });
    } else if (c === '[') {
      tokens.push({ t: 'lbrack', pos: i++ });
    } else if (c === ']') {
      tokens.push({ t: 'rbrack', pos: i++ });
    } else if (c === '"' || c === "'") {
      const { value, next } = readString(src, i, open);
      tokens.push({ t: 'string', value, pos: i, end: next });
      i = next;
    } else {
      WORD_RUN.lastIndex = i;
      const m = WORD_RUN.exec(src);
      if (!m) {
        throw syntaxError(
          src,
          i,
          `unexpected character "${c}" (expressions are paths such as input.topic or ` +
            'nodes.<nodeId>.output.items[0]; operators and functions are not supported)',
          open,
        );
      }
      tokens.push({ t: 'word', value: m[0], pos: i });
      i += m[0].length;
    }
  }
  throw syntaxError(src, open, '"{{" is never closed with "}}"', open);
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly tokens: Token[],
    private readonly open: number,
  ) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private fail(tok: Token, expected: string): never {
    throw syntaxError(this.src, tok.pos, `expected ${expected} but found ${describeToken(tok)}`, this.open);
  }

  private key(): string {
    const tok = this.next();
    if (tok.t !== 'word') this.fail(tok, 'a field name after "."');
    return tok.value;
  }

  private bracket(): PathSegment {
    const tok = this.next();
    let seg: PathSegment;
    if (tok.t === 'string') seg = tok.value;
    else if (tok.t === 'word' && INTEGER.test(tok.value)) seg = Number(tok.value);
    else this.fail(tok, 'an index like [0] or a quoted key like ["my key"] inside "[ ]"');
    const close = this.next();
    if (close.t !== 'rbrack') this.fail(close, '"]"');
    return seg;
  }

  /** A relative path: `a.b[0]["x y"]`, possibly starting with `[`. */
  parsePath(): PathSegment[] {
    const path: PathSegment[] = [];
    const first = this.peek();
    if (first.t === 'word') {
      this.next();
      path.push(CANONICAL_INDEX.test(first.value) ? Number(first.value) : first.value);
    } else if (first.t !== 'lbrack') this.fail(first, 'a field name or "["');
    return this.accessors(path);
  }

  private accessors(path: PathSegment[]): PathSegment[] {
    for (;;) {
      const tok = this.next();
      if (tok.t === 'end') return path;
      if (tok.t === 'dot') {
        const k = this.key();
        path.push(CANONICAL_INDEX.test(k) ? Number(k) : k);
      } else if (tok.t === 'lbrack') path.push(this.bracket());
      else this.fail(tok, '".field", "[index]" or "}}"');
    }
  }

  parse(): Reference {
    const first = this.next();
    if (first.t === 'end') {
      throw syntaxError(this.src, first.pos, 'the expression is empty', this.open);
    }
    if (first.t !== 'word' || (first.value !== 'input' && first.value !== 'nodes' && first.value !== 'secrets')) {
      const found = first.t === 'word' ? `"${first.value}"` : describeToken(first);
      throw syntaxError(
        this.src,
        first.pos,
        `unknown name ${found}: an expression starts with "input", "nodes.<nodeId>.output" or "secrets.<NAME>"`,
        this.open,
      );
    }
    const ref: Reference = { root: first.value, path: [] };
    if (first.value === 'secrets') {
      const sep = this.next();
      if (sep.t === 'dot') ref.secretName = this.key();
      else if (sep.t === 'lbrack') {
        const name = this.next();
        if (name.t !== 'string' && name.t !== 'word') this.fail(name, 'a secret name');
        ref.secretName = name.value;
        const close = this.next();
        if (close.t !== 'rbrack') this.fail(close, '"]"');
      } else this.fail(sep, 'a secret name after "secrets" (secrets.<NAME>)');
      const end = this.next();
      if (end.t !== 'end') this.fail(end, `"}}" after secrets.${ref.secretName} (a secret is a string)`);
      return ref;
    }
    if (first.value === 'nodes') {
      const sep = this.next();
      if (sep.t === 'dot') ref.nodeId = this.key();
      else if (sep.t === 'lbrack') {
        const id = this.next();
        if (id.t !== 'string' && id.t !== 'word') this.fail(id, 'a node id');
        ref.nodeId = id.value;
        const close = this.next();
        if (close.t !== 'rbrack') this.fail(close, '"]"');
      } else this.fail(sep, 'a node id after "nodes" (nodes.<nodeId>.output)');
      const dot = this.next();
      const out = dot.t === 'dot' ? this.next() : dot;
      if (dot.t !== 'dot' || out.t !== 'word' || out.value !== 'output') {
        this.fail(out, `".output" after nodes.${ref.nodeId}`);
      }
    }
    ref.path = this.accessors([]);
    return ref;
  }
}

/** Splits a template into text and expression parts. Throws ExpressionError on bad syntax. */
export function parseTemplate(src: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open === -1) {
      text += src.slice(i);
      break;
    }
    if (open > 0 && src[open - 1] === '\\') {
      text += `${src.slice(i, open - 1)}{{`;
      i = open + 2;
      continue;
    }
    text += src.slice(i, open);
    const tokens = tokenize(src, open + 2, open);
    const endTok = tokens[tokens.length - 1]!;
    const ref = new Parser(src, tokens, open).parse();
    if (text !== '') parts.push({ type: 'text', value: text });
    text = '';
    const end = endTok.pos + 2;
    parts.push({ type: 'expr', ref, source: src.slice(open + 2, endTok.pos).trim(), start: open, end });
    i = end;
  }
  if (text !== '') parts.push({ type: 'text', value: text });
  return parts;
}

/** Cheap check: does the string contain an (unescaped) `{{`? Says nothing about validity. */
export function containsTemplate(src: string): boolean {
  let at = src.indexOf('{{');
  while (at !== -1) {
    if (at === 0 || src[at - 1] !== '\\') return true;
    at = src.indexOf('{{', at + 2);
  }
  return false;
}

/** Every reference in a template, in order. Throws ExpressionError on bad syntax. */
export function extractReferences(src: string): Reference[] {
  return parseTemplate(src).flatMap((p) => (p.type === 'expr' ? [p.ref] : []));
}

/**
 * Parses a relative path in the same syntax as templates, without a root: `body.items`,
 * `author["full name"]`, `[0].title`. The empty string is the empty path.
 */
export function parsePath(src: string): PathSegment[] {
  if (src.trim() === '') return [];
  const padded = `${src}}}`;
  const tokens = tokenize(padded, 0, 0);
  const end = tokens[tokens.length - 1]!;
  if (end.pos !== src.length) throw syntaxError(src, end.pos, 'unexpected "}}"');
  return new Parser(padded, tokens, 0).parsePath();
}

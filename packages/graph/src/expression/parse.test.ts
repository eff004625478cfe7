import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors';
import { containsTemplate, extractReferences, parsePath, parseTemplate } from './parse';

function syntaxErrorOf(src: string): ExpressionError {
  try {
    parseTemplate(src);
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error(`expected a syntax error for ${src}`);
}

describe('parseTemplate', () => {
  it('splits text and expressions, keeping positions', () => {
    const parts = parseTemplate('Hi {{ input.name }}!');
    expect(parts).toEqual([
      { type: 'text', value: 'Hi ' },
      { type: 'expr', ref: { root: 'input', path: ['name'] }, source: 'input.name', start: 3, end: 19 },
      { type: 'text', value: '!' },
    ]);
  });

  it('returns a single text part for plain strings and nothing for the empty string', () => {
    expect(parseTemplate('no templates { here }')).toEqual([{ type: 'text', value: 'no templates { here }' }]);
    expect(parseTemplate('')).toEqual([]);
  });

  it('parses node references with dots, indexes and quoted keys', () => {
    expect(extractReferences('{{ nodes.fetch.output.items[3].title }}')).toEqual([
      { root: 'nodes', nodeId: 'fetch', path: ['items', 3, 'title'] },
    ]);
    expect(extractReferences(`{{ nodes["my node"].output["key with spaces"]['x y'] }}`)).toEqual([
      { root: 'nodes', nodeId: 'my node', path: ['key with spaces', 'x y'] },
    ]);
  });

  it('accepts nanoid-style ids (digits first, dashes, underscores) and unicode keys', () => {
    expect(extractReferences('{{ nodes.3f-a_Z.output.café }}')).toEqual([{ root: 'nodes', nodeId: '3f-a_Z', path: ['café'] }]);
  });

  it('tolerates whitespace everywhere between tokens, including newlines', () => {
    expect(extractReferences('{{\n  nodes . fetch . output [ 0 ] . title\n}}')).toEqual([
      { root: 'nodes', nodeId: 'fetch', path: [0, 'title'] },
    ]);
  });

  it('reads canonical numbers after a dot as indexes, other digit runs as keys', () => {
    expect(extractReferences('{{ input.items.0 }}')[0]!.path).toEqual(['items', 0]);
    expect(extractReferences('{{ input.items.01 }}')[0]!.path).toEqual(['items', '01']);
    expect(extractReferences('{{ input.items[-1] }}')[0]!.path).toEqual(['items', -1]);
  });

  it('handles escapes in quoted keys, and }} inside a quoted key', () => {
    expect(extractReferences(String.raw`{{ input["a\"b"]["c}}d"]["\u0041"] }}`)[0]!.path).toEqual(['a"b', 'c}}d', 'A']);
  });

  it('finds every reference in order', () => {
    const refs = extractReferences('{{input}} and {{ nodes.a.output }} then {{ input.x[1] }}');
    expect(refs.map((r) => `${r.root}:${r.nodeId ?? ''}:${r.path.join('/')}`)).toEqual(['input::', 'nodes:a:', 'input::x/1']);
  });

  it('treats \\{{ as a literal {{', () => {
    expect(parseTemplate('use \\{{ input }} literally')).toEqual([{ type: 'text', value: 'use {{ input }} literally' }]);
    expect(containsTemplate('use \\{{ input }} literally')).toBe(false);
    expect(containsTemplate('a {{ input }}')).toBe(true);
    expect(containsTemplate('\\{{ x }} {{ input }}')).toBe(true);
  });

  it('leaves a lone }} as text', () => {
    expect(parseTemplate('a }} b')).toEqual([{ type: 'text', value: 'a }} b' }]);
  });
});

describe('syntax errors', () => {
  it('reports an unclosed {{ with its position', () => {
    const err = syntaxErrorOf('Hello {{ input.name');
    expect(err.kind).toBe('syntax');
    expect(err.code).toBe('EXPRESSION_ERROR');
    expect(err.position).toBe(6);
    expect(err.message).toContain('at character 7');
    expect(err.message).toContain('never closed');
  });

  it('rejects operators and calls, pointing at the character', () => {
    const err = syntaxErrorOf('{{ input.a + 1 }}');
    expect(err.position).toBe(11);
    expect(err.message).toMatch(/unexpected character "\+"/);
    expect(syntaxErrorOf('{{ input.a() }}').message).toMatch(/unexpected character "\("/);
  });

  it('rejects unknown roots and names the allowed ones', () => {
    const err = syntaxErrorOf('{{ $json.title }}');
    expect(err.message).toContain('unknown name "$json"');
    expect(syntaxErrorOf('{{ foo.bar }}').message).toContain('unknown name "foo"');
    expect(syntaxErrorOf('{{ foo.bar }}').message).toContain('"input", "nodes.<nodeId>.output" or "secrets.<NAME>"');
  });

  it('requires .output after nodes.<id>', () => {
    const err = syntaxErrorOf('{{ nodes.fetch.items }}');
    expect(err.message).toContain('".output" after nodes.fetch');
    expect(syntaxErrorOf('{{ nodes }}').message).toContain('a node id after "nodes"');
    expect(syntaxErrorOf('{{ nodes.fetch }}').message).toContain('".output"');
  });

  it('rejects empty expressions, bad brackets and trailing dots', () => {
    expect(syntaxErrorOf('{{ }}').message).toContain('the expression is empty');
    expect(syntaxErrorOf('{{ input[x] }}').message).toContain('an index like [0]');
    expect(syntaxErrorOf('{{ input[1.5] }}').message).toContain('expected "]" but found "."');
    expect(syntaxErrorOf('{{ input[0 }}').message).toContain('expected "]"');
    expect(syntaxErrorOf('{{ input. }}').message).toContain('a field name after "."');
    expect(syntaxErrorOf('{{ input["a }}').message).toContain('never closed');
    expect(syntaxErrorOf('{{ input input }}').message).toContain('expected ".field", "[index]" or "}}"');
  });

  it('shows the offending expression, not the start of a long template', () => {
    const long = `${'x'.repeat(200)} {{ input..a }}`;
    const err = syntaxErrorOf(long);
    expect(err.message).toContain('of "{{ input..a }}"');
    expect(err.position).toBe(long.indexOf('..') + 1);
  });
});

describe('parsePath', () => {
  it('parses relative paths in template syntax', () => {
    expect(parsePath('body.items')).toEqual(['body', 'items']);
    expect(parsePath('author["full name"][0]')).toEqual(['author', 'full name', 0]);
    expect(parsePath('[1].title')).toEqual([1, 'title']);
    expect(parsePath(' 0 ')).toEqual([0]);
    expect(parsePath('')).toEqual([]);
  });

  it('rejects malformed paths with a position', () => {
    expect(() => parsePath('a..b')).toThrow(/character 3.*a field name after "\."/);
    expect(() => parsePath('a b')).toThrow(/expected "\.field"/);
    expect(() => parsePath('a}}b')).toThrow(ExpressionError);
    expect(() => parsePath('.a')).toThrow(/a field name or "\["/);
  });
});

describe('secrets references', () => {
  it('parses secrets.NAME and secrets["NAME"], and nothing after the name', () => {
    expect(extractReferences('Bearer {{ secrets.GITHUB_TOKEN }}')).toEqual([{ root: 'secrets', secretName: 'GITHUB_TOKEN', path: [] }]);
    expect(extractReferences('{{ secrets["my-key"] }}')).toEqual([{ root: 'secrets', secretName: 'my-key', path: [] }]);
    expect(syntaxErrorOf('{{ secrets.A.b }}').message).toContain('a secret is a string');
    expect(syntaxErrorOf('{{ secrets }}').message).toContain('a secret name');
  });
});

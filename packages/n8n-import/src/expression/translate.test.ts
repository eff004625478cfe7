import { parseTemplate } from '@bm/graph';
import { describe, expect, it } from 'vitest';
import { parseN8nReference } from './reference';
import { scanN8nTemplate } from './scan';
import { toJsonata, toTemplate, type JsonataScope, type Resolution } from './translate';

describe('parseN8nReference', () => {
  it.each([
    ['$json.title', { node: null, path: ['title'] }],
    ['$json', { node: null, path: [] }],
    ['$json["first name"][0].x', { node: null, path: ['first name', 0, 'x'] }],
    ['$json?.a?.b', { node: null, path: ['a', 'b'] }],
    ['$input.item.json.a', { node: null, path: ['a'] }],
    ['$input.first().json.a', { node: null, path: ['a'] }],
    ["$('Fetch page').item.json.body", { node: 'Fetch page', path: ['body'] }],
    ['$("Fetch").first().json.items[2]', { node: 'Fetch', path: ['items', 2] }],
    ['$node["Old style"].json["x"]', { node: 'Old style', path: ['x'] }],
    ['$node.Start.json.a', { node: 'Start', path: ['a'] }],
    ["$('It\\'s').item.json.a", { node: "It's", path: ['a'] }],
  ])('%s', (code, expected) => {
    expect(parseN8nReference(code)).toEqual(expected);
  });

  it.each([
    '$json.a + 1',
    '$json.title.toUpperCase()',
    '$now',
    '$now.toISO()',
    'JSON.stringify($json)',
    "$('A').all()",
    "$('A').last().json.x",
    "$('A').item.binary.data",
    '$json[$json.key]',
    '`${$json.a}`',
    '$json.a ? 1 : 2',
    '$input.all()[0].json.a',
    '$execution.id',
    '$vars.token',
    '',
    '$json.',
    "$('A'",
    '"unclosed',
  ])('%s is not a plain path', (code) => {
    expect(parseN8nReference(code)).toBeNull();
  });
});

describe('scanN8nTemplate', () => {
  it('splits text and code, keeping "}}" inside JavaScript strings', () => {
    expect(scanN8nTemplate('Hi {{ $json.a }}! {{ "}}" + $json.b }} end')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'code', code: '$json.a', source: '{{ $json.a }}' },
      { kind: 'text', text: '! ' },
      { kind: 'code', code: '"}}" + $json.b', source: '{{ "}}" + $json.b }}' },
      { kind: 'text', text: ' end' },
    ]);
  });

  it('leaves an unclosed "{{" as text', () => {
    expect(scanN8nTemplate('a {{ $json.b')).toEqual([{ kind: 'text', text: 'a {{ $json.b' }]);
  });
});

/** Resolves every `$json` to node `up` and `$('Start')` to the run input, as a converter would. */
function scope(problems: string[]): JsonataScope {
  return {
    resolve(ref): Resolution {
      if (ref.node === 'Start') return { kind: 'input', path: ref.path };
      if (ref.node === 'Gone') return { reason: 'reads a node that was not imported' };
      return { kind: 'node', nodeId: ref.node === null ? 'up' : 'other', path: ['body', ...ref.path] };
    },
    problem: (why) => problems.push(why),
    root: (r) => (r.kind === 'input' ? '$input' : r.nodeId === 'up' ? '$' : { reason: 'is not connected directly' }),
  };
}

describe('toTemplate', () => {
  it.each([
    ['=Hello {{ $json.name }}!', 'Hello {{ nodes.up.output.body.name }}!'],
    ["={{ $('Start').item.json.topic }}", '{{ input.topic }}'],
    ['={{ $json["a b"][0] }}', '{{ nodes.up.output.body["a b"][0] }}'],
    ['no expression {{ here }}', 'no expression \\{{ here }}'],
    ['=text only', 'text only'],
    [42, '42'],
    [true, 'true'],
    [null, ''],
  ])('%j → %j', (value, expected) => {
    const problems: string[] = [];
    const out = toTemplate(value, scope(problems));
    expect(out).toBe(expected);
    expect(problems).toEqual([]);
    // What comes out is always one of our templates.
    expect(() => parseTemplate(out)).not.toThrow();
  });

  it('keeps what it cannot translate as literal text and says why, once per expression', () => {
    const problems: string[] = [];
    const out = toTemplate("=A {{ $now.toISO() }} B {{ $('Gone').item.json.x }} C {{ $json.ok }}", scope(problems));
    expect(out).toBe("A \\{{ $now.toISO() }} B \\{{ $('Gone').item.json.x }} C {{ nodes.up.output.body.ok }}");
    expect(problems).toEqual([
      expect.stringContaining('{{ $now.toISO() }} is not a plain field path'),
      expect.stringContaining("{{ $('Gone').item.json.x }} reads a node that was not imported"),
    ]);
    expect(parseTemplate(out).filter((p) => p.type === 'expr')).toHaveLength(1);
  });
});

describe('toJsonata', () => {
  it.each([
    ['plain', '"plain"'],
    [3, '3'],
    ['={{ $json.n }}', '$.body.n'],
    ['=Hi {{ $json.name }}', '"Hi " & $string($.body.name)'],
    ["={{ $('Start').item.json['odd key'] }}", '$input.`odd key`'],
    ['={{ $json.list[1] }}', '$.body.list[1]'],
  ])('%j → %s', (value, expected) => {
    const problems: string[] = [];
    expect(toJsonata(value, scope(problems))).toBe(expected);
    expect(problems).toEqual([]);
  });

  it('a reference outside its direct inputs is kept as a string and reported', () => {
    const problems: string[] = [];
    expect(toJsonata("={{ $('Other').item.json.x }}", scope(problems))).toBe(`"{{ $('Other').item.json.x }}"`);
    expect(problems).toEqual([expect.stringContaining('is not connected directly')]);
  });
});

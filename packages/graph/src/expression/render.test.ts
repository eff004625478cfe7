import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors';
import { renderParams, renderTemplate, stringifyValue, type ExpressionScope } from './render';

const scope: ExpressionScope = {
  input: { topic: 'AI', count: 3, flag: false, nothing: null, tags: ['a', 'b'], empty: [], user: { name: 'Ada' } },
  nodes: {
    fetch: { output: { items: [{ title: 'first' }, { title: 'second' }], 'key with spaces': 5 } },
    'llm-1': { output: { text: 'summary', model: 'm', usage: { inputTokens: 1, outputTokens: 2 } } },
    tpl: { output: 'plain text' },
    silent: { output: undefined },
  },
};

function errorOf(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error('expected an ExpressionError');
}

describe('renderTemplate', () => {
  it('returns the raw value when the whole string is one expression', () => {
    expect(renderTemplate('{{ nodes.fetch.output.items }}', scope)).toEqual([{ title: 'first' }, { title: 'second' }]);
    expect(renderTemplate('{{ input.count }}', scope)).toBe(3);
    expect(renderTemplate('{{ input.flag }}', scope)).toBe(false);
    expect(renderTemplate('{{ input.nothing }}', scope)).toBeNull();
    expect(renderTemplate('  {{ input.count }}\n', scope)).toBe(3);
  });

  it('interpolates when there is surrounding text or several expressions', () => {
    expect(renderTemplate('Topic: {{ input.topic }} ({{ input.count }})', scope)).toBe('Topic: AI (3)');
    expect(renderTemplate('{{ input.topic }}{{ input.count }}', scope)).toBe('AI3');
    expect(renderTemplate('flag={{ input.flag }} none=[{{ input.nothing }}]', scope)).toBe('flag=false none=[]');
  });

  it('interpolates objects and lists as indented JSON', () => {
    expect(renderTemplate('User: {{ input.user }}', scope)).toBe('User: {\n  "name": "Ada"\n}');
    expect(renderTemplate('{{ input.tags }}', scope, { asText: true })).toBe('[\n  "a",\n  "b"\n]');
  });

  it('asText forces a string even for a single expression', () => {
    expect(renderTemplate('{{ input.count }}', scope, { asText: true })).toBe('3');
  });

  it('resolves quoted keys, node ids with dashes, negative indexes and length', () => {
    expect(renderTemplate('{{ nodes.fetch.output["key with spaces"] }}', scope)).toBe(5);
    expect(renderTemplate('{{ nodes.llm-1.output.text }}', scope)).toBe('summary');
    expect(renderTemplate('{{ nodes.fetch.output.items[-1].title }}', scope)).toBe('second');
    expect(renderTemplate('{{ input.tags.length }}', scope)).toBe(2);
    expect(renderTemplate('{{ input.topic.length }}', scope)).toBe(2);
  });

  it('returns plain strings unchanged and unescapes \\{{', () => {
    expect(renderTemplate('just text', scope)).toBe('just text');
    expect(renderTemplate('\\{{ input.topic }} = {{ input.topic }}', scope)).toBe('{{ input.topic }} = AI');
  });

  it('says how many entries a list has when an index is out of range', () => {
    const err = errorOf(() => renderTemplate('Title: {{ nodes.fetch.output.items[3] }}', scope));
    expect(err.message).toBe('nodes.fetch.output.items[3] does not exist: items has 2 entries');
    expect(err.kind).toBe('reference');
    expect(err.code).toBe('EXPRESSION_ERROR');
    expect(err.expression).toBe('nodes.fetch.output.items[3]');
    expect(errorOf(() => renderTemplate('{{ input.empty[0] }}', scope)).message).toBe(
      'input.empty[0] does not exist: empty is empty (0 entries)',
    );
    expect(errorOf(() => renderTemplate('{{ input.tags[-3] }}', scope)).message).toContain('tags has 2 entries');
  });

  it('lists the available fields when a field is missing', () => {
    expect(errorOf(() => renderTemplate('{{ input.user.email }}', scope)).message).toBe(
      'input.user.email does not exist: user has no field "email" (it has: name)',
    );
  });

  it('explains type mismatches along the path', () => {
    expect(errorOf(() => renderTemplate('{{ nodes.fetch.output.items.title }}', scope)).message).toContain(
      'items is a list (2 entries), not an object; pick an entry first, e.g. items[0].title',
    );
    expect(errorOf(() => renderTemplate('{{ input.topic.x }}', scope)).message).toContain('topic is a string, not an object');
    expect(errorOf(() => renderTemplate('{{ input.count[0] }}', scope)).message).toContain('count is a number, not a list');
    expect(errorOf(() => renderTemplate('{{ input.nothing.x }}', scope)).message).toContain('nothing is null');
    expect(errorOf(() => renderTemplate('{{ input.user[0] }}', scope)).message).toContain('user is an object, not a list');
    expect(errorOf(() => renderTemplate('{{ nodes.tpl.output.x }}', scope)).message).toBe(
      'nodes.tpl.output.x does not exist: nodes.tpl.output is a string, not an object',
    );
  });

  it('names missing nodes and the ones that are available', () => {
    const err = errorOf(() => renderTemplate('{{ nodes.nope.output.text }}', scope));
    expect(err.message).toContain('nodes.nope does not exist');
    expect(err.message).toContain('available: fetch, llm-1, tpl, silent');
    expect(errorOf(() => renderTemplate('{{ nodes.silent.output }}', scope)).message).toContain('produced no output');
  });

  it('fails on a missing run input instead of rendering "undefined"', () => {
    const err = errorOf(() => renderTemplate('Topic: {{ input.topic }}', { input: undefined, nodes: {} }));
    expect(err.message).toContain('this run was started without an input');
  });

  it('never reads inherited properties', () => {
    expect(errorOf(() => renderTemplate('{{ input.user.constructor }}', scope)).message).toContain('no field "constructor"');
    expect(errorOf(() => renderTemplate('{{ input.__proto__ }}', scope)).message).toContain('no field "__proto__"');
    expect(errorOf(() => renderTemplate('{{ nodes.toString.output }}', scope)).message).toContain('nodes.toString does not exist');
  });

  it('propagates syntax errors', () => {
    expect(errorOf(() => renderTemplate('{{ input', scope)).kind).toBe('syntax');
  });
});

describe('renderParams', () => {
  it('deep-renders strings in objects and arrays and leaves other values alone', () => {
    const params = {
      url: 'https://x.test/{{ input.topic }}',
      headers: { 'X-Count': '{{ input.count }}' },
      list: ['{{ input.tags }}', 'n={{ input.count }}', 7, true, null],
      payload: '{{ nodes.fetch.output }}',
    };
    const out = renderParams(params, scope);
    expect(out).toEqual({
      url: 'https://x.test/AI',
      headers: { 'X-Count': 3 },
      list: [['a', 'b'], 'n=3', 7, true, null],
      payload: scope.nodes.fetch!.output,
    });
    expect(params.url).toContain('{{'); // input untouched
  });

  it('honours asText and skip per path', () => {
    const out = renderParams({ a: '{{ input.count }}', b: '{{ input.count }}', code: '$sum({{x}})' }, scope, {
      asText: (p) => p[0] === 'a',
      skip: (p) => p[0] === 'code',
    });
    expect(out).toEqual({ a: '3', b: 3, code: '$sum({{x}})' });
  });

  it('names the failing param in the error', () => {
    const err = errorOf(() => renderParams({ headers: { 'X Key': 'v {{ input.nope }}' } }, scope));
    expect(err.paramPath).toBe('headers["X Key"]');
    expect(err.message).toMatch(/^Parameter "headers\["X Key"\]": input\.nope does not exist/);
  });
});

describe('stringifyValue', () => {
  it('renders scalars, null and objects', () => {
    expect(stringifyValue('s')).toBe('s');
    expect(stringifyValue(1.5)).toBe('1.5');
    expect(stringifyValue(null)).toBe('');
    expect(stringifyValue({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});

describe('rendered size limit', () => {
  it('refuses a template that would render past the limit, before building it', () => {
    const big = 'x'.repeat(1_000_000);
    const scope = { input: {}, nodes: { a: { output: { big } } } };
    const template = Array.from({ length: 700 }, () => '{{ nodes.a.output.big }}').join(' ');
    expect(() => renderTemplate(template, scope)).toThrow(/larger than 5 million characters/);
    // Under the limit it still renders, each distinct reference stringified once.
    expect((renderTemplate('{{ nodes.a.output.big }}|{{ nodes.a.output.big }}', scope) as string).length).toBe(2_000_001);
  });
});

describe('secrets in templates', () => {
  const scope: ExpressionScope = { input: {}, nodes: {}, secrets: { API_TOKEN: 's3cr3t-value' } };
  it('renders a secret where the activity put it in the scope', () => {
    expect(renderTemplate('Bearer {{ secrets.API_TOKEN }}', scope, { asText: true })).toBe('Bearer s3cr3t-value');
  });
  it('says which secret is missing, and never shows a value', () => {
    let err: unknown;
    try {
      renderTemplate('{{ secrets.OTHER }}', scope);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExpressionError);
    expect((err as Error).message).toMatch(/no secret named "OTHER".*Settings → Secrets/);
    expect((err as Error).message).not.toContain('s3cr3t');
    expect(() => renderTemplate('{{ secrets.API_TOKEN }}', { input: {}, nodes: {} })).toThrow(/no secret named "API_TOKEN"/);
  });
});

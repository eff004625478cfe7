import { describe, expect, it } from 'vitest';
import { childrenAt, previewValue, referenceText, treeFromSchema, treeFromValue } from './field-tree';

describe('treeFromValue', () => {
  it('lists fields with paths, kinds and short previews; lists show their first entries', () => {
    const tree = treeFromValue({
      text: 'hello world',
      usage: { inputTokens: 3 },
      items: [{ title: 'a' }, { title: 'b' }, 3, 4],
      ok: true,
      none: null,
    })!;
    expect(tree.map((n) => [n.label, n.kind, n.preview])).toEqual([
      ['text', 'string', '"hello world"'],
      ['usage', 'object', '{1}'],
      ['items', 'list', '[4]'],
      ['ok', 'boolean', 'true'],
      ['none', 'null', 'null'],
    ]);
    const items = tree[2]!.children!;
    expect(items.map((n) => n.label)).toEqual(['[0]', '[1]', '[2]']);
    expect(items[0]!.children![0]).toMatchObject({ label: 'title', path: ['items', 0, 'title'], preview: '"a"' });
    expect(treeFromValue('just text')).toBeUndefined();
  });

  it('cuts long strings and stops at a depth', () => {
    expect(previewValue('x'.repeat(100))).toMatch(/^"x{60}…"$/);
    let deep: unknown = 1;
    for (let i = 0; i < 20; i += 1) deep = { d: deep };
    let level = treeFromValue(deep);
    let depth = 0;
    while (level?.[0]?.children) {
      level = level[0].children;
      depth += 1;
    }
    expect(depth).toBeLessThan(10);
  });
});

describe('treeFromSchema', () => {
  it('reads properties, items, descriptions and optional/nullable branches as zod writes them', () => {
    const schema = {
      type: 'object',
      properties: {
        text: { type: 'string', description: 'The answer' },
        json: { anyOf: [{ type: 'object', properties: { a: { type: 'number' } } }, { type: 'null' }] },
        items: { type: 'array', items: { type: 'object', properties: { title: { type: 'string' } } } },
      },
    };
    const tree = treeFromSchema(schema)!;
    expect(tree.map((n) => [n.label, n.kind, n.description, n.preview])).toEqual([
      ['text', 'string', 'The answer', undefined],
      ['json', 'object', undefined, undefined],
      ['items', 'list', undefined, undefined],
    ]);
    expect(tree[1]!.children![0]).toMatchObject({ label: 'a', path: ['json', 'a'], kind: 'number' });
    expect(tree[2]!.children![0]!.children![0]).toMatchObject({ path: ['items', 0, 'title'] });
    expect(treeFromSchema({})).toBeUndefined();
  });
});

describe('references and lookup', () => {
  it('writes the reference a person would type, bracketing keys that need it', () => {
    expect(referenceText({ kind: 'node', nodeId: 'summarise' }, ['items', 0, 'title'])).toBe('{{ nodes.summarise.output.items[0].title }}');
    expect(referenceText({ kind: 'node', nodeId: 'my node' }, ['full name'])).toBe('{{ nodes["my node"].output["full name"] }}');
    expect(referenceText({ kind: 'input' }, [])).toBe('{{ input }}');
    expect(referenceText({ kind: 'input' }, ['topic'])).toBe('{{ input.topic }}');
  });

  it('finds the children at a path, any list index reading as the first entry', () => {
    const tree = treeFromValue({ items: [{ title: 'a' }] });
    expect(childrenAt(tree, ['items'])!.map((n) => n.label)).toEqual(['[0]']);
    expect(childrenAt(tree, ['items', 5])!.map((n) => n.label)).toEqual(['title']);
    expect(childrenAt(tree, ['nope'])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { extractReferences } from './parse';
import { renameNodeInParams, renameNodeReferences } from './rename';

describe('renameNodeReferences', () => {
  it('renames the id in every reference to the node and nothing else', () => {
    const src = 'A {{ nodes.chat.output.text }} B {{nodes.chat.output}} C {{ nodes.chatty.output }} {{ input.chat }}';
    expect(renameNodeReferences(src, 'chat', 'summarise')).toBe(
      'A {{ nodes.summarise.output.text }} B {{nodes.summarise.output}} C {{ nodes.chatty.output }} {{ input.chat }}',
    );
  });

  it('keeps spacing, newlines and quoting as written', () => {
    expect(renameNodeReferences('{{\n  nodes . a . output [ 0 ] }}', 'a', 'b')).toBe('{{\n  nodes . b . output [ 0 ] }}');
    expect(renameNodeReferences(`{{ nodes["a"].output }} {{ nodes['a'].output.x }}`, 'a', 'b')).toBe(
      '{{ nodes["b"].output }} {{ nodes["b"].output.x }}',
    );
  });

  it('brackets a new id that cannot follow a dot, and the result parses back to it', () => {
    const out = renameNodeReferences('{{ nodes.a.output.x }}', 'a', 'my node');
    expect(out).toBe('{{ nodes["my node"].output.x }}');
    expect(extractReferences(out)).toEqual([{ root: 'nodes', nodeId: 'my node', path: ['x'] }]);
    expect(renameNodeReferences('{{ nodes.a.output }}', 'a', '42')).toBe('{{ nodes["42"].output }}');
  });

  it('leaves escaped braces, plain text and a broken expression alone but renames the others', () => {
    expect(renameNodeReferences('\\{{ nodes.a.output }} nodes.a.output', 'a', 'b')).toBe('\\{{ nodes.a.output }} nodes.a.output');
    expect(renameNodeReferences('{{ nodes.a.output + 1 }} and {{ nodes.a.output.ok }}', 'a', 'b')).toBe(
      '{{ nodes.a.output + 1 }} and {{ nodes.b.output.ok }}',
    );
    expect(renameNodeReferences('{{ nodes.a.output.x', 'a', 'b')).toBe('{{ nodes.a.output.x');
  });

  it('does not touch a key named like the node inside a quoted string', () => {
    expect(renameNodeReferences('{{ input["nodes.a"] }} {{ nodes.x.output["a"] }}', 'a', 'b')).toBe(
      '{{ input["nodes.a"] }} {{ nodes.x.output["a"] }}',
    );
  });
});

describe('renameNodeInParams', () => {
  it('renames at any depth and returns the same objects where nothing changed', () => {
    const untouched = { n: 1, s: 'plain' };
    const params = {
      prompt: 'Sum {{ nodes.a.output.text }}',
      headers: { X: '{{ nodes.a.output }}' },
      list: ['{{ nodes.a.output[0] }}', 2],
      untouched,
    };
    const out = renameNodeInParams(params, 'a', 'b');
    expect(out).toEqual({
      prompt: 'Sum {{ nodes.b.output.text }}',
      headers: { X: '{{ nodes.b.output }}' },
      list: ['{{ nodes.b.output[0] }}', 2],
      untouched,
    });
    expect(out.untouched).toBe(untouched);
    expect(params.prompt).toContain('nodes.a');
    const none = { prompt: 'nothing here' };
    expect(renameNodeInParams(none, 'a', 'b')).toBe(none);
  });

  it('skips params that are not templates', () => {
    const out = renameNodeInParams({ code: '{{ nodes.a.output }}', text: '{{ nodes.a.output }}' }, 'a', 'b', (p) => p[0] === 'code');
    expect(out).toEqual({ code: '{{ nodes.a.output }}', text: '{{ nodes.b.output }}' });
  });
});

import { describe, expect, it } from 'vitest';
import { CUT_MARKER, MAX_JSON_DEPTH, describeUnstorable, findUnstorable, makeStorable } from './storable';

const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : { a: nest(levels - 1) });

describe('findUnstorable', () => {
  it('accepts ordinary JSON, Korean text and well-formed emoji (surrogate pairs)', () => {
    expect(findUnstorable({ name: '뉴스 요약 봇', emoji: '🤖', list: [1, 'two', null, { ok: true }] })).toBeUndefined();
    expect(findUnstorable(nest(MAX_JSON_DEPTH - 1))).toBeUndefined();
  });

  it('names the field holding a NUL, a lone surrogate, or a NUL in a key', () => {
    expect(findUnstorable({ graph: { nodes: [{ params: { prompt: 'a\u0000b' } }] } })).toEqual({
      path: 'graph.nodes[0].params.prompt',
      reason: 'nul',
    });
    expect(findUnstorable({ name: 'x\uD800' })).toEqual({ path: 'name', reason: 'surrogate' });
    expect(findUnstorable({ name: '\uDC00x' })).toEqual({ path: 'name', reason: 'surrogate' });
    expect(findUnstorable({ input: { 'bad\u0000key': 1 } })).toEqual({ path: 'input["bad\\u0000key"]', reason: 'nul' });
    expect(findUnstorable('\u0000')).toEqual({ path: '', reason: 'nul' });
  });

  it('refuses JSON nested deeper than the limit', () => {
    expect(findUnstorable({ input: nest(MAX_JSON_DEPTH + 5) })?.reason).toBe('depth');
  });

  it('describes the problem with the field name', () => {
    expect(describeUnstorable({ path: 'input.text', reason: 'nul' })).toMatch(/"input.text" contains a NUL character/);
    expect(describeUnstorable({ path: '', reason: 'depth' }, 'The body')).toMatch(/^The body is nested more than 64 levels/);
  });
});

describe('makeStorable', () => {
  it('returns the same value when nothing needs fixing', () => {
    const v = { a: [1, 'b'] };
    expect(makeStorable(v).value).toBe(v);
    expect(makeStorable(v).problems).toEqual([]);
  });

  it('removes NULs, replaces lone surrogates, cuts what is nested too deeply, and lists what it changed', () => {
    const { value, problems } = makeStorable({ title: 'a\u0000b', body: 'x\uD800y', 'k\u0000': 1, deep: nest(MAX_JSON_DEPTH + 3) });
    const v = value as Record<string, unknown>;
    expect(v.title).toBe('ab');
    expect(v.body).toBe('x\uFFFDy');
    expect(v.k).toBe(1);
    expect(JSON.stringify(v.deep)).toContain(CUT_MARKER);
    expect(findUnstorable(value)).toBeUndefined();
    expect(problems.map((p) => p.reason).sort()).toEqual(['depth', 'nul', 'nul', 'surrogate']);
  });
});

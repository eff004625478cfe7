import { describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../test-support/context';
import { transformSplit } from './definition';
import { chunkText } from './run';

const ctx = () => testContext();

describe('transform.split', () => {
  it('splits an upstream text into lines, trimming and skipping empty ones', async () => {
    expect(await runNode(transformSplit, {}, await ctx(), [['t', ' one \r\ntwo\n\n three ']])).toEqual({ items: ['one', 'two', 'three'] });
    expect(await runNode(transformSplit, { trim: false, skipEmpty: false }, await ctx(), [['t', 'a \n\nb']])).toEqual({ items: ['a ', '', 'b'] });
  });

  it('splits an LLM answer by its text, into paragraphs', async () => {
    const out = await runNode(transformSplit, { mode: 'paragraphs' }, await ctx(), [['llm', { text: 'P1 line1\nline2\n\n  \nP2', model: 'm' }]]);
    expect(out.items).toEqual(['P1 line1\nline2', 'P2']);
  });

  it('splits by a delimiter, from an expression', async () => {
    const out = await runNode(transformSplit, { source: '{{ input.csv }}', mode: 'delimiter', delimiter: ';' }, await testContext({ input: { csv: 'a; b;;c' } }));
    expect(out.items).toEqual(['a', 'b', 'c']);
  });

  it('uses lists as they are: the upstream list, its items, or a field', async () => {
    expect((await runNode(transformSplit, {}, await ctx(), [['x', [1, { a: 2 }]]])).items).toEqual([1, { a: 2 }]);
    expect((await runNode(transformSplit, {}, await ctx(), [['rss', { feed: {}, items: ['i1', 'i2'] }]])).items).toEqual(['i1', 'i2']);
    expect((await runNode(transformSplit, { field: 'body.results' }, await ctx(), [['http', { body: { results: ['r'] } }]])).items).toEqual(['r']);
    expect((await runNode(transformSplit, { source: '{{ nodes.http.output.body }}', field: 'text' }, await ctx(), [['http', { body: { text: 'x\ny' } }]])).items).toEqual(['x', 'y']);
  });

  it('limits the number of items', async () => {
    expect((await runNode(transformSplit, { limit: 2 }, await ctx(), [['t', 'a\nb\nc']])).items).toEqual(['a', 'b']);
  });

  it('chunks long text at natural breaks', async () => {
    const text = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const out = await runNode(transformSplit, { mode: 'chunks', chunkSize: 100, trim: false }, await ctx(), [['t', text]]);
    const chunks = out.items as string[];
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(100);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('. ')).toBe(true);
    expect(chunks.join('')).toBe(text);
  });

  it('chunks with overlap', () => {
    const chunks = chunkText('abcdefghij', 4, 2);
    expect(chunks).toEqual(['abcd', 'cdef', 'efgh', 'ghij']);
    expect(chunkText('', 10, 0)).toEqual([]);
  });

  it('rejects values it cannot split, and overlap not below the size', async () => {
    const err = await rejection(runNode(transformSplit, {}, await ctx(), [['x', { status: 1 }]]));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('Split needs a text or a list, got object');
    expect(await rejection(runNode(transformSplit, { field: 'nope' }, await ctx(), [['x', { a: 1 }]]))).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await rejection(runNode(transformSplit, { mode: 'chunks', chunkSize: 10, chunkOverlap: 10 }, await ctx(), [['t', 'x']]))).message).toContain(
      'parameter "chunkOverlap" must be smaller than chunkSize',
    );
  });
});

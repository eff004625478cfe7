import { describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { transformSplit } from './definition';
import { chunkText } from './run';

const ctx = () => testContext();

describe('transform.split', () => {
  it('splits an upstream text into lines, trimming and skipping empty ones', async () => {
    expect(await runNode(transformSplit, {}, await ctx(), [['t', ' one \r\ntwo\n\n three ']])).toEqual({ items: ['one', 'two', 'three'] });
    expect(await runNode(transformSplit, { trim: false, skipEmpty: false }, await ctx(), [['t', 'a \n\nb']])).toEqual({
      items: ['a ', '', 'b'],
    });
  });

  it('splits an LLM answer by its text, into paragraphs', async () => {
    const out = await runNode(transformSplit, { mode: 'paragraphs' }, await ctx(), [
      ['llm', { text: 'P1 line1\nline2\n\n  \nP2', model: 'm' }],
    ]);
    expect(out.items).toEqual(['P1 line1\nline2', 'P2']);
  });

  it('splits by a delimiter, from an expression', async () => {
    const out = await runNode(
      transformSplit,
      { source: '{{ input.csv }}', mode: 'delimiter', delimiter: ';' },
      await testContext({ input: { csv: 'a; b;;c' } }),
    );
    expect(out.items).toEqual(['a', 'b', 'c']);
  });

  it('uses lists as they are: the upstream list, its items, or a field', async () => {
    expect((await runNode(transformSplit, {}, await ctx(), [['x', [1, { a: 2 }]]])).items).toEqual([1, { a: 2 }]);
    expect((await runNode(transformSplit, {}, await ctx(), [['rss', { feed: {}, items: ['i1', 'i2'] }]])).items).toEqual(['i1', 'i2']);
    expect((await runNode(transformSplit, { field: 'body.results' }, await ctx(), [['http', { body: { results: ['r'] } }]])).items).toEqual(
      ['r'],
    );
    expect(
      (
        await runNode(transformSplit, { source: '{{ nodes.http.output.body }}', field: 'text' }, await ctx(), [
          ['http', { body: { text: 'x\ny' } }],
        ])
      ).items,
    ).toEqual(['x', 'y']);
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
    expect(await rejection(runNode(transformSplit, { field: 'nope' }, await ctx(), [['x', { a: 1 }]]))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(
      (await rejection(runNode(transformSplit, { mode: 'chunks', chunkSize: 10, chunkOverlap: 10 }, await ctx(), [['t', 'x']]))).message,
    ).toContain('parameter "chunkOverlap" must be at most half of chunkSize');
  });

  it('refuses an overlap above half the chunk size, which would advance a character at a time', async () => {
    const err = await rejection(runNode(transformSplit, { mode: 'chunks', chunkSize: 100, chunkOverlap: 99 }, await ctx(), [['t', 'x']]));
    expect(err.code).toBe('INVALID_PARAMS');
    expect(err.message).toContain('parameter "chunkOverlap" must be at most half of chunkSize (50 for chunkSize 100)');
    const ok = await runNode(transformSplit, { mode: 'chunks', chunkSize: 100, chunkOverlap: 50 }, await ctx(), [['t', 'y'.repeat(250)]]);
    expect(ok.items).toEqual(['y'.repeat(100), 'y'.repeat(100), 'y'.repeat(100), 'y'.repeat(100)]);
  });

  it('with the largest allowed overlap, chunks cut early at breaks still advance and skip no text', () => {
    const text = 'aaaaa '.repeat(2000);
    const chunks = chunkText(text, 10, 5);
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(text.length / 3) + 1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(10);
    expect(text.startsWith(chunks[0]!)).toBe(true);
    expect(text.endsWith(chunks[chunks.length - 1]!)).toBe(true);
    // Unique text: each chunk starts at or before the end of the previous one (nothing skipped).
    const words = Array.from({ length: 400 }, (_, i) => `w${String(i).padStart(3, '0')} `).join('');
    let prevEnd = 0;
    for (const c of chunkText(words, 10, 5)) {
      const at = words.indexOf(c, Math.max(0, prevEnd - 10));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThanOrEqual(prevEnd);
      prevEnd = at + c.length;
    }
    expect(prevEnd).toBe(words.length);
  });

  it('refuses to produce more than 100,000 chunks, unless a limit stops it earlier', async () => {
    const text = 'z'.repeat(10 * 100_001);
    const err = await rejection(runNode(transformSplit, { mode: 'chunks', chunkSize: 10 }, await ctx(), [['t', text]]));
    expect(err).toMatchObject({ code: 'TOO_MANY_ITEMS', retryable: false });
    expect(err.message).toMatch(/more than 100000 items.*bigger chunkSize.*limit/);
    const out = await runNode(transformSplit, { mode: 'chunks', chunkSize: 10, limit: 3 }, await ctx(), [['t', text]]);
    expect(out.items).toEqual(['z'.repeat(10), 'z'.repeat(10), 'z'.repeat(10)]);
  });

  it('skips blank chunks before counting them against the limit', () => {
    expect(chunkText('aaaaaaaaaa          bbbbbbbbbb', 10, 0, { limit: 2, skipBlank: true })).toEqual(['aaaaaaaaaa', 'bbbbbbbbbb']);
  });
});

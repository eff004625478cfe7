import { describe, expect, it } from 'vitest';
import { runNode, testContext } from '../../testing/context';
import { transformMerge } from './definition';

const upstream: [string, unknown][] = [
  ['rss', { feed: {}, items: [{ t: 1 }, { t: 2 }] }],
  ['list', ['x']],
  ['llm', { text: 'Summary.', model: 'm' }],
  ['tpl', 'Plain text'],
];

describe('transform.merge', () => {
  it('append: concatenates lists and adds other values, in connection order', async () => {
    expect(await runNode(transformMerge, {}, await testContext(), upstream)).toEqual({
      items: [{ t: 1 }, { t: 2 }, 'x', { text: 'Summary.', model: 'm' }, 'Plain text'],
    });
  });

  it('object: keys the outputs by node id', async () => {
    expect(await runNode(transformMerge, { mode: 'object' }, await testContext(), upstream.slice(2))).toEqual({
      llm: { text: 'Summary.', model: 'm' },
      tpl: 'Plain text',
    });
  });

  it('concatText: joins texts, LLM answers by their text, the rest as JSON', async () => {
    const out = await runNode(transformMerge, { mode: 'concatText', separator: '\n---\n' }, await testContext(), [
      upstream[2]!,
      upstream[3]!,
      upstream[1]!,
    ]);
    expect(out).toBe('Summary.\n---\nPlain text\n---\n[\n  "x"\n]');
  });

  it('outputs empty results with nothing connected', async () => {
    expect(await runNode(transformMerge, {}, await testContext())).toEqual({ items: [] });
    expect(await runNode(transformMerge, { mode: 'concatText' }, await testContext())).toBe('');
  });
});

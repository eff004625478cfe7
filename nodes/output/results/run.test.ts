import { describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { outputResults } from './definition';

describe('output.results', () => {
  it('saves text content with a rendered title', async () => {
    const ctx = await testContext({ input: { day: 'Mon' } });
    const out = await runNode(outputResults, { title: ' Digest {{ input.day }} ', content: '{{ nodes.llm.output.text }}' }, ctx, [
      ['llm', { text: 'All good.' }],
    ]);
    expect(out).toEqual({ resultId: 'result-1' });
    expect(ctx.saved).toEqual([{ title: 'Digest Mon', content: 'All good.' }]);
  });

  it('saves an object as indented JSON and keeps it as data', async () => {
    const ctx = await testContext();
    const data = { items: [{ title: 'x' }] };
    await runNode(outputResults, { content: '{{ nodes.rss.output }}' }, ctx, [['rss', data]]);
    expect(ctx.saved).toEqual([{ content: JSON.stringify(data, null, 2), data }]);
  });

  it('requires content', async () => {
    const ctx = await testContext();
    expect((await rejection(runNode(outputResults, { title: 't' }, ctx))).message).toContain('parameter "content" is required');
    expect(ctx.saved).toEqual([]);
  });

  it('passes failures of the results store on', async () => {
    const ctx = await testContext();
    ctx.results.save = async () => {
      throw new Error('database is down');
    };
    expect(await rejection(runNode(outputResults, { content: 'x' }, ctx))).toMatchObject({
      code: 'NODE_FAILED',
      retryable: true,
      message: 'database is down',
    });
  });
});

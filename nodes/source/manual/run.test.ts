import { describe, expect, it } from 'vitest';
import { runNode, testContext } from '../../test-support/context';
import { sourceManual } from './definition';

describe('source.manual', () => {
  it('outputs the run input as it is', async () => {
    const input = { topic: 'AI', n: [1, 2] };
    expect(await runNode(sourceManual, { sample: { topic: 'sample' } }, await testContext({ input }))).toEqual(input);
    expect(await runNode(sourceManual, {}, await testContext({ input: null }))).toBeNull();
    expect(await runNode(sourceManual, {}, await testContext({ input: 'text' }))).toBe('text');
  });

  it('outputs the sample, untouched by templating, when the run has no input', async () => {
    const sample = { note: '{{ input.x }}', list: [1] };
    expect(await runNode(sourceManual, { sample }, await testContext())).toEqual(sample);
  });

  it('outputs null without input or sample', async () => {
    expect(await runNode(sourceManual, {}, await testContext())).toBeNull();
  });
});

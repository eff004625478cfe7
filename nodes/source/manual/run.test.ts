import { describe, expect, it } from 'vitest';
import { runNode, testContext } from '../../testing/context';
import { sourceManual } from './definition';

describe('source.manual', () => {
  it('outputs the run input as it is', async () => {
    const input = { topic: 'AI', n: [1, 2] };
    expect(await runNode(sourceManual, { sample: { topic: 'sample' } }, await testContext({ input }))).toEqual(input);
    expect(await runNode(sourceManual, {}, await testContext({ input: null }))).toBeNull();
    expect(await runNode(sourceManual, {}, await testContext({ input: 'text' }))).toBe('text');
  });

  it('outputs null, not the sample, when the run has no input (the sample is for editor previews only)', async () => {
    const sample = { note: '{{ input.x }}', list: [1] };
    expect(await runNode(sourceManual, { sample }, await testContext())).toBeNull();
    expect(await runNode(sourceManual, { sample }, await testContext({ input: undefined }))).toBeNull();
  });

  it('keeps `sample` in its params, untouched by templating, for the editor', () => {
    const sample = { note: '{{ input.x }}', list: [1] };
    expect(sourceManual.params.parse({ sample })).toEqual({ sample });
    expect(sourceManual.literalParams).toContain('sample');
    expect(sourceManual.docs).toContain('a run never outputs it');
  });

  it('outputs null without input or sample', async () => {
    expect(await runNode(sourceManual, {}, await testContext())).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { transformTemplate } from './definition';

describe('transform.template', () => {
  const upstream: [string, unknown][] = [['sum', { text: 'All calm.', usage: { inputTokens: 1, outputTokens: 2 } }]];

  it('renders text with placeholders', async () => {
    const out = await runNode(
      transformTemplate,
      { template: 'Report for {{ input.day }}:\n{{ nodes.sum.output.text }}' },
      await testContext({ input: { day: 'Monday' } }),
      upstream,
    );
    expect(out).toBe('Report for Monday:\nAll calm.');
  });

  it('always outputs a string, objects as JSON', async () => {
    expect(await runNode(transformTemplate, { template: '{{ nodes.sum.output.usage }}' }, await testContext(), upstream)).toBe(
      '{\n  "inputTokens": 1,\n  "outputTokens": 2\n}',
    );
    expect(await runNode(transformTemplate, { template: '{{ nodes.sum.output.usage.inputTokens }}' }, await testContext(), upstream)).toBe(
      '1',
    );
  });

  it('keeps \\{{ as a literal', async () => {
    expect(await runNode(transformTemplate, { template: 'Use \\{{ input }} in templates' }, await testContext())).toBe(
      'Use {{ input }} in templates',
    );
  });

  it('fails on a missing field instead of writing "undefined"', async () => {
    const err = await rejection(
      runNode(transformTemplate, { template: 'x {{ nodes.sum.output.title }}' }, await testContext({ nodeId: 'fmt' }), upstream),
    );
    expect(err.code).toBe('EXPRESSION_ERROR');
    expect(err.message).toBe(
      'Node "fmt" (transform.template): Parameter "template": nodes.sum.output.title does not exist: nodes.sum.output has no field "title" (it has: text, usage)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { summarizeNode } from './node-summary';
import { testCatalogue, testNodeType } from './store/testing';

const chat = testCatalogue.find((d) => d.id === 'llm.chat')!;
const manual = testCatalogue.find((d) => d.id === 'source.manual')!;
// The rules transform.filter declares (nodes/transform/filter/definition.ts).
const filter: NodeTypeDef = testNodeType({
  id: 'transform.filter',
  category: 'transform',
  title: 'Filter',
  paramsSchema: {
    type: 'object',
    properties: {
      mode: { type: 'string', enum: ['condition', 'jsonata'] },
      field: { type: 'string' },
      operator: { type: 'string', enum: ['contains', 'notContains'] },
      value: { type: 'string' },
      expression: { type: 'string' },
    },
  },
  display: {
    icon: 'filter',
    synonyms: [],
    summary: [
      { when: { param: 'mode', equals: 'jsonata' }, show: ['expression'] },
      { format: 'Keep where {field|item} {operator|contains} {value|}' },
    ],
  },
});
const slack: NodeTypeDef = testNodeType({
  id: 'output.slack',
  category: 'output',
  title: 'Slack',
  secretParams: ['webhookUrl'],
  paramsSchema: { type: 'object', properties: { webhookUrl: { type: 'string' }, text: { type: 'string' } } },
});

describe('summarizeNode', () => {
  it('fills the format with params and fallbacks, then the first non-empty shown param', () => {
    expect(
      summarizeNode({ type: 'llm.chat', params: { purpose: 'draft', model: 'gpt-4o', prompt: 'Write\n  about {{ input.x }}' } }, chat),
    ).toBe('draft · gpt-4o — Write about {{ input.x }}');
    expect(summarizeNode({ type: 'llm.chat', params: { prompt: 'Hi' } }, chat)).toBe('analyze · default model — Hi');
  });

  it('leaves out a format whose param without fallback is empty; shows other values as JSON', () => {
    expect(summarizeNode({ type: 'source.manual', params: { sample: { topic: 'x' } } }, manual)).toBe('Sample: {"topic":"x"}');
    expect(summarizeNode({ type: 'source.manual', params: {} }, manual)).toBe('');
  });

  it('takes the first rule whose condition holds, naming enum choices as the form does', () => {
    expect(
      summarizeNode(
        { type: 'transform.filter', params: { mode: 'condition', field: 'title', operator: 'notContains', value: 'AI' } },
        filter,
      ),
    ).toBe('Keep where title not contains AI');
    expect(summarizeNode({ type: 'transform.filter', params: { operator: 'notContains' } }, filter)).toBe('Keep where item not contains');
    expect(summarizeNode({ type: 'transform.filter', params: { mode: 'jsonata', expression: 'score > 1' } }, filter)).toBe('score > 1');
  });

  it('without rules falls back to the first string param that is not secret, and truncates', () => {
    expect(
      summarizeNode(
        { type: 'output.slack', params: { webhookUrl: 'https://hooks.slack.com/services/T/B/secret', text: 'Daily digest' } },
        slack,
      ),
    ).toBe('Daily digest');
    expect(summarizeNode({ type: 'x', params: { foo: 'a'.repeat(100) } }, undefined, 10)).toBe(`${'a'.repeat(9)}…`);
    expect(summarizeNode({ type: 'x', params: {} })).toBe('');
  });
});

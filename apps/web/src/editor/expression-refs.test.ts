import { describe, expect, it } from 'vitest';
import { referenceFor } from './expression-refs';
import { testCatalogue, testNodeType } from './store/testing';

const chat = testCatalogue.find((d) => d.id === 'llm.chat')!;
const rss = testNodeType({
  id: 'source.rss',
  category: 'source',
  title: 'RSS',
  paramsSchema: {},
  output: { description: 'd', schema: {}, primaryPath: 'output.items', primaryLabel: 'items' },
});
const template = testNodeType({
  id: 'transform.template',
  category: 'transform',
  title: 'T',
  paramsSchema: {},
  output: { description: 'd', schema: {}, primaryPath: 'output', primaryLabel: 'text' },
});

describe('referenceFor', () => {
  it("points at the useful part the node type's output declares", () => {
    expect(referenceFor('rss_1', rss, 'Tech feed')).toEqual({ expression: '{{ nodes.rss_1.output.items }}', label: 'Tech feed · items' });
    expect(referenceFor('chat_1', chat, 'LLM chat')).toEqual({ expression: '{{ nodes.chat_1.output.text }}', label: 'LLM chat · answer' });
    expect(referenceFor('tpl', template, 'Text template')).toEqual({ expression: '{{ nodes.tpl.output }}', label: 'Text template · text' });
  });
  it('falls back to the whole output', () => {
    const jsonata = testNodeType({ id: 'transform.jsonata', category: 'transform', title: 'JSONata', paramsSchema: {} });
    expect(referenceFor('x', jsonata, 'JSONata')).toEqual({ expression: '{{ nodes.x.output }}', label: 'JSONata' });
    expect(referenceFor('x', undefined, 'Unknown')).toEqual({ expression: '{{ nodes.x.output }}', label: 'Unknown' });
  });
});

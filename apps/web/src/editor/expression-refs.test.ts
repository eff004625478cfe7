import { describe, expect, it } from 'vitest';
import { referenceFor } from './expression-refs';

describe('referenceFor', () => {
  it('points at the useful part of known outputs', () => {
    expect(referenceFor('rss_1', 'source.rss', 'Tech feed')).toEqual({ expression: '{{ nodes.rss_1.output.items }}', label: 'Tech feed · items' });
    expect(referenceFor('chat_1', 'llm.chat', 'LLM chat')).toEqual({ expression: '{{ nodes.chat_1.output.text }}', label: 'LLM chat · answer' });
    expect(referenceFor('tpl', 'transform.template', 'Text template').expression).toBe('{{ nodes.tpl.output }}');
  });
  it('falls back to the whole output', () => {
    expect(referenceFor('x', 'transform.jsonata', 'JSONata')).toEqual({ expression: '{{ nodes.x.output }}', label: 'JSONata' });
  });
});

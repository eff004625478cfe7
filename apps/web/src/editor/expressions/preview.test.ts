import { describe, expect, it } from 'vitest';
import { previewTemplate, type PreviewData } from './preview';

const data: PreviewData = {
  input: { topic: 'bikes' },
  outputs: { summarise: { text: 'Short answer', usage: { inputTokens: 3 } } },
  noData: new Set(['fetch']),
  secrets: ['API_TOKEN'],
};

describe('previewTemplate', () => {
  it('resolves text and single values with the evaluator runs use', () => {
    expect(previewTemplate('About {{ input.topic }}: {{ nodes.summarise.output.text }}', data, false)).toEqual({
      kind: 'value',
      text: 'About bikes: Short answer',
      type: 'text',
    });
    expect(previewTemplate('{{ nodes.summarise.output.usage }}', data, false)).toEqual({
      kind: 'value',
      text: '{\n  "inputTokens": 3\n}',
      type: 'json',
    });
    expect(previewTemplate('no expressions', data, false)).toEqual({ kind: 'none' });
  });

  it('says what is wrong: syntax with its position, missing fields with what exists', () => {
    const syntax = previewTemplate('Hi {{ input.topic', data, false);
    expect(syntax).toMatchObject({ kind: 'error', syntax: true, position: 3 });
    const missing = previewTemplate('{{ nodes.summarise.output.txt }}', data, false);
    expect(missing.kind).toBe('error');
    expect(missing.kind === 'error' && missing.message).toMatch(/has no field "txt".*text, usage/);
    const notUpstream = previewTemplate('{{ nodes.later.output }}', data, false);
    expect(notUpstream.kind === 'error' && notUpstream.message).toMatch(/no output of a node "later" before this one/);
  });

  it('shows secrets as placeholders and never needs their values', () => {
    expect(previewTemplate('Bearer {{ secrets.API_TOKEN }}', data, false)).toEqual({
      kind: 'value',
      text: 'Bearer ‹secrets.API_TOKEN›',
      type: 'text',
    });
    const unknown = previewTemplate('{{ secrets.OTHER }}', data, false);
    expect(unknown.kind === 'error' && unknown.message).toMatch(/no secret named "OTHER"/);
    // When the list cannot be read (a viewer), any name previews as its placeholder.
    expect(previewTemplate('{{ secrets.OTHER }}', { ...data, secrets: null }, false)).toMatchObject({ text: '‹secrets.OTHER›' });
  });

  it('waits for data rather than calling a never-run node an error', () => {
    expect(previewTemplate('{{ nodes.fetch.output.body }}', data, false)).toEqual({ kind: 'noData', nodeIds: ['fetch'] });
  });
});

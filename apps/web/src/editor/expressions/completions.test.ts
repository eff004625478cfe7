import { describe, expect, it } from 'vitest';
import { applySuggestion, completionContext, suggest, type CompletionSources } from './completions';
import { treeFromSchema, treeFromValue } from './field-tree';

const sources: CompletionSources = {
  input: treeFromValue({ topic: 'bikes', tags: ['a'] }),
  nodes: [
    { nodeId: 'summarise', title: 'Summarise', fields: treeFromValue({ text: 'hi', usage: { inputTokens: 1 }, items: [{ title: 't' }] }) },
    { nodeId: 'fetch', title: 'Fetch page', fields: treeFromSchema({ type: 'object', properties: { body: { type: 'string' } } }) },
  ],
  secrets: ['GITHUB_TOKEN', 'SLACK_URL'],
};
const labels = (typed: string) => suggest(typed, sources).map((s) => s.label);
const applied = (typed: string) => suggest(typed, sources).map((s) => s.apply);

describe('completionContext', () => {
  it('is the path typed after an open {{ up to the cursor', () => {
    expect(completionContext('Hi {{ nodes.su', 14)).toEqual({ from: 6, to: 14, typed: 'nodes.su' });
    expect(completionContext('Hi {{', 5)).toEqual({ from: 5, to: 5, typed: '' });
    expect(completionContext('{{ input.topic }} and more', 10)).toEqual({ from: 3, to: 10, typed: 'input.t' });
  });
  it('is null outside expressions, after a closed one, in quoted keys and after \\{{', () => {
    expect(completionContext('plain text', 5)).toBeNull();
    expect(completionContext('{{ input }} after', 15)).toBeNull();
    expect(completionContext('{{ input["a b', 13)).toBeNull();
    expect(completionContext('\\{{ input', 9)).toBeNull();
  });
});

describe('suggest', () => {
  it('offers the roots, then node ids (with titles), then output', () => {
    expect(labels('')).toEqual(['input', 'nodes', 'secrets']);
    expect(labels('n')).toEqual(['nodes', 'input']);
    expect(applied('nodes.')).toEqual(['nodes.summarise.output', 'nodes.fetch.output']);
    expect(suggest('nodes.f', sources)[0]).toMatchObject({ label: 'fetch', detail: 'Fetch page', kind: 'node' });
    expect(applied('nodes.fetch.')).toEqual(['nodes.fetch.output']);
  });

  it('offers the fields of the sample data or of the schema, at any depth, with list indexes', () => {
    expect(labels('nodes.summarise.output.')).toEqual(['text', 'usage', 'items']);
    expect(applied('nodes.summarise.output.us')).toEqual(['nodes.summarise.output.usage']);
    expect(applied('nodes.summarise.output.usage.')).toEqual(['nodes.summarise.output.usage.inputTokens']);
    expect(applied('nodes.summarise.output.items.')).toEqual(['nodes.summarise.output.items[0]']);
    expect(applied('nodes.summarise.output.items[')).toEqual(['nodes.summarise.output.items[0]']);
    expect(applied('nodes.summarise.output.items[0].')).toEqual(['nodes.summarise.output.items[0].title']);
    expect(labels('nodes.fetch.output.')).toEqual(['body']);
    expect(labels('input.')).toEqual(['topic', 'tags']);
    expect(suggest('input.to', sources)[0]).toMatchObject({ apply: 'input.topic', detail: '"bikes"' });
  });

  it('offers secret names, never values', () => {
    expect(applied('secrets.')).toEqual(['secrets.GITHUB_TOKEN', 'secrets.SLACK_URL']);
    expect(labels('secrets.sl')).toEqual(['SLACK_URL']);
  });

  it('matches the start first, then anywhere, and knows nothing of unknown nodes', () => {
    expect(labels('nodes.summarise.output.e')).toEqual(['text', 'usage', 'items']);
    expect(labels('nodes.ghost.output.')).toEqual([]);
    expect(labels('nodes.summarise.output.nope.')).toEqual([]);
  });
});

describe('applySuggestion', () => {
  it('replaces what was typed and closes the expression when it is open', () => {
    const text = 'Say {{ nodes.su';
    const ctx = completionContext(text, text.length)!;
    const s = suggest(ctx.typed, sources)[0]!;
    expect(applySuggestion(text, ctx, s)).toEqual({ text: 'Say {{ nodes.summarise.output }}', cursor: 29 });
  });
  it('leaves an existing }} alone', () => {
    const text = 'Say {{ input.to }} now';
    const ctx = completionContext(text, 15)!;
    const s = suggest(ctx.typed, sources)[0]!;
    expect(applySuggestion(text, ctx, s)).toEqual({ text: 'Say {{ input.topic }} now', cursor: 18 });
  });
});

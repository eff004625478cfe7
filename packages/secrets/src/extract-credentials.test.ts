import { describe, expect, it } from 'vitest';
import { extractCredentials, urlCredential } from './extract-credentials';

const graph = () => ({
  nodes: [
    {
      id: 'fetch',
      type: 'source.http',
      params: {
        url: 'https://api.example.com/v1/items?key=AIzaSyA-real-key&limit=5',
        headers: { Authorization: 'Bearer ghp_123456789', Accept: 'application/json' },
      },
    },
    {
      id: 'notify',
      type: 'output.webhook',
      params: { url: 'https://hooks.example.com/x', headers: { 'X-Api-Key': 'Bearer ghp_123456789', 'X-Run': '{{ input.id }}' } },
    },
    { id: 'ask', type: 'llm.chat', params: { prompt: 'Summarise the token usage report', token: 'not-in-a-container' } },
  ],
  edges: [],
});

describe('extractCredentials', () => {
  it('moves credential headers and key-like query parameters into secret references', () => {
    const { graph: out, extracted } = extractCredentials(graph(), new Set());
    expect(out.nodes[0]!.params).toEqual({
      url: 'https://api.example.com/v1/items?key={{ secrets.FETCH_KEY }}&limit=5',
      headers: { Authorization: '{{ secrets.FETCH_AUTHORIZATION }}', Accept: 'application/json' },
    });
    // The same value in another node is the same secret.
    expect(out.nodes[1]!.params!.headers).toEqual({ 'X-Api-Key': '{{ secrets.FETCH_AUTHORIZATION }}', 'X-Run': '{{ input.id }}' });
    expect(extracted.map(({ name, value }) => [name, value])).toEqual([
      ['FETCH_KEY', 'AIzaSyA-real-key'],
      ['FETCH_AUTHORIZATION', 'Bearer ghp_123456789'],
    ]);
    // Prose and top-level fields that merely share a name are left alone; so are templates.
    expect(out.nodes[2]!.params).toEqual(graph().nodes[2]!.params);
    expect(JSON.stringify(out)).not.toContain('ghp_');
  });

  it('avoids names already taken and is idempotent on its own output', () => {
    const first = extractCredentials(graph(), new Set(['FETCH_KEY']));
    expect(first.extracted[0]!.name).toBe('FETCH_KEY_2');
    const again = extractCredentials(first.graph, new Set(['FETCH_KEY', 'FETCH_KEY_2', 'FETCH_AUTHORIZATION']));
    expect(again.extracted).toEqual([]);
    expect(again.graph).toEqual(first.graph);
  });
});

describe('urlCredential', () => {
  it('spots userinfo and key-like query parameters, nothing else', () => {
    expect(urlCredential('https://user:sk-123@proxy.example.com/v1')).toBe('userinfo');
    expect(urlCredential('https://gateway.example.com/v1?api_key=sk-123')).toBe('query');
    expect(urlCredential('https://gateway.example.com/v1?KEY=x')).toBe('query');
    expect(urlCredential('http://127.0.0.1:11434/v1')).toBeUndefined();
    expect(urlCredential('https://example.com/v1?region=eu')).toBeUndefined();
  });
});

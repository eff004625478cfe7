import { parseGraph } from '@bm/graph';
import { describe, expect, it } from 'vitest';
import { SECRET_MASK, graphConnectionIds, maskSecretParams, restoreSecretParams } from './graph-facts';

const at = { x: 0, y: 0 };
const graph = () =>
  parseGraph({
    nodes: [
      { id: 'chat', type: 'llm.chat', params: { prompt: 'p', llmConnectionId: 'conn-1' }, position: at },
      { id: 'chat2', type: 'llm.chat', params: { prompt: 'p', llmConnectionId: '  ' }, position: at },
      {
        id: 'slack',
        type: 'output.slack',
        params: { webhookUrl: 'https://hooks.slack.com/services/T1/B2/secret', text: 'hi' },
        position: at,
      },
      { id: 'slack2', type: 'output.slack', params: { webhookUrl: '', text: 'hi' }, position: at },
      { id: 'hook', type: 'output.webhook', params: { url: 'https://discord.com/api/webhooks/1/token', method: 'POST' }, position: at },
      { id: 'odd', type: 'custom.unknown', params: { webhookUrl: 'https://x.test/keep' }, position: at },
    ],
    edges: [{ id: 'e', source: 'chat', target: 'slack' }],
  });

describe('maskSecretParams', () => {
  it('replaces the value of every secret param and nothing else', () => {
    const masked = maskSecretParams(graph());
    const params = Object.fromEntries(masked.nodes.map((n) => [n.id, n.params]));
    expect(params.slack).toEqual({ webhookUrl: SECRET_MASK, text: 'hi' });
    expect(params.hook).toEqual({ url: SECRET_MASK, method: 'POST' });
    expect(params.chat).toEqual({ prompt: 'p', llmConnectionId: 'conn-1' });
    expect(JSON.stringify(masked)).not.toContain('secret/');
    expect(JSON.stringify(masked)).not.toContain('token');
  });

  it('leaves empty secrets empty, unknown types untouched, and the input unchanged', () => {
    const g = graph();
    const before = structuredClone(g);
    const masked = maskSecretParams(g);
    expect(masked.nodes.find((n) => n.id === 'slack2')!.params.webhookUrl).toBe('');
    expect(masked.nodes.find((n) => n.id === 'odd')!.params.webhookUrl).toBe('https://x.test/keep');
    expect(masked.edges).toEqual(g.edges);
    expect(g).toEqual(before);
  });
});

describe('secret params are write-only', () => {
  it('shows a plain {{ secrets.NAME }} reference as it is', () => {
    const g = graph();
    g.nodes.find((n) => n.id === 'slack')!.params.webhookUrl = '{{ secrets.SLACK_URL }}';
    expect(maskSecretParams(g).nodes.find((n) => n.id === 'slack')!.params.webhookUrl).toBe('{{ secrets.SLACK_URL }}');
  });

  it('a graph sent back with masks keeps the stored values; a mask with nothing behind it is reported', () => {
    const stored = graph();
    const back = maskSecretParams(stored);
    back.nodes.find((n) => n.id === 'slack')!.params.text = 'changed';
    back.nodes.push({ id: 'pasted', type: 'output.slack', version: 1, params: { webhookUrl: SECRET_MASK, text: 'x' }, position: at });
    const { graph: restored, unresolved } = restoreSecretParams(back, stored);
    expect(restored.nodes.find((n) => n.id === 'slack')!.params).toEqual({
      webhookUrl: 'https://hooks.slack.com/services/T1/B2/secret',
      text: 'changed',
    });
    expect(restored.nodes.find((n) => n.id === 'hook')!.params.url).toBe('https://discord.com/api/webhooks/1/token');
    expect(unresolved).toEqual([{ nodeId: 'pasted', param: 'webhookUrl' }]);
  });
});

describe('graphConnectionIds', () => {
  it('collects the non-empty connection params of every node once', () => {
    const g = graph();
    g.nodes.push({ ...g.nodes[0]!, id: 'chat3' });
    expect(graphConnectionIds(g)).toEqual(['conn-1']);
  });
});

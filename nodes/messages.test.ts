import { createI18n } from '@bm/i18n';
import { describe, expect, it } from 'vitest';
import { NodeError } from './errors';
import { nodeError, nodeMessage, type NodeMessageKey } from './messages';
import { parseHttpUrl, statusError } from './shared/http';
import { resolveList } from './shared/items';

// A NodeError built by nodeError takes its English from the catalogue and keeps the key and params,
// so the web shows the same failure in the reader's language (failureText).
const ko = createI18n({ locale: 'ko' });
const korean = (e: NodeError) => (ko.t as (k: string, o: object) => string)(`errors:${e.key}`, e.params ?? {});
const thrown = (f: () => unknown): NodeError => {
  try {
    f();
  } catch (err) {
    if (err instanceof NodeError) return err;
    throw err;
  }
  throw new Error('expected a NodeError');
};
const reply = (status: number, body = '', statusText = '') => ({
  status,
  statusText,
  url: 'https://example.test/feed?token=secret',
  headers: {},
  contentType: 'text/plain',
  bytes: new TextEncoder().encode(body),
});
const none = { all: [], byNode: {}, byPort: {} };

describe('node failures from the catalogue', () => {
  const errors = [
    statusError(reply(404, 'Not here', 'Not Found'), 'feed'),
    statusError(reply(503), 'webhook', 'POST'),
    thrown(() => parseHttpUrl('not a url')),
    thrown(() => parseHttpUrl('ftp://x.test/')),
    thrown(() => resolveList(undefined, none)),
    thrown(() => resolveList('body.items', { all: [{ body: 3 }], byNode: {}, byPort: {} })),
    thrown(() => resolveList(7, none, 'list')),
    nodeError('CANCELLED', 'node.CANCELLED.node', { nodeId: 'n1', type: 'source.http' }),
    nodeError('TIMEOUT', 'node.TIMEOUT', { target: 'GET https://x.test/', ms: '30000' }),
  ];

  it('keeps the English as the message and names its key', () => {
    expect(errors.every((e) => e.key && e.message === nodeMessage(e.key as NodeMessageKey, e.params))).toBe(true);
    expect(errors[0]!.message).toBe(
      'Could not fetch the feed: GET https://example.test/feed answered 404 Not Found: Not here. Check the URL, the method and the credentials.',
    );
    expect(errors[4]!.message).toContain('or to an expression such as {{ nodes.<id>.output.items }}.');
    expect(errors[8]!.message).toBe('GET https://x.test/ did not complete within 30000 ms.');
  });

  it('renders each in Korean with its params', () => {
    const texts = errors.map(korean);
    expect(texts.filter((t) => !/[가-힣]/.test(t))).toEqual([]);
    expect(texts[0]).toBe(
      '피드를 가져오지 못했어요: GET https://example.test/feed의 응답이 404 Not Found이에요: Not here. URL, 메서드, 인증 정보를 확인해 주세요.',
    );
    expect(texts[1]).toBe('웹훅으로 보내지 못했어요: POST https://example.test/feed의 응답이 503이에요');
    expect(texts[4]).toContain("'{{ nodes.<id>.output.items }}'".replace(/'/g, ''));
  });
});

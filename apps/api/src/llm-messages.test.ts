import { describe, expect, it } from 'vitest';
import { httpFailureToError, missingKey, type CallContext, type LlmError } from '@bm/llm';
import { NodeError, toNodeError } from '@bm/nodes';
import { errorMessage, hasMessage, type ErrorKey } from './lib/messages';

// packages/llm writes its messages in English and names their catalogue key and arguments; the
// catalogue's English must say exactly the same, in every variant (provider, connection, status),
// so the web can show a stored failure in the reader's language and fall back to `message`.
const PROVIDERS = ['openai', 'anthropic', 'google', 'local', 'other'] as const;
const contexts: CallContext[] = PROVIDERS.flatMap((provider) => [
  { provider, host: 'api.example.com', model: 'm-1', timeoutMs: 1000 },
  { provider, host: '127.0.0.1:11434', model: 'm-2', connection: { id: 'c1', name: 'Work' }, timeoutMs: 1000 },
]);
const failure = (status: number, codes: string[] = []) => ({ status, codes, providerShaped: true });

describe('LLM and node error messages in the catalogue', () => {
  const errors: LlmError[] = contexts.flatMap((ctx) => [
    httpFailureToError(failure(401), ctx),
    httpFailureToError(failure(403), ctx),
    httpFailureToError(failure(402), ctx),
    httpFailureToError(failure(404, ['model_not_found']), ctx),
    missingKey(ctx),
  ]);

  it('renders each keyed LLM message in English exactly as packages/llm wrote it', () => {
    expect(errors.every((e) => e.key && hasMessage('errors', e.key))).toBe(true);
    const differ = errors.filter((e) => errorMessage('en', e.key as ErrorKey, e.params) !== e.message).map((e) => `${e.key}: ${e.message}`);
    expect(differ).toEqual([]);
  });

  it('renders them in Korean, keeping names and the connection as written', () => {
    const e = httpFailureToError(failure(401), contexts[3]!);
    expect(errorMessage('ko', e.key as ErrorKey, e.params)).toBe(
      'Anthropic API 키(연결 "Work")가 거부되었어요(401). 설정 → LLM 연결에서 키를 바꿔 주세요.',
    );
  });

  it('keeps the key through the one normaliser, and node errors with a fix have one too', () => {
    const n = toNodeError(httpFailureToError(failure(401), contexts[0]!));
    expect([n.code, n.key, n.params?.provider]).toEqual(['KEY_REJECTED', 'llm.KEY_REJECTED.rejected', 'openai']);
    const big = new NodeError('RESPONSE_TOO_LARGE', 'GET https://x.test/: the response is larger than 1000000 bytes (maxBytes).', {
      key: 'node.RESPONSE_TOO_LARGE',
      params: { target: 'GET https://x.test/', maxBytes: '1000000' },
    });
    expect(errorMessage('en', big.key as ErrorKey, big.params)).toBe(big.message);
    expect(errorMessage('ko', big.key as ErrorKey, big.params)).toMatch(/응답이 1000000바이트보다 커요/);
  });
});

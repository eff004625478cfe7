import { describe, expect, it } from 'vitest';
import {
  callProvider,
  contentFiltered,
  createLlmService,
  httpFailureToError,
  invalidJson,
  isLlmError,
  missingKey,
  timeoutError,
  transportFailureToError,
  wrongShape,
  type CallContext,
  type LlmConnectionRecord,
  type LlmError,
} from '@bm/llm';
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
const failure = (status: number, codes: string[] = [], more: object = {}) => ({ status, codes, providerShaped: true, ...more });
const caught = async (p: Promise<unknown>): Promise<LlmError> => {
  try {
    await p;
  } catch (err) {
    if (isLlmError(err)) return err;
    throw err;
  }
  throw new Error('expected an LlmError');
};
const blocked = Object.assign(new Error('127.0.0.2 is a private address.'), { code: 'OUTBOUND_BLOCKED' });

/** Every failure packages/llm can raise, in each provider and connection variant. */
function everyFailure(ctx: CallContext): LlmError[] {
  return [
    httpFailureToError(failure(401), ctx),
    httpFailureToError(failure(403), ctx),
    httpFailureToError(failure(402), ctx),
    httpFailureToError(failure(404, ['model_not_found']), ctx),
    httpFailureToError(failure(429), ctx),
    httpFailureToError(failure(429, [], { retryAfterMs: 2500 }), ctx),
    httpFailureToError(failure(504), ctx),
    httpFailureToError(failure(503), ctx),
    httpFailureToError(failure(413), ctx),
    httpFailureToError(failure(400, ['content_filter']), ctx),
    httpFailureToError(failure(400), ctx),
    httpFailureToError(failure(422, [], { providerMessage: "temperature can't be {hot}" }), ctx),
    httpFailureToError({ status: 404, codes: [], providerShaped: false }, ctx),
    missingKey(ctx),
    timeoutError(ctx),
    contentFiltered(ctx, 'the model declined ("no")'),
    wrongShape(ctx, 'JSON without "choices[0].message"'),
    invalidJson(ctx, '', undefined),
    invalidJson(ctx, 'not { json', undefined),
    invalidJson(ctx, '{"a":', undefined, true),
    transportFailureToError(new TypeError('fetch failed', { cause: blocked }), ctx),
    transportFailureToError(new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }), ctx),
    transportFailureToError(new TypeError('fetch failed'), ctx),
    transportFailureToError(new SyntaxError('Unexpected token <'), ctx),
    transportFailureToError(new Error('something odd'), ctx),
    transportFailureToError('a string', ctx),
  ];
}

const rec = (over: Partial<LlmConnectionRecord> = {}): LlmConnectionRecord => ({
  id: 'c1',
  ownerUserId: 'u',
  workspaceId: 'w',
  provider: 'openai',
  name: 'Work',
  baseUrl: null,
  modelDefault: 'm',
  isActive: true,
  shared: false,
  apiKeyEncrypted: 'sealed',
  keyId: 'k',
  keyNonce: 'n',
  ...over,
});

/** The failures of callLLM's own checks (connection, key) and of callProvider's input checks. */
async function serviceFailures(): Promise<LlmError[]> {
  const service = (connection: LlmConnectionRecord | null, botConnection: string | null = 'c1') =>
    createLlmService({
      store: {
        lookup: async () => ({
          bot: { id: 'b', workspaceId: 'w', llmConnectionId: botConnection, llmModelOverride: null },
          connection,
          member: true,
        }),
      },
      decrypt: () => {
        throw new Error('sealed with another key');
      },
    });
  const req = { userId: 'u', botId: 'b', purpose: 'analyze' as const, prompt: 'hi' };
  const provider = { provider: 'other' as const, model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
  return Promise.all([
    caught(service(rec(), null).callLLM(req)),
    caught(service(null).callLLM(req)),
    caught(service(null).callLLM({ ...req, connectionId: 'c2' })),
    caught(service(rec({ isActive: false })).callLLM(req)),
    caught(service(rec()).callLLM(req)),
    caught(callProvider({ ...provider, baseUrl: '' })),
    caught(callProvider({ ...provider, baseUrl: 'not a url', connection: { id: 'c1', name: 'Work' } })),
    caught(callProvider({ ...provider, baseUrl: 'ftp://x' })),
    caught(callProvider({ ...provider, messages: [] })),
    caught(callProvider({ ...provider, model: ' ' })),
    caught(callProvider({ ...provider, provider: 'nope' as never })),
  ]);
}

describe('LLM and node error messages in the catalogue', () => {
  const errors: LlmError[] = contexts.flatMap(everyFailure);

  it('gives every LLM failure a catalogue key and renders it in English exactly as packages/llm wrote it', async () => {
    const all = [...errors, ...(await serviceFailures())];
    expect(new Set(all.map((e) => e.code)).size).toBeGreaterThanOrEqual(16);
    expect(all.filter((e) => !e.key || !hasMessage('errors', e.key)).map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    const differ = all
      .filter((e) => errorMessage('en', e.key as ErrorKey, e.params) !== e.message)
      .map((e) => `${e.key}: ${errorMessage('en', e.key as ErrorKey, e.params)} ≠ ${e.message}`);
    expect(differ).toEqual([]);
    // Korean, with every argument filled: once the values are taken out, no `{` is left.
    const korean = all
      .map((e) => [e, errorMessage('ko', e.key as ErrorKey, e.params)] as const)
      .filter(
        ([e, text]) =>
          !/[가-힣]/.test(text) ||
          /[{}]/.test(
            Object.values(e.params ?? {})
              .map(String)
              .sort((a, b) => b.length - a.length)
              .reduce<string>((t, v) => t.split(String(v)).join(''), text),
          ),
      )
      .map(([e, text]) => `${e.key}: ${text}`);
    expect(korean).toEqual([]);
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

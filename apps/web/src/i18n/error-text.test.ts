import { afterEach, describe, expect, it } from 'vitest';
import { failureText } from './error-text';
import { setLocale } from './i18n';

describe('failureText', () => {
  afterEach(() => setLocale('en', { save: false }));
  const rejected = {
    code: 'KEY_REJECTED',
    message: 'Your OpenAI API key was rejected (401). Update it in Settings → LLM Connections.',
    key: 'llm.KEY_REJECTED.rejected',
    params: { provider: 'openai', host: 'api.openai.com', hasConnection: 'no', connection: '', status: 401, model: 'gpt' },
  };

  it('renders a recorded failure with a catalogue key in the current language', async () => {
    expect(failureText(rejected)).toBe(rejected.message);
    await setLocale('ko', { save: false });
    expect(failureText(rejected)).toBe('OpenAI API 키가 거부되었어요(401). 설정 → LLM 연결에서 키를 바꿔 주세요.');
  });

  it('renders node failures and every LLM failure code from their keys', async () => {
    await setLocale('ko', { save: false });
    const timeout = {
      code: 'TIMEOUT',
      message: 'GET https://x.test/ did not complete within 30000 ms.',
      key: 'node.TIMEOUT',
      params: { target: 'GET https://x.test/', ms: '30000' },
    };
    expect(failureText(timeout)).toBe('GET https://x.test/ 요청이 30000ms 안에 끝나지 않았어요.');
    const limited = {
      code: 'RATE_LIMITED',
      message: 'OpenAI is rate-limiting your requests (429). …',
      key: 'llm.RATE_LIMITED',
      params: {
        provider: 'openai',
        host: 'api.openai.com',
        hasConnection: 'no',
        connection: '',
        hasRetryAfter: 'yes',
        seconds: '3',
        model: 'm',
      },
    };
    expect(failureText(limited)).toMatch(/^OpenAI에서 요청 속도를 제한하고 있어요\(429\)\. 실행은 약 3초 후에 자동으로 다시 시도해요\./);
  });

  it('shows the stored message for rows without a key (recorded before keys) or with an unknown one', async () => {
    await setLocale('ko', { save: false });
    expect(failureText({ code: 'HTTP_ERROR', message: 'GET https://x answered 500' })).toBe('GET https://x answered 500');
    expect(failureText({ code: 'X', message: 'as stored', key: 'no.such.key' })).toBe('as stored');
    expect(failureText(null)).toBeNull();
  });
});

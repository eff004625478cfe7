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

  it('shows the stored message for rows without a key (recorded before keys) or with an unknown one', async () => {
    await setLocale('ko', { save: false });
    expect(failureText({ code: 'HTTP_ERROR', message: 'GET https://x answered 500' })).toBe('GET https://x answered 500');
    expect(failureText({ code: 'X', message: 'as stored', key: 'no.such.key' })).toBe('as stored');
    expect(failureText(null)).toBeNull();
  });
});

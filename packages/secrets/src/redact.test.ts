import { describe, expect, it } from 'vitest';
import { REDACT_PATHS, redactText } from './index';

const CASES: [string, string, string][] = [
  // [input, secret that must disappear, what must remain]
  [
    'Incorrect API key provided: sk-proj-AbCdEf1234567890XyZw. You can find your API key at …',
    'AbCdEf1234567890',
    'sk-proj-[REDACTED …XyZw]',
  ],
  ['401 invalid x-api-key: sk-ant-api03-abcdefghijklmnopQRST', 'abcdefghijklmnop', 'sk-ant-api03-[REDACTED …QRST]'],
  ['API key not valid: AIzaSyA1234567890abcdefghijklmnopq', 'SyA1234567890abcdefghij', 'AIza[REDACTED …nopq]'],
  [
    'GET https://generativelanguage.googleapis.com/v1beta/models?key=plainGoogleKey0123456789&alt=json',
    'plainGoogleKey01234',
    '?key=[REDACTED …6789]&alt=json',
  ],
  ['fetching https://example.com/feed?token=plainTOKENvalue123&x=1', 'plainTOKENvalue', '&x=1'],
  ['Authorization: Bearer abcdefghijklmnop.qrs', 'abcdefghijklmnop', 'Authorization: Bearer [REDACTED …'],
  ['authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA', 'Basic [REDACTED'],
  ['x-api-key: plain-custom-header-key-42', 'plain-custom-header-key', 'x-api-key: [REDACTED …y-42]'],
  ['x-goog-api-key=someGoogleKeyValue99', 'someGoogleKeyValue', 'x-goog-api-key=[REDACTED'],
  ['{"apiKey":"zzz-plain-secret-zzz","model":"gpt-4o"}', 'zzz-plain-secret', '"model":"gpt-4o"'],
  ['login failed password=hunter2hunter2', 'hunter2hunter2', 'password=[REDACTED'],
  ['proxy https://user:pa55word-long@proxy.local:8080 refused', 'pa55word-long', 'https://user:[REDACTED'],
  ['posting to https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX', 'T000/B000/XXXXXXXXXXXX', 'hooks.slack.com/services/[REDACTED]'],
  ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sflKxwRJSMeKKF2QT4fwpM', 'sflKxwRJSMeKKF2QT4fwpM', '[REDACTED'],
  ['groq said gsk_abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrst', 'gsk_[REDACTED'],
  ['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----', 'MIIEvQIBADAN', '[REDACTED PRIVATE KEY]'],
];

describe('redactText', () => {
  it.each(CASES)('masks %j', (input, secret, kept) => {
    const out = redactText(input);
    expect(out).not.toContain(secret);
    expect(out).toContain(kept);
    expect(redactText(out)).toBe(out); // idempotent: safe to apply at several layers
  });

  it('masks exact extra secrets of any shape (4+ characters)', () => {
    const out = redactText('upstream echoed: my weird secret/with+chars!! and again my weird secret/with+chars!!', [
      'my weird secret/with+chars!!',
      'abc',
    ]);
    expect(out).not.toContain('weird secret');
    expect(out).toBe('upstream echoed: [REDACTED …rs!!] and again [REDACTED …rs!!]');
    expect(redactText('abc is fine', ['abc'])).toBe('abc is fine');
  });

  it('leaves ordinary text alone', () => {
    const text = 'The task-manager model gpt-4o used 3 tokens; max_tokens=100; key points: none. Bearer of bad news. sk-learn';
    expect(redactText(text)).toBe(text);
  });

  it('keeps serialized JSON valid', () => {
    const json = JSON.stringify({
      msg: 'Incorrect API key provided: sk-proj-AbCdEf1234567890XyZw',
      headers: { authorization: 'Bearer abcdefghijklmnop' },
      q: 'a?key=K3y"quoted',
    });
    const out = redactText(json);
    expect(() => JSON.parse(out)).not.toThrow();
    expect(out).not.toContain('AbCdEf1234567890');
  });
});

describe('REDACT_PATHS', () => {
  it('covers the usual places at several depths', () => {
    for (const p of [
      'authorization',
      'apiKey',
      'api_key',
      'key',
      'password',
      'token',
      'secret',
      '["x-api-key"]',
      'headers.authorization',
      'headers["x-api-key"]',
      'headers.cookie',
      'req.headers.authorization',
      'req.headers["x-api-key"]',
      'req.headers.Authorization',
      'res.headers["set-cookie"]',
      'err.config.headers.authorization',
      'err.config.headers["x-api-key"]',
      '*.apiKey',
      '*.password',
      '*.token',
      '*["x-api-key"]',
    ]) {
      expect(REDACT_PATHS).toContain(p);
    }
  });
});

describe('REDACT_PATHS with plain pino (no other layer)', () => {
  it('censors credential fields at the top, one level down and in header containers', async () => {
    const { default: pino } = await import('pino');
    const lines: string[] = [];
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } }, { write: (s: string) => void lines.push(s) });
    const PLAIN = 'plainCanaryNoShape_7f3a9';
    log.info({
      apiKey: PLAIN,
      'x-api-key': PLAIN,
      req: { headers: { authorization: PLAIN, 'x-api-key': PLAIN, cookie: PLAIN, 'user-agent': 'ua' } },
      headers: { Authorization: PLAIN, 'set-cookie': PLAIN },
      connection: { apiKey: PLAIN, api_key: PLAIN },
      err: { config: { headers: { authorization: PLAIN } } },
      body: { password: PLAIN, token: PLAIN, secret: PLAIN },
    });
    expect(lines.join('')).not.toContain(PLAIN);
    expect(lines.join('')).toContain('"user-agent":"ua"');
  });
});

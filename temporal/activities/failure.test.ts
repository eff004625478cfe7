import { describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/activity';
import { toApplicationFailure, toFailureInfo } from './failure';

describe('node failures → Temporal failures', () => {
  it('keeps typed codes and retryability; a rejected key is never retried', () => {
    const info = toFailureInfo(Object.assign(new Error('Your OpenAI API key was rejected (401).'), { code: 'KEY_REJECTED', retryable: false }));
    expect(info).toEqual({ code: 'KEY_REJECTED', message: 'Your OpenAI API key was rejected (401).', retryable: false, retryAfterMs: undefined });
    const f = toApplicationFailure(info);
    expect(f).toBeInstanceOf(ApplicationFailure);
    expect(f.nonRetryable).toBe(true);
    expect(f.type).toBe('KEY_REJECTED');
  });

  it('honours Retry-After on retryable errors', () => {
    const f = toApplicationFailure(toFailureInfo(Object.assign(new Error('rate limited'), { code: 'RATE_LIMITED', retryable: true, retryAfterMs: 7000 })));
    expect(f.nonRetryable).toBe(false);
    expect(f.nextRetryDelay).toBe(7000);
  });

  it('retries unknown errors (they may be transient) under a generic code', () => {
    expect(toFailureInfo(new TypeError('boom'))).toMatchObject({ code: 'NODE_FAILED', retryable: true });
    expect(toFailureInfo(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'ECONNRESET', retryable: true });
    expect(toFailureInfo(Object.assign(new Error('x'), { code: 'weird-code' }))).toMatchObject({ code: 'NODE_FAILED' });
  });
});

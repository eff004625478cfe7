import { describe, expect, it } from 'vitest';
import { ApplicationFailure, CancelledFailure } from '@temporalio/activity';
import { toNodeError } from '@bm/nodes';
import { retryDelayAfter, toActivityFailure, toApplicationFailure, toFailureInfo } from './failure';

const prismaError = (code: string) => Object.assign(new Error(`prisma ${code}`), { code, name: 'PrismaClientKnownRequestError' });

describe('node failures → Temporal failures', () => {
  it('keeps typed codes and retryability; a rejected key is never retried', () => {
    const info = toFailureInfo(
      Object.assign(new Error('Your OpenAI API key was rejected (401).'), { code: 'KEY_REJECTED', retryable: false }),
    );
    expect(info).toEqual({
      code: 'KEY_REJECTED',
      message: 'Your OpenAI API key was rejected (401).',
      retryable: false,
      retryAfterMs: undefined,
    });
    const f = toApplicationFailure(info);
    expect(f).toBeInstanceOf(ApplicationFailure);
    expect(f.nonRetryable).toBe(true);
    expect(f.type).toBe('KEY_REJECTED');
  });

  it('honours Retry-After on retryable errors', () => {
    const f = toApplicationFailure(
      toFailureInfo(Object.assign(new Error('rate limited'), { code: 'RATE_LIMITED', retryable: true, retryAfterMs: 7000 })),
    );
    expect(f.nonRetryable).toBe(false);
    expect(f.nextRetryDelay).toBe(7000);
  });

  it('retries unknown errors (they may be transient) under a generic code', () => {
    expect(toFailureInfo(new TypeError('boom'))).toMatchObject({ code: 'NODE_FAILED', retryable: true });
    expect(toFailureInfo(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'ECONNRESET', retryable: true });
    expect(toFailureInfo(Object.assign(new Error('x'), { code: 'weird-code' }))).toMatchObject({ code: 'NODE_FAILED' });
  });

  it('classifies database errors through packages/db: unreachable is retried, a constraint error is not', () => {
    expect(toFailureInfo(prismaError('P1001'))).toMatchObject({ code: 'DB_UNAVAILABLE', retryable: true });
    expect(toFailureInfo(prismaError('P2002'))).toMatchObject({ code: 'DATABASE_ERROR', retryable: false });
  });

  // The disagreement this replaces: a coded error without a flag was final when a node threw it
  // (toNodeError) but retried when bookkeeping did (toFailureInfo).
  it.each([
    Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    Object.assign(new Error('gone'), { code: 'BOT_NOT_FOUND', retryable: false }),
    prismaError('P1017'),
    prismaError('P2025'),
    new RangeError('bug'),
  ])('decides alike whether a node or the bookkeeping threw it (%s)', (err) => {
    const direct = toFailureInfo(err);
    const viaNode = toFailureInfo(toNodeError(err, 'n'));
    expect(viaNode).toEqual(direct);
  });

  it('redacts secrets from messages that travel through history', () => {
    expect(toFailureInfo(new Error('failed with Authorization: Bearer sk-abcdefghijklmnopqrstuvwxyz123456')).message).not.toContain(
      'sk-abcdefghijklmnopqrstuvwxyz123456',
    );
  });

  it("passes Temporal's own failures through and normalises everything else", () => {
    const cancelled = new CancelledFailure('cancelled');
    expect(toActivityFailure(cancelled)).toBe(cancelled);
    const built = ApplicationFailure.nonRetryable('no', 'X');
    expect(toActivityFailure(built)).toBe(built);
    const f = toActivityFailure(prismaError('P2002')) as ApplicationFailure;
    expect(f).toBeInstanceOf(ApplicationFailure);
    expect({ type: f.type, nonRetryable: f.nonRetryable }).toEqual({ type: 'DATABASE_ERROR', nonRetryable: true });
  });
});

describe('Retry-After', () => {
  const policy = { initialRetryDelayMs: 1_000, backoffCoefficient: 2, maxRetryDelayMs: 60_000 };
  it('0 (or a date in the past) means "retry now": the node\'s own backoff for this attempt applies', () => {
    expect(retryDelayAfter(0, 1, policy)).toBe(1_000);
    expect(retryDelayAfter(0, 3, policy)).toBe(4_000);
  });
  it("a longer wait is honoured, up to the node's maximum interval", () => {
    expect(retryDelayAfter(7_000, 1, policy)).toBe(7_000);
    expect(retryDelayAfter(600_000, 1, policy)).toBe(60_000);
    expect(retryDelayAfter(0, 20, policy)).toBe(60_000);
  });
});

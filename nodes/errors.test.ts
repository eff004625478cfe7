import { describe, expect, it } from 'vitest';
import { NodeError, toNodeError } from './errors';

const prismaError = (code: string) => Object.assign(new Error(`prisma ${code}`), { code, name: 'PrismaClientKnownRequestError' });

// The one rule for what is retried (the activities build Temporal's failures from this too).
describe('toNodeError', () => {
  it.each([
    [
      'a typed non-retryable error',
      Object.assign(new Error('Your key was rejected (401).'), { code: 'KEY_REJECTED', retryable: false }),
      'KEY_REJECTED',
      false,
    ],
    ['a typed retryable error', Object.assign(new Error('rate limited'), { code: 'RATE_LIMITED', retryable: true }), 'RATE_LIMITED', true],
    ['a plain bug', new TypeError('x is not a function'), 'NODE_FAILED', true],
    [
      'a coded error that does not say (a socket reset)',
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      'ECONNRESET',
      true,
    ],
    ['a code that is not ours', Object.assign(new Error('x'), { code: 'weird-code' }), 'NODE_FAILED', true],
    ['an unreachable database', prismaError('P1001'), 'DB_UNAVAILABLE', true],
    ['a constraint error', prismaError('P2002'), 'DATABASE_ERROR', false],
    ['a database error that claims otherwise', Object.assign(prismaError('P2003'), { retryable: true }), 'DATABASE_ERROR', false],
    ['a thrown string', 'boom', 'NODE_FAILED', true],
  ])('%s → %s, retryable %s', (_name, err, code, retryable) => {
    const e = toNodeError(err, 'n1');
    expect(e).toBeInstanceOf(NodeError);
    expect(e).toMatchObject({ code, retryable, nodeId: 'n1' });
  });

  it('returns a NodeError as it is, naming the node once', () => {
    const original = new NodeError('INVALID_PARAMS', 'bad', { retryable: false });
    expect(toNodeError(original, 'n2')).toBe(original);
    expect(original.nodeId).toBe('n2');
  });

  it('keeps status and Retry-After of what it wraps', () => {
    expect(toNodeError(Object.assign(new Error('busy'), { status: 429, retryAfterMs: 7000 }))).toMatchObject({
      status: 429,
      retryAfterMs: 7000,
      retryable: true,
    });
  });
});

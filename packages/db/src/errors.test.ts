import { describe, expect, it } from 'vitest';
import { classifyDbError, isDbWriteConflict, isTransientDbError } from './errors';

const prismaError = (code: string) => Object.assign(new Error(`prisma ${code}`), { code, name: 'PrismaClientKnownRequestError' });

describe('database errors', () => {
  it('connection problems (P1xxx) may pass on a retry; query and constraint errors (P2xxx) will not', () => {
    expect(classifyDbError(prismaError('P1001'))).toEqual({ code: 'DATABASE_ERROR', retryable: true });
    expect(isTransientDbError(prismaError('P1008'))).toBe(true);
    expect(classifyDbError(prismaError('P2002'))).toEqual({ code: 'DATABASE_ERROR', retryable: false });
    expect(isTransientDbError(prismaError('P2025'))).toBe(false);
  });

  it('leaves errors of other origins alone', () => {
    for (const err of [new Error('boom'), Object.assign(new Error('x'), { code: 'ECONNRESET' }), Object.assign(new Error('x'), { code: 'PARSE_ERROR' }), null, 'text']) {
      expect(classifyDbError(err)).toBeUndefined();
      expect(isTransientDbError(err)).toBe(false);
    }
  });

  it('recognises a lost write race without callers knowing Prisma codes', () => {
    expect(isDbWriteConflict(prismaError('P2002'))).toBe(true);
    expect(isDbWriteConflict(prismaError('P2025'))).toBe(true);
    expect(isDbWriteConflict(prismaError('P2003'))).toBe(false);
    expect(isDbWriteConflict(new Error('P2002'))).toBe(false);
  });
});

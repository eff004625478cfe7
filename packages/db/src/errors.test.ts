import { describe, expect, it } from 'vitest';
import { classifyDbError, isDbWriteConflict, isTransientDbError, markDatabaseError } from './errors';

const prismaError = (code: string) => Object.assign(new Error(`prisma ${code}`), { code, name: 'PrismaClientKnownRequestError' });

describe('database errors', () => {
  it('connection problems (P1xxx) may pass on a retry; query and constraint errors (P2xxx) will not', () => {
    expect(classifyDbError(prismaError('P1001'))).toMatchObject({ code: 'DB_UNAVAILABLE', retryable: true });
    expect(isTransientDbError(prismaError('P1008'))).toBe(true);
    expect(classifyDbError(prismaError('P2002'))).toMatchObject({ code: 'DATABASE_ERROR', retryable: false });
    expect(isTransientDbError(prismaError('P2025'))).toBe(false);
    // Pool timeout and a transaction that lost its connection: the server is away, not the query wrong.
    expect(isTransientDbError(prismaError('P2024'))).toBe(true);
    expect(isTransientDbError(prismaError('P2028'))).toBe(true);
  });

  it('recognises an outage through the driver adapters and the raw driver, by what PostgreSQL and the socket say', () => {
    const adapter = (cause: object) => Object.assign(new Error('x'), { name: 'DriverAdapterError', cause });
    expect(isTransientDbError(adapter({ kind: 'postgres', code: '57P01' }))).toBe(true); // shut down by an administrator
    expect(isTransientDbError(adapter({ kind: 'postgres', code: '57P03' }))).toBe(true); // starting up
    expect(isTransientDbError(adapter({ kind: 'postgres', code: '08006' }))).toBe(true);
    expect(isTransientDbError(adapter({ kind: 'postgres', code: '23505' }))).toBe(false);
    expect(isTransientDbError(markDatabaseError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).toBe(true);
    expect(isTransientDbError(markDatabaseError(new Error('Connection terminated unexpectedly')))).toBe(true);
  });

  it('never hands on the text of a database error (it quotes our files and queries)', () => {
    const leaky = Object.assign(new Error('Invalid `prisma.run.findUnique()` invocation in /work/packages/db/src/repos/runs.ts:36:37'), {
      code: 'P2010',
    });
    expect(classifyDbError(leaky)!.message).not.toMatch(/prisma|\/work|runs\.ts/);
  });

  it('leaves errors of other origins alone', () => {
    for (const err of [
      new Error('boom'),
      Object.assign(new Error('x'), { code: 'ECONNRESET' }),
      Object.assign(new Error('x'), { code: 'PARSE_ERROR' }),
      null,
      'text',
    ]) {
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

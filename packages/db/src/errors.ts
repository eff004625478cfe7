import { Prisma } from './generated/client';

/** The row a repository was asked to change does not exist (any more). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(readonly entity: string, options?: { cause?: unknown }) {
    super(`${entity} was not found.`, options);
  }
}

/**
 * A write lost against another one: a unique value is taken, or the row changed between read and
 * write (optimistic concurrency). `entity` says what was being written.
 */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(readonly entity: string, message = `${entity} was changed at the same moment by another request.`, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export const isNotFoundError = (err: unknown): err is NotFoundError => err instanceof NotFoundError;
export const isConflictError = (err: unknown): err is ConflictError => err instanceof ConflictError;

/**
 * Runs a Prisma write and turns its "no such row" (P2025) and "unique value taken" (P2002) into
 * NotFoundError / ConflictError: Prisma's codes never leave this package.
 * (Not exported from the package index: repositories use it.)
 */
/** Prisma's "unique value taken": P2002, or the driver adapter's own report (PGlite passes Postgres' 23505 through). */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === 'P2002';
  const cause = (err as { name?: string; cause?: { kind?: string; code?: string } } | null)?.cause;
  return (err as { name?: string } | null)?.name === 'DriverAdapterError' && (cause?.kind === 'UniqueConstraintViolation' || cause?.code === '23505');
}

/** Prisma's "the row to change does not exist" (an update's or delete's where matched nothing). */
export const isRecordMissing = (err: unknown): boolean => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025';

export async function translated<T>(entity: string, write: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof write === 'function' ? write() : write);
  } catch (err) {
    if (isRecordMissing(err)) throw new NotFoundError(entity, { cause: err });
    if (isUniqueViolation(err)) throw new ConflictError(entity, undefined, { cause: err });
    throw err;
  }
}

// Typed repository errors: Prisma's error codes never leave packages/db.

/** The row to change or read does not exist. */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(readonly entity: string, message = `The ${entity} was not found.`) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A unique constraint refused the write (a name taken, a concurrent save of the same version). */
export class ConflictError extends Error {
  readonly code = 'CONFLICT';
  constructor(readonly entity: string, message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

const prismaCode = (err: unknown) => (err as { code?: unknown })?.code;
/**
 * A unique constraint failed: Prisma's P2002, or — through the PGlite driver adapter, which passes
 * PostgreSQL's own error through as a DriverAdapterError — SQLSTATE 23505.
 */
export const isUniqueViolation = (err: unknown) => {
  if (prismaCode(err) === 'P2002') return true;
  const cause = (err as { cause?: { kind?: unknown; code?: unknown } })?.cause;
  return cause?.kind === 'UniqueConstraintViolation' || cause?.code === '23505';
};
/** Prisma P2025: the record to update or delete does not exist. */
export const isRecordMissing = (err: unknown) => prismaCode(err) === 'P2025';

// Database failures as the rest of the system sees them. Prisma's error codes stay in this
// package: callers ask what a failure means, not which P-code it had, and repositories throw the
// typed errors below. Imports nothing, so code that must not load the Prisma client (nodes, the
// error normaliser) can use it.

/** The row to change or read does not exist. */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    message = `The ${entity} was not found.`,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A unique constraint refused the write (a name taken, a concurrent save of the same version). */
export class ConflictError extends Error {
  readonly code = 'CONFLICT';
  constructor(
    readonly entity: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Prisma's known request errors carry `code: 'P<class><nnn>'`; class 1 is the connection (reach, auth, timeout), class 2 the query. */
const PRISMA_CODE = /^P(\d)\d{3}$/;

function prismaCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PRISMA_CODE.test(code) ? code : undefined;
}

/** PostgreSQL's own error, as driver adapters pass it through (`DriverAdapterError.cause`). */
function driverCause(err: unknown): { kind?: unknown; code?: unknown } | undefined {
  return (err as { cause?: { kind?: unknown; code?: unknown } } | null)?.cause ?? undefined;
}

/** Whether `err` came from the database layer; undefined for anything else. */
export function classifyDbError(err: unknown): { code: 'DATABASE_ERROR'; retryable: boolean } | undefined {
  const code = prismaCode(err);
  if (!code) return undefined;
  // The database could not be reached or timed out: it may be back on the next attempt. A query or
  // constraint error will fail the same way again.
  return { code: 'DATABASE_ERROR', retryable: code.startsWith('P1') };
}

/** A database failure that may pass on a retry (the database was unreachable or timed out). */
export const isTransientDbError = (err: unknown): boolean => classifyDbError(err)?.retryable === true;

/**
 * A unique constraint failed: Prisma's P2002, or — through the PGlite driver adapter, which passes
 * PostgreSQL's own error through as a DriverAdapterError — SQLSTATE 23505.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (prismaCode(err) === 'P2002') return true;
  const cause = driverCause(err);
  return cause?.kind === 'UniqueConstraintViolation' || cause?.code === '23505';
}

/** Prisma P2025: the record to update or delete does not exist. */
export const isRecordMissing = (err: unknown): boolean => prismaCode(err) === 'P2025';

/** Two writes raced for the same row: a unique key was taken meanwhile, or the row to update is gone. */
export const isDbWriteConflict = (err: unknown): boolean => isUniqueViolation(err) || isRecordMissing(err);

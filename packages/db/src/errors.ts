// Database failures as the rest of the system sees them. Prisma's error codes stay in this
// package: callers ask what a failure means, not which P-code it had, and repositories throw the
// typed errors below. Imports nothing, so code that must not load the Prisma client (nodes, the
// error normaliser) can use it (`@bm/db/errors`).

/** The row a repository was asked to change does not exist (any more). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    options?: { cause?: unknown },
  ) {
    super(`${entity} was not found.`, options);
  }
}

/**
 * A write lost against another one: a unique value is taken, or the row changed between read and
 * write (optimistic concurrency). `entity` says what was being written.
 */
export class ConflictError extends Error {
  override readonly name: string = 'ConflictError';
  readonly code = 'CONFLICT';
  constructor(
    readonly entity: string,
    message = `${entity} was changed at the same moment by another request.`,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A save was based on a version of the bot that is no longer its current one (someone else saved
 * in between): `current` is the bot's version now, so the client can fetch it and decide.
 */
export class VersionConflictError extends ConflictError {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly current: number,
    options?: { cause?: unknown },
  ) {
    super('Bot', `The bot is at version ${current} now.`, options);
  }
}

export const isNotFoundError = (err: unknown): err is NotFoundError => err instanceof NotFoundError;
export const isConflictError = (err: unknown): err is ConflictError => err instanceof ConflictError;
export const isVersionConflict = (err: unknown): err is VersionConflictError => err instanceof VersionConflictError;

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

/**
 * PostgreSQL conditions that pass once the server is back: class 08 (connection exceptions), 57P01–03
 * (shut down by an administrator, a crash, or still starting up), 53300 (too many connections).
 */
const TRANSIENT_SQLSTATE = /^(08\d{3}|57P0[123]|53300)$/;
/** Socket-level failures of a driver talking to a server that is away. */
const TRANSIENT_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const TRANSIENT_TEXT =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Can't reach database server|server closed the connection/i;

const DB_LAYER = Symbol.for('bot-manager.db-error');

/** Marks an error the raw driver threw (packages/db's RawSql), so classification knows its origin. */
export function markDatabaseError(err: unknown): unknown {
  if (err && typeof err === 'object') (err as Record<symbol, boolean>)[DB_LAYER] = true;
  return err;
}

function isTransientCause(err: unknown): boolean {
  const e = err as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (TRANSIENT_SQLSTATE.test(e.code) || TRANSIENT_SOCKET.has(e.code))) return true;
  if (e.kind === 'DatabaseNotReachable' || e.kind === 'ConnectionClosed' || e.kind === 'SocketTimeout') return true;
  return typeof e.message === 'string' && TRANSIENT_TEXT.test(e.message);
}

/**
 * Whether `err` came from the database layer (Prisma, its driver adapters, or the raw driver),
 * and whether it may pass on a retry; undefined for anything else. The message is one a person
 * may read: Prisma's own messages quote our source files and queries, which stay in the server log.
 */
export function classifyDbError(
  err: unknown,
): { code: 'DATABASE_ERROR' | 'DB_UNAVAILABLE'; retryable: boolean; message: string } | undefined {
  const code = prismaCode(err);
  const adapter = (err as { name?: unknown } | null)?.name === 'DriverAdapterError';
  const raw = !!err && typeof err === 'object' && (err as Record<symbol, unknown>)[DB_LAYER] === true;
  // P2024: no connection could be had from the pool in time — the pool is waiting for the server.
  // P2028: the transaction around a write lost its connection (seen when the server restarts under
  // an updateMany); repository writes are idempotent or guarded, so repeating one is safe.
  const transient =
    code?.startsWith('P1') ||
    code === 'P2024' ||
    code === 'P2028' ||
    (adapter && isTransientCause(driverCause(err))) ||
    (raw && isTransientCause(err));
  if (transient)
    return { code: 'DB_UNAVAILABLE', retryable: true, message: 'The database could not be reached. It is retried automatically.' };
  // A query or constraint error will fail the same way again.
  if (code || adapter || raw)
    return { code: 'DATABASE_ERROR', retryable: false, message: 'A database error occurred. It was logged on the server.' };
  return undefined;
}

/** A database failure that may pass on a retry (the database was unreachable, restarting, or timed out). */
export const isTransientDbError = (err: unknown): boolean => classifyDbError(err)?.retryable === true;

/**
 * A unique constraint failed: Prisma's P2002, or — through the PGlite driver adapter, which passes
 * PostgreSQL's own error through as a DriverAdapterError — SQLSTATE 23505.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (prismaCode(err) === 'P2002') return true;
  const cause = driverCause(err);
  return (
    (err as { name?: unknown } | null)?.name === 'DriverAdapterError' &&
    (cause?.kind === 'UniqueConstraintViolation' || cause?.code === '23505')
  );
}

/** Prisma P2025: the record to update or delete does not exist. */
export const isRecordMissing = (err: unknown): boolean => prismaCode(err) === 'P2025';

/** Two writes raced for the same row: a unique key was taken meanwhile, or the row to update is gone. */
export const isDbWriteConflict = (err: unknown): boolean => isUniqueViolation(err) || isRecordMissing(err);

/**
 * Runs a repository write and turns "no such row" and "unique value taken" into NotFoundError /
 * ConflictError. Used inside packages/db only.
 */
export async function translated<T>(entity: string, write: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof write === 'function' ? write() : write);
  } catch (err) {
    if (isRecordMissing(err)) throw new NotFoundError(entity, { cause: err });
    if (isUniqueViolation(err)) throw new ConflictError(entity, undefined, { cause: err });
    throw err;
  }
}

// Database failures as the rest of the system sees them. Prisma's error codes stay in this
// package: callers ask what a failure means, not which P-code it had. Imports nothing, so code that
// must not load the Prisma client (nodes, the error normaliser) can use it.

/** Prisma's known request errors carry `code: 'P<class><nnn>'`; class 1 is the connection (reach, auth, timeout), class 2 the query. */
const PRISMA_CODE = /^P(\d)\d{3}$/;

function prismaCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PRISMA_CODE.test(code) ? code : undefined;
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

/** Two writes raced for the same row: a unique key was taken meanwhile, or the row to update is gone. */
export function isDbWriteConflict(err: unknown): boolean {
  const code = prismaCode(err);
  return code === 'P2002' || code === 'P2025';
}

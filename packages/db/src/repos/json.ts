import type { Prisma } from '../generated/client';

/** A value for a Json column; undefined leaves the column untouched. */
export const json = (v: unknown) => (v === undefined ? undefined : (v as Prisma.InputJsonValue));

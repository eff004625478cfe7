export * from './client';
export * from './migrate';
export * from './ids';
export {
  ConflictError,
  NotFoundError,
  isConflictError,
  isNotFoundError,
  isDbWriteConflict,
  isTransientDbError,
  classifyDbError,
} from './errors';
export * from './repos/users';
export * from './repos/sessions';
export * from './repos/identities';
export * from './repos/password-resets';
export * from './repos/connections';
export * from './repos/bots';
export * from './repos/runs';
export * from './repos/node-runs';
export * from './repos/pins';
export * from './repos/run-events';
export * from './repos/results';
export * from './repos/schedules';
export * from './repos/rate-limits';
export * from './repos/secrets';
export * from './repos/teams';
export * from './repos/usage';
export * from './repos/budgets';
export * from './repos/templates';
export * from './repos/approvals';
export * from './errors';
export * from './repos/repositories';
export type * from './generated/client';
export { Prisma } from './generated/client';
export * from './storable';
export * from './data/credentials-to-secrets';
export * from './run-event-bus';

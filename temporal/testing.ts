// Test helpers that need nothing but names. Starting a Temporal dev server for a test run is
// process management, which lives with the embedded app (apps/server/src/dev-server.ts and
// apps/server/src/testing/temporal.ts): temporal/ never spawns processes.

/** A task queue of its own per test, so parallel test files never steal each other's tasks. */
export const uniqueTaskQueue = (name: string) => `test-${name}-${Math.random().toString(36).slice(2, 8)}`;

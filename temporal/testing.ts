// Test helpers: the Temporal server a test run uses. The README test command starts one dev server
// for the whole run (BM_TEST_TEMPORAL_ADDRESS); run alone, a test file starts its own.
import { afterAll } from 'vitest';
import { startTemporalDevServer, type DevServer } from './dev-server';

let shared: Promise<DevServer> | undefined;

export async function testTemporalAddress(): Promise<string> {
  if (process.env.BM_TEST_TEMPORAL_ADDRESS) return process.env.BM_TEST_TEMPORAL_ADDRESS;
  shared ??= startTemporalDevServer({ cli: process.env.BM_TEST_TEMPORAL_CLI });
  return (await shared).address;
}

export async function stopTestTemporal() {
  if (shared) await (await shared).stop();
  shared = undefined;
}

// Registered while a test file is collected: a dev server this file started stops with the file.
afterAll(() => stopTestTemporal());

/** A task queue of its own per test, so parallel test files never steal each other's tasks. */
export const uniqueTaskQueue = (name: string) => `test-${name}-${Math.random().toString(36).slice(2, 8)}`;

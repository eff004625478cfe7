// The Temporal server an integration test uses. The README test command starts one dev server for
// the whole run (BM_TEST_TEMPORAL_ADDRESS); run alone, a test file starts its own through the same
// process management the embedded app uses (./dev-server), so there is one launcher, not two.
import { afterAll } from 'vitest';
import { startTemporalDevServer, type DevServer } from '../dev-server';

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

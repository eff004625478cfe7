import { defineConfig, mergeConfig } from 'vitest/config';
import integration from '../../vitest.integration';

// Unit tests cover pure logic (store, schema mapping, graph conversion) and need no DOM. The
// browser end-to-end test starts the real server, Temporal worker and Chromium, hence the shared
// integration settings (forked processes, long timeouts).
export default mergeConfig(
  integration,
  defineConfig({
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.int.test.ts'],
    },
  }),
);

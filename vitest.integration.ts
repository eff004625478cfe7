import { defineConfig } from 'vitest/config';

// For packages whose integration tests start servers, Temporal workers and databases: give them
// time, and run files in separate processes (the Temporal native bridge prefers it).
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
  },
});

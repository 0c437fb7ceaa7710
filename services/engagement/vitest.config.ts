import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each database test file starts PostgreSQL (PGlite) or creates a database, and seeds it.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

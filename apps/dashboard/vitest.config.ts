import { defineConfig } from 'vitest/config';
import { graphqlAsNodeLoadsIt } from '../../vitest.base.js';

export default defineConfig({
  resolve: graphqlAsNodeLoadsIt(import.meta.url),
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});

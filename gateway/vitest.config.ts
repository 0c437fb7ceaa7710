import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite would give this package's own sources graphql's ESM build while Apollo's packages
    // load its CommonJS build, and the schema types of one fail `instanceof` in the other. Node
    // itself resolves both to the CommonJS build; the tests do the same.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 },
});

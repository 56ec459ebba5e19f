import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{src,models,conformance,bench,clients}/**/*.test.ts'],
    exclude: ['**/*.zookeeper.test.ts', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Examples import the package by name, as users do; in a checkout that is the source.
  resolve: { alias: { 'coordkit/vitest': new URL('./src/api/vitest.ts', import.meta.url).pathname, coordkit: new URL('./src/index.ts', import.meta.url).pathname } },
  test: {
    include: ['{src,models,conformance,bench,scripts,clients,examples}/**/*.test.ts'],
    // Tiers with their own command: a real ZooKeeper ensemble (npm run test:zookeeper)
    // and the Quint CLI (npm run test:quint).
    exclude: ['**/*.zookeeper.test.ts', '**/*.quint.test.ts', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

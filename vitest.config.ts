import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{src,models,conformance,bench,scripts,clients}/**/*.test.ts'],
    // Tiers with their own command: a real ZooKeeper ensemble (npm run test:zookeeper)
    // and the Quint CLI (npm run test:quint).
    exclude: ['**/*.zookeeper.test.ts', '**/*.quint.test.ts', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

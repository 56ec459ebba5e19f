import { defineConfig } from 'vitest/config';

// The Quint tier: installs the Quint CLI from npm into a temporary directory, produces ITF
// traces of coordkit's Quint Paxos spec and checks import, export and replay against Quint.
// Separate from `npm test` because it needs the npm registry (or a warm npm cache) and minutes.
export default defineConfig({
  test: {
    include: ['{src,models,conformance,bench,scripts}/**/*.quint.test.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});

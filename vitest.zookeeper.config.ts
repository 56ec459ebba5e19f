import { defineConfig } from 'vitest/config';

// The real-ZooKeeper tier: installs Debian's zookeeper if missing, runs 3 JVMs on
// 127.0.0.1, injects faults. Separate from `npm test` because it needs root and apt.
export default defineConfig({
  test: {
    include: ['{src,models,conformance,bench,scripts}/**/*.zookeeper.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // One ensemble at a time: the machine has 2 cores.
    fileParallelism: false,
  },
});

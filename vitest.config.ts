import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts', 'e2e/support/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.engine.test.ts'],
          environment: 'node',
          // Shared, noisy machines: a schema compile or a first import can take
          // seconds under load. Timing limits belong in bench/, not here.
          testTimeout: 30_000,
        },
      },
      {
        // Talks to the real engine named by DOCKER_HOST (the suite runner starts one).
        test: {
          name: 'engine',
          include: ['electron/**/*.engine.test.ts', 'e2e/support/**/*.engine.test.ts', 'scripts/**/*.engine.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

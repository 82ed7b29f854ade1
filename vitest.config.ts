import { defineConfig } from 'vitest/config';

// Slow by nature (crash tests, 100-reload tests, trace replays, production-cost scrypt): named
// *.slow.test.ts beside the tests of the same code, and run in their own project with their own
// timeouts, so the unit project's 5 s default stays a bound that only a hang can reach.
const SLOW = ['tests/unit/**/*.slow.test.ts', 'tests/integration/**/*.slow.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: SLOW,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: SLOW,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Slow by nature (crash tests, 100-reload tests, trace replays, production-cost scrypt): named
// *.slow.test.ts beside the tests of the same code, and run in their own project with their own
// timeouts, so the unit project's 5 s default stays a bound that only a hang can reach.
const SLOW = ['tests/unit/**/*.slow.test.ts', 'tests/integration/**/*.slow.test.ts'];
// Tests against real PostgreSQL and Redis (the scale-out data layer): their own project, whose
// globalSetup starts ONE PostgreSQL and ONE Redis for the run (tests/setup/services.ts), only when
// one of these files runs. Each file makes its own database (tests/helpers/freshDatabase.ts).
const SERVICES = [
  'tests/unit/postgres/**/*.test.ts',
  'tests/unit/scaleout/**/*.test.ts',
  'tests/integration/postgres*.test.ts',
  'tests/integration/scaleout*.test.ts',
  'tests/**/*.services.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [...SLOW, ...SERVICES],
          environment: 'node',
          setupFiles: ['tests/setup/defaultCatalogue.ts'],
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          exclude: SERVICES,
          environment: 'node',
          setupFiles: ['tests/setup/defaultCatalogue.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...SLOW, ...SERVICES],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'services',
          include: SERVICES,
          environment: 'node',
          globalSetup: ['tests/setup/services.ts'],
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

/**
 * End-to-end tests of the Excel add-in in a real browser: `npx jest --config test/e2e/jest.config.js`.
 * The global setup builds the production bundle once and serves it; the tests drive Debian's Chromium through
 * playwright-core against the preview page (task pane + in-memory host). Node-only tests of the same code
 * (*.test.ts in this folder) run with the main suite.
 */
/* global module */

/** @type {import('jest').Config} */
module.exports = {
  // the project directory (relative to this file)
  rootDir: '../..',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/reporters/summary-line.js'],
};

const os = require('os');

/** @type {import('jest').Config} */
module.exports = {
  // One worker per core (jest's default leaves one core to its own parent, which only waits):
  // on a 2-core machine that is two test files at a time instead of one.
  maxWorkers: os.availableParallelism(),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking runs once in `npm test` (tsc --noEmit); jest only transpiles, file by file, with esbuild.
  transform: { '^.+\\.ts$': '<rootDir>/test/transform-ts.js' },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // jest's runtime, reading each file under node_modules once per worker (test/runtime.js).
  runtime: '<rootDir>/test/runtime.js',
  // The slowest files first, also on a fresh clone without jest's timings (test/sequencer.js).
  testSequencer: '<rootDir>/test/sequencer.js',
};

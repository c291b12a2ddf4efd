import { defineConfig } from 'vitest/config';

// Tests that hold the app to 100 ms of main-thread work or a refusal to 2 s measure time, so they run
// after the rest, one file at a time: on two cores, other files' work would be counted as theirs.
const TIMED = [
  'test/app-browser.test.ts',
  'test/app-clerk.test.ts',
  'test/app-month.test.ts',
  'test/app-worker.test.ts',
  'test/app-year-edits.test.ts',
  'test/limits.test.ts',
  'test/runaway.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Starting Chromium while other files run can take more than vitest's default 10 s.
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'rota', include: ['test/**/*.test.ts'], exclude: TIMED } },
      { extends: true, test: { name: 'timed', include: TIMED, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});

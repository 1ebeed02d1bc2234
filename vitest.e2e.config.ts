import { defineConfig } from 'vitest/config';

// Browser tests drive the built app (`npm run build` first: the web app and the server, run as
// `npm start` runs it) in Debian's Chromium, one file at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    // A page that waits on the server (a first search builds its index; a job sends an email) may take
    // a few seconds on a busy machine: polls give it 15 s, not vitest's default of one.
    expect: { poll: { timeout: 15_000 } },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails any test in which a fake saw a request or served an answer that GitHub's or Netlify's published
    // spec rejects (test/lib/contract, test/setup.ts).
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end files spawn the action; two cores, so a few files at a time.
    maxWorkers: 2,
  },
});

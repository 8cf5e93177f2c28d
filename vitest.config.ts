import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails any test in which a fake saw a request or served an answer that GitHub's or Netlify's published
    // spec rejects (test/lib/contract, test/setup.ts).
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Three files at a time on two cores: the end-to-end and fault files spend most of their time waiting on
    // the fakes and on child processes, and no test depends on the machine's speed.
    maxWorkers: 3,
    // A worker keeps its modules from one file to the next (the specs' compiled schemas, zod, src/): every
    // file starts its own fakes and restores what it changes, so nothing else carries over.
    isolate: false,
  },
});

/**
 * The shell: the fast path for the many comments that hold no command (nothing but this file is loaded,
 * so it costs little more than starting Node), then src/main.ts for the rest.
 */
import { readFileSync } from 'node:fs';
import { realClock } from './clock.js';
import { mayHoldCommand } from './core/command.js';
import { acknowledgeEarly } from './early.js';
import { ignoredOutputs } from './outputs.js';
import { type Env, inputOf, runnerToolkit } from './toolkit.js';

/** The rest of the action, built next to this file. */
const MAIN = './main/index.js';

const USER_AGENT = 'netlify-preview-retry/1';

const env: Env = process.env;
const toolkit = runnerToolkit(env);

/**
 * The reason to ignore the event when no input could change that: an issue_comment without a single
 * command-shaped line (and no handoff to follow). Anything less clear-cut goes the full way.
 */
function quickIgnore(): string | null {
  if (env.GITHUB_EVENT_NAME !== 'issue_comment' || inputOf(env, 'handoff') || !env.GITHUB_EVENT_PATH) return null;
  let body: unknown;
  try {
    body = (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { comment?: { body?: unknown } } | null)?.comment
      ?.body;
  } catch {
    return null;
  }
  if (typeof body !== 'string' || mayHoldCommand(body)) return null;
  return 'The comment holds no command.';
}

function turns(count: number): Promise<void> {
  return count === 0
    ? Promise.resolve()
    : new Promise<void>((resolve) => setImmediate(resolve)).then(() => turns(count - 1));
}

/** The runner cancels a job with SIGINT, then SIGTERM. */
function onStop(listener: () => void): () => void {
  process.once('SIGINT', listener);
  process.once('SIGTERM', listener);
  return () => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
  };
}

const quick = quickIgnore();
if (quick) {
  // Neither zod nor the adapters are loaded: the outputs go through the runner's file protocol directly.
  toolkit.setOutputs(ignoredOutputs(quick));
  toolkit.info(`Result: ignored. ${quick}`);
  process.exit();
} else {
  // A bundle of its own (dist/main/, see scripts/build.mjs): split from this one by the bundler, zod would
  // go to a chunk of its own whole, unshaken. The path is not resolved at build time on purpose.
  // A comment that is certainly a command gets its 👀 now, while the rest loads.
  const early = acknowledgeEarly(env, realClock, USER_AGENT);
  // Two turns of the event loop let the request connect and be written before the long synchronous
  // compile of the rest starts (it would hold the request back until it ends).
  (early ? turns(2) : Promise.resolve())
    .then(() => import(/* webpackIgnore: true */ MAIN) as Promise<typeof import('./main.js')>)
    .then(({ run }) => run(env, toolkit, { onStop, early }))
    .then(
      () => process.exit(),
      (error: unknown) => {
        toolkit.fail(
          `Unexpected error: ${error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : 'unknown'}`,
        );
        process.exit();
      },
    );
}

/**
 * Runs the action in this process, as src/index.ts would for a comment that may hold a command: `run(env,
 * runnerToolkit(env, sink))` with the runner's environment (action.yml's defaults, the event file,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY in a temporary directory), and what the toolkit wrote captured
 * instead of the process's stdout and exit code. Same options and result as runAction (support/action.ts),
 * so that a Sandbox runs either way; much cheaper than a child process, so a suite can run hundreds.
 */
import { type RunDeps, run } from '../../../src/main.js';
import { runnerToolkit } from '../../../src/toolkit.js';
import { type ActionRun, collectRun, prepareRun, type RunOptions, runnerEnv } from './action.js';

/**
 * Runs the action once. A run that has not ended after killAfterMs (default 60 s) is reported as killed
 * (code null), as runAction reports a child it had to kill; an error thrown out of run() is written the
 * way src/index.ts writes it (`::error::Unexpected error: …`), so that the suites' checks see it.
 */
export async function runInProcess(options: RunOptions, deps: RunDeps = {}): Promise<ActionRun> {
  const files = prepareRun(options);
  const env = runnerEnv(options, files);
  let stdout = '';
  let failed = false;
  const toolkit = runnerToolkit(env, {
    write: (text) => {
      stdout += text;
    },
    failed: () => {
      failed = true;
    },
  });
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<'killed'>((resolve) => {
    timer = setTimeout(() => resolve('killed'), options.killAfterMs ?? 60_000);
  });
  const ran = run(env, toolkit, deps).then(
    () => 'ended' as const,
    (error: unknown) => {
      toolkit.fail(
        `Unexpected error: ${error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : 'unknown'}`,
      );
      return 'ended' as const;
    },
  );
  const end = await Promise.race([ran, killed]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  return collectRun(files, {
    code: end === 'killed' ? null : failed ? 1 : 0,
    exitSignal: end === 'killed' ? 'SIGKILL' : null,
    stdout,
    stderr: '',
    ms,
  });
}

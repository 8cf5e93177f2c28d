/**
 * Runs the built action (dist/index.js) the way the runner does: INPUT_* variables with action.yml's
 * defaults, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY; then reads what it wrote.
 * Refuses to run a bundle older than src/ (assertFreshDist): a test of a stale bundle must not pass.
 * NPR_DIST=/path/to/index.js runs another bundle instead (a previous release, to show that a test fails
 * there); the freshness check is skipped for it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkEventPayload } from '../contract/checker.js';

import { ROOT } from '../root.js';

export { ROOT };
export const DIST = join(ROOT, 'dist/index.js');

/** The bundle runAction spawns: NPR_DIST when set (another build, not checked for freshness), else DIST. */
export function bundle(): string {
  return process.env.NPR_DIST || DIST;
}

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>;
  outputs: Record<string, { description: string }>;
}

export const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

export interface ActionRun {
  readonly code: number | null;
  /** The signal that ended the child (e.g. SIGTERM after signalAfterMs, SIGKILL after killAfterMs), or null. */
  readonly exitSignal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly ms: number;
  /**
   * Everything the run wrote that anyone can read afterwards: the log as the runner shows it, the
   * outputs and the summary, for secret scans. `::add-mask::` commands are left out: the runner
   * consumes them (that is how a value gets masked) and never shows them.
   */
  readonly everything: string;
}

export interface RunOptions {
  readonly inputs: Record<string, string>;
  readonly eventName?: string;
  readonly payload?: unknown;
  /** Raw text for the event file, instead of `payload`: for files that are not a payload at all (not checked). */
  readonly rawPayload?: string;
  readonly githubApiUrl: string;
  readonly githubToken?: string;
  /** Extra environment variables, applied last (they override the runner's). */
  readonly env?: Record<string, string>;
  /** GITHUB_REPOSITORY (default octo-org/docs). */
  readonly repository?: string;
  /** SIGKILL after this long (default 60 s); never before. */
  readonly killAfterMs?: number;
  /** Sends `signal` to the child this long after it started (a job cancelled mid-run); nothing when unset. */
  readonly signalAfterMs?: number;
  readonly signal?: 'SIGTERM' | 'SIGINT';
  /**
   * Another bundle to run instead of this project's dist/index.js (e.g. an earlier release's, extracted to a
   * temporary directory); the freshness guard applies only to this project's own bundle.
   */
  readonly dist?: string;
}

/** The newest modification time (ms) of any file below `dir`, 0 for none. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Throws when `bundle` is missing or older than a file under `srcDir`. */
export function checkFreshBundle(srcDir: string, bundle: string): void {
  let built: number;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    throw new Error(`${bundle} is missing: run npm run build`);
  }
  if (newestMtime(srcDir) > built) throw new Error('dist/ is older than src/: run npm run build');
}

let freshness: Error | null | undefined;

/** checkFreshBundle for this project's src/ and dist/index.js, once per process (the answer is cached). */
export function assertFreshDist(): void {
  if (freshness === undefined) {
    try {
      checkFreshBundle(join(ROOT, 'src'), DIST);
      freshness = null;
    } catch (error) {
      freshness = error as Error;
    }
  }
  if (freshness) throw freshness;
}

/** The environment variable the runner sets for an input. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Where a run's files are: the runner's temporary directory, the event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY. */
export interface RunFiles {
  readonly dir: string;
  readonly eventPath: string;
  readonly outputPath: string;
  readonly summaryPath: string;
}

/** Writes the event file and empty output and summary files in a new temporary directory. */
export function prepareRun(options: RunOptions): RunFiles {
  const dir = mkdtempSync(join(tmpdir(), 'npr-run-'));
  const files = {
    dir,
    eventPath: join(dir, 'event.json'),
    outputPath: join(dir, 'output'),
    summaryPath: join(dir, 'summary'),
  };
  // Every issue_comment payload fed to the action is checked against GitHub's webhook schema (test/lib/contract).
  if (options.rawPayload === undefined && (options.eventName ?? 'issue_comment') === 'issue_comment')
    checkEventPayload(options.payload ?? {});
  writeFileSync(files.eventPath, options.rawPayload ?? JSON.stringify(options.payload ?? {}));
  writeFileSync(files.outputPath, '');
  writeFileSync(files.summaryPath, '');
  return files;
}

/** The environment the runner gives the step: its variables, and every input of action.yml (defaults filled in). */
export function runnerEnv(options: RunOptions, files: RunFiles): Record<string, string> {
  const { dir, eventPath, outputPath, summaryPath } = files;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'issue_comment',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: options.githubApiUrl,
    GITHUB_GRAPHQL_URL: `${options.githubApiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: options.repository ?? 'octo-org/docs',
    GITHUB_RUN_ID: '9876543210',
    RUNNER_TEMP: dir,
  };
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    let value = options.inputs[name] ?? spec.default ?? '';
    if (value === '${{ github.token }}') value = options.githubToken ?? 'ghs_workflowtoken0000000000000000000000';
    env[inputVariable(name)] = value;
  }
  for (const [name, value] of Object.entries(options.inputs)) env[inputVariable(name)] = value;
  Object.assign(env, options.env);
  return env;
}

/** What a run left in its files, read back; the directory is removed. */
export function collectRun(
  files: RunFiles,
  run: Pick<ActionRun, 'code' | 'exitSignal' | 'stdout' | 'stderr' | 'ms'>,
): ActionRun {
  const outputText = readFileSync(files.outputPath, 'utf8');
  const summary = readFileSync(files.summaryPath, 'utf8');
  rmSync(files.dir, { recursive: true, force: true });
  return {
    ...run,
    outputs: parseOutputs(outputText),
    summary,
    everything: [withoutMaskCommands(run.stdout), run.stderr, outputText, summary].join('\n'),
  };
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  if (options.dist === undefined && !process.env.NPR_DIST) assertFreshDist();
  const files = prepareRun(options);
  const env = runnerEnv(options, files);

  const started = performance.now();
  const child = spawn(process.execPath, [options.dist ?? bundle()], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (code, signal) => done([code, signal])),
  );
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
  const signaller =
    options.signalAfterMs === undefined
      ? null
      : setTimeout(() => child.kill(options.signal ?? 'SIGTERM'), options.signalAfterMs);
  const [code, exitSignal] = await closed;
  clearTimeout(killer);
  if (signaller) clearTimeout(signaller);
  return collectRun(files, { code, exitSignal, stdout, stderr, ms: performance.now() - started });
}

function withoutMaskCommands(log: string): string {
  return log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** Reads GITHUB_OUTPUT's `name<<DELIMITER` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] as string);
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

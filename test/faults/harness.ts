/**
 * Shared by the fault and abuse suites: a pool that runs many sandboxed cases at once, a case played
 * in-process (or through the bundle), and the invariants every case must hold whatever went wrong.
 */
import { expect } from 'vitest';
import { parseCommands } from '../../src/core/command.js';
import { OUTPUT_NAMES } from '../../src/outputs.js';
import { takeViolations } from '../lib/contract/checker.js';
import type { RecordedRequest } from '../lib/http.js';
import { runAction } from '../lib/support/action.js';
import { runInProcess } from '../lib/support/inprocess.js';
import { type CommandRun, GITHUB_TOKEN, NETLIFY_TOKEN, Sandbox } from '../lib/support/sandbox.js';

export const RESULTS = ['ignored', 'denied', 'retried', 'skipped', 'not-found', 'failed', 'labeled'] as const;
export const TOKENS = [NETLIFY_TOKEN, GITHUB_TOKEN] as const;
/** GitHub's limit on a comment's length. */
export const MAX_REPLY = 65_536;
/** The shortest piece of a token that must not appear anywhere. */
export const FRAGMENT = 8;

/**
 * Runs at most `size` jobs at a time. Most of a fault case is spent waiting on a deadline, so many run at
 * once even on two cores.
 */
export class Pool {
  #running = 0;
  readonly #queue: (() => void)[] = [];

  constructor(readonly size: number) {}

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running++;
        job()
          .then(resolve, reject)
          .finally(() => {
            this.#running--;
            this.#queue.shift()?.();
          });
      };
      if (this.#running < this.size) start();
      else this.#queue.push(start);
    });
    result.catch(() => undefined); // awaited by its test; keeps a failure from being reported twice
    return result;
  }
}

/** What a case left behind: the run, and every request both fakes saw during it. */
export interface Played {
  readonly run: CommandRun;
  readonly netlify: readonly RecordedRequest[];
  readonly github: readonly RecordedRequest[];
  /** Every comment posted on the sandbox's PRs, as it is at the end (each case has its own sandbox). */
  readonly replies: readonly string[];
  /** Every body any comment had: as posted, and after each edit. */
  readonly bodies: readonly string[];
}

export type Runner = 'in-process' | 'bundle';

/** Starts a sandbox, lets `setup` seed it and inject faults, runs the action once, and stops it. */
export async function play(
  setup: (sandbox: Sandbox) => void | Promise<void>,
  spec: Parameters<Sandbox['run']>[0],
  runner: Runner = 'in-process',
): Promise<Played> {
  const sandbox = await Sandbox.start();
  try {
    await setup(sandbox);
    const run = await sandbox.run({ killAfterMs: 60_000, ...spec }, runner === 'bundle' ? runAction : runInProcess);
    spreadChecks();
    return playedOf(sandbox, run);
  } finally {
    await sandbox.stop();
  }
}

/**
 * Runs the contract checks the fakes queued so far, keeping what they find for the test's own check (test/setup.ts
 * takes the violations after each test). Many cases run at once, so without this one test's check would run the
 * checks of dozens of cases in one go, holding the event loop up for long enough to time out a request in flight.
 */
export function spreadChecks(): void {
  takeViolations(() => false);
}

/** A run's Played, from its sandbox (everything the fakes saw, not only this run's requests). */
export function playedOf(sandbox: Sandbox, run: CommandRun): Played {
  return {
    run,
    netlify: [...sandbox.netlify.requests],
    github: [...sandbox.github.requests],
    replies: sandbox.github.comments.map((c) => c.body),
    bodies: sandbox.github.comments.flatMap((c) => [c.posted, ...c.edits]),
  };
}

export function retryPosts(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.method === 'POST' && /\/deploys\/[^/]+\/retry$/.test(r.path));
}

export function cancelPosts(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.method === 'POST' && /\/deploys\/[^/]+\/cancel$/.test(r.path));
}

/** The log lines that the runner shows: `::add-mask::` commands are consumed by the runner and never shown. */
export function shown(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

export function errorLines(run: CommandRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

export function warningLines(run: CommandRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
}

/**
 * The workflow commands in a log that the action did not mean to write, as the runner reads them: a line whose
 * text, blanks trimmed at its start, begins with `::` is a command (actions/runner ActionCommand.TryParseV2), and
 * when it is not, `##[name]` anywhere in it is one of the legacy kind (TryParse). Allowed: `::add-mask::` of a
 * secret the run was given (`masks`: the tokens), and one `::warning::` or `::error::` per line. A carriage return would let the runner's line splitting
 * differ from ours, so none may appear at all.
 */
export function strayCommands(log: string, masks: readonly string[] = TOKENS): string[] {
  const stray: string[] = [];
  if (log.includes('\r')) stray.push('a carriage return in the log');
  for (const line of log.split('\n')) {
    const text = line.trimStart();
    if (text.startsWith('::')) {
      const mask = /^::add-mask::(.*)$/.exec(line);
      if (mask) {
        if (!masks.includes(mask[1] as string)) stray.push(line);
        continue;
      }
      if (!/^::(warning|error)::/.test(line)) stray.push(line);
      continue;
    }
    if (/##\[/.test(text)) stray.push(line);
  }
  return stray;
}

/** Every run of FRAGMENT characters of a token that occurs in `text`. */
export function tokenFragments(text: string): string[] {
  const found: string[] = [];
  for (const token of TOKENS) {
    for (let at = 0; at + FRAGMENT <= token.length; at++) {
      const piece = token.slice(at, at + FRAGMENT);
      if (text.includes(piece)) found.push(piece);
    }
  }
  return found;
}

/** Everything a run wrote or posted, or sent in a URL or a body, where no token (fragment) may be. */
function writtenAndSent(played: Played): string[] {
  const { run } = played;
  return [
    shown(run.stdout),
    run.stderr,
    ...Object.values(run.outputs),
    run.summary,
    ...played.bodies,
    ...[...played.netlify, ...played.github].map((r) => `${r.path} ${JSON.stringify(r.query)} ${r.body}`),
  ];
}

/**
 * No piece of FRAGMENT characters of either token in anything the run wrote (log, outputs, summary), posted
 * (replies and edits), or sent in a URL or body; neither token in a request to the other service.
 */
export function assertNoTokenLeak(played: Played): void {
  for (const text of writtenAndSent(played)) expect(tokenFragments(text), 'a piece of a token leaked').toEqual([]);
  for (const r of played.github) expect(JSON.stringify(r.headers)).not.toContain(NETLIFY_TOKEN);
  for (const r of played.netlify) expect(JSON.stringify(r.headers)).not.toContain(GITHUB_TOKEN);
}

/** No stack trace, no raw error dump, no `[object Object]` in what a maintainer reads. */
export function assertReadable(played: Played): void {
  const { run } = played;
  for (const text of [shown(run.stdout), ...Object.values(run.outputs), run.summary, ...played.bodies]) {
    expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(text).not.toMatch(/\[object Object\]|Unexpected error|FetchError|TypeError|AbortError|undefined/);
  }
}

/** The replies: none longer than GitHub takes, none holding a command line (the bot must not command itself). */
export function assertReplies(played: Played): void {
  const words = { retest: '/retest', rebuild: '/rebuild-preview', okToTest: '/ok-to-test' };
  for (const body of played.bodies) {
    expect(body.length, 'a reply longer than GitHub takes').toBeLessThanOrEqual(MAX_REPLY);
    expect(parseCommands(body, words), 'a reply that holds a command line').toEqual([]);
  }
}

export interface Invariants {
  /**
   * command: the comment holds a command the action acts on; ignored: it holds none (nothing may be asked or
   * posted); config: a command refused for a bad input (nothing may be asked of Netlify).
   */
  readonly kind: 'command' | 'ignored' | 'config';
  /** For `ignored`: Netlify was asked first (the names of the listed sites, to tell whether a word names one). */
  readonly askedNetlify?: boolean;
  /** The secrets the run was given, which it masks (default: the sandbox's two tokens). */
  readonly masks?: readonly string[];
  /** A dry run: nothing is posted, the outcome is in the log, the outputs and the summary. */
  readonly dryRun?: boolean;
}

/** Whether the outcome is on the PR: a reply, or a final reaction. */
export function onPr(played: Played): boolean {
  const { reactions } = played.run;
  return played.replies.length > 0 || ['rocket', 'confused', 'hooray'].some((r) => reactions.includes(r));
}

/**
 * What must hold in every case: the step ended on its own; at most one retry and one cancel POST; all outputs
 * set, with an outcome; a picked-up command is visible on the PR or the step failed saying what to fix (a retry
 * that went unseen included, whose result stays retried); no stack trace; no workflow command the action did
 * not mean; no piece of a token anywhere; no reply too long or holding a command.
 */
export function assertInvariants(
  played: Played,
  { kind, askedNetlify = false, masks = TOKENS, dryRun = false }: Invariants,
): void {
  const { run } = played;
  expect(run.code, 'the step must end on its own').not.toBeNull();
  expect(retryPosts(played.netlify).length, 'at most one retry POST per command').toBeLessThanOrEqual(1);
  expect(cancelPosts(played.netlify).length, 'at most one cancel POST per command').toBeLessThanOrEqual(1);
  expect(Object.keys(run.outputs).sort(), 'every output is set').toEqual([...OUTPUT_NAMES].sort());
  expect(RESULTS).toContain(run.outputs.result);
  expect(run.outputs.reason ?? '').not.toBe('');

  const result = run.outputs.result;
  const errors = errorLines(run);
  if (result === 'failed') {
    expect(run.code).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
  }
  if (run.code !== 0) expect(errors.length, 'a failed step says why').toBeGreaterThan(0);
  if (kind === 'command') {
    // A failed command says what to fix (a refused input names what it accepts instead).
    if (run.code !== 0) expect(errors.join('\n')).toMatch(/To fix: /);
    if (dryRun) expect(played.replies.length + run.reactions.length, 'a dry run posts nothing').toBe(0);
    else if (!onPr(played)) {
      expect(run.code, 'an outcome not shown on the PR fails the step').toBe(1);
      if (result === 'retried') {
        expect(errors.join('\n')).toMatch(
          /The retry was requested, but nothing could be shown on the pull request.*To fix: /,
        );
      }
    }
  }
  if (kind === 'ignored') {
    if (askedNetlify)
      expect(played.netlify.every((r) => r.method === 'GET' && /^\/api\/v1\/sites\/[^/]+$/.test(r.path))).toBe(true);
    else expect(played.netlify).toEqual([]);
    expect(played.replies).toEqual([]);
    expect(run.reactions).toEqual([]);
  }
  if (kind === 'config') expect(played.netlify).toEqual([]);
  expect(strayCommands(run.stdout, masks), 'workflow commands the action did not mean to write').toEqual([]);
  assertNoTokenLeak(played);
  assertReadable(played);
  assertReplies(played);
}

/** A compact account of a run, added to a failed assertion's message. */
export function digest(played: Played): string {
  const { run } = played;
  const requests = (label: string, list: readonly RecordedRequest[]) =>
    list
      .map(
        (r) => `  ${label} ${r.method} ${r.path}${r.query.branch ? `?branch=${r.query.branch}` : ''} -> ${r.outcome}`,
      )
      .join('\n');
  return [
    `exit ${run.code}; outputs ${JSON.stringify(run.outputs)}`,
    `reactions ${JSON.stringify(run.reactions)}; replies:`,
    ...played.replies.map((reply) => `  | ${reply.slice(0, 2000).replace(/\n/g, '\n  | ')}`),
    'requests:',
    requests('netlify', played.netlify),
    requests('github', played.github),
    'log:',
    shown(run.stdout).trim().slice(0, 6000),
    run.stderr.trim() ? `stderr:\n${run.stderr.trim()}` : '',
  ].join('\n');
}

/** Runs `assertions`, adding the run's digest to the message of the first that fails. */
export function explain(played: Played, assertions: () => void): void {
  try {
    assertions();
  } catch (error) {
    if (error instanceof Error) error.message += `\n--- the run ---\n${digest(played)}`;
    throw error;
  }
}

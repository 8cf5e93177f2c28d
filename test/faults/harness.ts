/**
 * Shared by the fault and abuse suite: a pool that runs many sandboxed cases at once, and the
 * invariants every case must hold whatever went wrong.
 */
import { expect } from 'vitest';
import type { RecordedRequest } from '../lib/http.js';
import { type CommandRun, GITHUB_TOKEN, NETLIFY_TOKEN, Sandbox } from '../lib/support/sandbox.js';

export const RESULTS = ['ignored', 'denied', 'retried', 'skipped', 'not-found', 'failed'] as const;

/**
 * Runs at most `size` jobs at a time. Each case starts its own sandbox and a child process, and most
 * of a fault case is spent waiting on a deadline, so many run at once even on two cores.
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
  /** Replies posted on any PR of the sandbox (each case has its own sandbox). */
  readonly replies: readonly string[];
}

/** Starts a sandbox, lets `setup` seed it and inject faults, runs the action once, and stops it. */
export async function play(
  setup: (sandbox: Sandbox) => void | Promise<void>,
  spec: Parameters<Sandbox['run']>[0],
): Promise<Played> {
  const sandbox = await Sandbox.start();
  try {
    await setup(sandbox);
    const run = await sandbox.run({ killAfterMs: 90_000, ...spec });
    return {
      run,
      netlify: [...sandbox.netlify.requests],
      github: [...sandbox.github.requests],
      replies: sandbox.github.comments.map((c) => c.body),
    };
  } finally {
    await sandbox.stop();
  }
}

export function retryPosts(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.method === 'POST' && /\/deploys\/[^/]+\/retry$/.test(r.path));
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
 * Neither token appears in anything the run wrote (log, outputs, summary) or sent (reply, reaction,
 * request bodies and URLs), and neither is sent to the other service.
 */
export function assertNoTokenLeak(played: Played): void {
  const { run } = played;
  const tokens = [NETLIFY_TOKEN, GITHUB_TOKEN];
  const written = [shown(run.everything), ...played.replies];
  const sent = [...played.netlify, ...played.github].map((r) => `${r.path} ${JSON.stringify(r.query)} ${r.body}`);
  for (const token of tokens) {
    for (const text of [...written, ...sent]) expect(text.includes(token), 'a token leaked').toBe(false);
    // Not even a recognizable part of it (an excerpt cut in the middle of the token).
    for (const text of written) expect(text.includes(token.slice(0, 16)), 'part of a token leaked').toBe(false);
  }
  for (const r of played.github) expect(JSON.stringify(r.headers)).not.toContain(NETLIFY_TOKEN);
  for (const r of played.netlify) expect(JSON.stringify(r.headers)).not.toContain(GITHUB_TOKEN);
}

/** No stack trace, no raw error dump, no `[object Object]` in what a maintainer reads. */
export function assertReadable(played: Played): void {
  const { run } = played;
  for (const text of [shown(run.everything), ...played.replies]) {
    expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(text).not.toMatch(/\[object Object\]|Unexpected error|FetchError|TypeError|AbortError|undefined/);
  }
}

export interface Invariants {
  /** Whether the comment holds a command that the action acts on (not ignored). */
  readonly pickedUp: boolean;
  /** Whether this case broke GitHub's side (so that the outcome may be visible only in the log). */
  readonly githubFaulted: boolean;
}

/**
 * What must hold in every case: the step ended on its own, at most one retry POST, an outcome, a
 * picked-up command ends visibly, failures say what to fix, and no token leaks.
 */
export function assertInvariants(played: Played, { pickedUp, githubFaulted }: Invariants): void {
  const { run } = played;
  expect(run.code, 'the step must end on its own, not be killed').not.toBeNull();
  expect(retryPosts(played.netlify).length, 'at most one retry POST per command').toBeLessThanOrEqual(1);
  expect(RESULTS).toContain(run.outputs.result);
  expect(run.outputs.reason ?? '').not.toBe('');

  const result = run.outputs.result;
  if (result === 'failed') {
    expect(run.code).not.toBe(0);
    const errors = errorLines(run);
    expect(errors.length).toBeGreaterThan(0);
    // A failed command says what to fix; a refused input or payload names what it accepts instead.
    if (pickedUp) expect(errors.join('\n')).toMatch(/To fix: /);
  }
  if (pickedUp) {
    const onPr = played.replies.length > 0 || run.reactions.includes('rocket') || run.reactions.includes('confused');
    if (!onPr) {
      // Only GitHub failing may keep the outcome off the PR; then the log and the step tell it.
      expect(githubFaulted, 'the outcome must be shown on the PR when GitHub works').toBe(true);
      if (result === 'retried') {
        expect(run.code).toBe(0);
        expect(warningLines(run).join('\n')).toMatch(/retried, but the outcome could not be shown/);
      } else {
        expect(run.code).not.toBe(0);
        expect(errorLines(run).length).toBeGreaterThan(0);
      }
    }
  } else {
    expect(played.netlify).toEqual([]);
    expect(played.replies).toEqual([]);
    expect(run.reactions).toEqual([]);
  }
  assertNoTokenLeak(played);
  assertReadable(played);
}

/** A compact account of a run, added to a failed assertion's message. */
export function digest(played: Played): string {
  const { run } = played;
  const requests = (label: string, list: readonly { method: string; path: string; outcome: number | string }[]) =>
    list.map((r) => `  ${label} ${r.method} ${r.path} -> ${r.outcome}`).join('\n');
  return [
    `exit ${run.code} after ${Math.round(run.ms)} ms; outputs ${JSON.stringify(run.outputs)}`,
    `reactions ${JSON.stringify(run.reactions)}; replies:`,
    ...played.replies.map((reply) => `  | ${reply.replace(/\n/g, '\n  | ')}`),
    'requests:',
    requests('netlify', played.netlify),
    requests('github', played.github),
    'log:',
    shown(run.stdout).trim(),
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

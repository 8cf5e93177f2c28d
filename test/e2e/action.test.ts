/**
 * Wiring of the built dist/index.js, run as the runner runs it against the fake Netlify and GitHub: every
 * path sets all ten outputs, the exit status and its one error line, the tokens masked once and shown
 * nowhere, the job summary (escaped), the fast path that makes no request, and the dist/ freshness guard.
 * What each command decides is tested in-process (test/flow, test/unit); this file only spawns.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { takeViolations } from '../lib/contract/checker.js';
import { actionYml, assertFreshDist, checkFreshBundle } from '../lib/support/action.js';
import { commentPayload } from '../lib/support/payloads.js';
import { type CommandRun, GITHUB_TOKEN, NETLIFY_TOKEN, Sandbox } from '../lib/support/sandbox.js';

const OUTPUTS = [
  'result',
  'command',
  'deploy-id',
  'deploy-state',
  'deploy-url',
  'reason',
  'results',
  'build-state',
  'build-seconds',
  'handoff',
];
/** A wrong Netlify token that shares no 8-character run with the sandbox's ids (the action scrubs those). */
const WRONG_TOKEN = 'nfp_WrongTokenValueQwErTyUiOpZx';

let sandbox: Sandbox;
let nextPr = 300;
beforeAll(async () => {
  sandbox = await Sandbox.start();
});
afterAll(() => sandbox.stop());

function prWithPreview(state: string): { number: number; id: string } {
  const number = nextPr++;
  sandbox.addPull(number);
  const preview = sandbox.addPreview(number, { state, createdAt: '2026-11-21T10:00:00Z' });
  return { number, id: preview.id };
}

function errorLines(run: CommandRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error'));
}

/** All ten outputs of action.yml, each set once, and `results` a JSON array. */
function expectAllOutputs(run: CommandRun): void {
  expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUTS].sort());
  expect(Object.keys(actionYml.outputs).sort()).toEqual([...OUTPUTS].sort());
  expect(Array.isArray(JSON.parse(run.outputs.results as string))).toBe(true);
  expect(run.outputs.reason).not.toBe('');
}

/** Each token masked by exactly one `::add-mask::` line, and found nowhere else. */
function expectMasked(run: CommandRun, tokens: readonly string[] = [NETLIFY_TOKEN, GITHUB_TOKEN]): void {
  const log = run.stdout.split('\n');
  for (const token of tokens) {
    expect(log.filter((line) => line === `::add-mask::${token}`)).toHaveLength(1);
    expect(log.filter((line) => line.includes(token))).toHaveLength(1);
  }
  expectNowhere(run, tokens);
}

function expectNowhere(run: CommandRun, tokens: readonly string[] = [NETLIFY_TOKEN, GITHUB_TOKEN]): void {
  const posted = run.githubRequests.map((r) => r.body).join('\n');
  for (const token of tokens) {
    expect(run.everything).not.toContain(token);
    expect(run.stderr).not.toContain(token);
    expect(posted).not.toContain(token);
    for (const reply of run.finalReplies) expect(reply).not.toContain(token);
  }
  // The Netlify token goes to Netlify only.
  expect(JSON.stringify(run.githubRequests.map((r) => r.headers))).not.toContain(NETLIFY_TOKEN);
}

function expectSucceeded(run: CommandRun): void {
  expect(run.code).toBe(0);
  expect(errorLines(run)).toEqual([]);
}

/** Exit 1 with exactly one error line; a failed command's says what to fix. */
function expectFailedStep(run: CommandRun, says: RegExp): void {
  expect(run.code).toBe(1);
  const errors = errorLines(run);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^::error::/);
  expect(errors[0]).toMatch(says);
  expect(run.outputs.result).toBe('failed');
}

/** The job summary: one heading naming the result, a table of the outputs (handoff left out). */
function expectSummary(run: CommandRun): void {
  expect(run.summary).toContain(`<h3>Netlify preview: ${run.outputs.result}`);
  expect(run.summary).toContain('<tr><td>reason</td>');
  expect(run.summary).not.toMatch(/\n\s*\n./);
}

describe('every path sets all ten outputs, and exits as it should', () => {
  test('the fast path: a comment without a command makes no request at all and writes no summary', async () => {
    const { number } = prWithPreview('error');
    const netlifyFrom = sandbox.netlify.requests.length;
    const githubFrom = sandbox.github.requests.length;
    const run = await sandbox.run({ prNumber: number, body: 'Looks good to me!\n\n/retest-later please' });
    expectAllOutputs(run);
    expectSucceeded(run);
    expect(run.outputs).toMatchObject({ result: 'ignored', command: '', reason: 'The comment holds no command.' });
    expect(sandbox.netlify.requests.slice(netlifyFrom)).toEqual([]);
    expect(sandbox.github.requests.slice(githubFrom)).toEqual([]);
    expect(run.reactions).toEqual([]);
    expect(run.summary).toBe('');
    expectNowhere(run);
  });

  test('ignored on the full path (an edited comment): no request, no summary, tokens masked', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: '/retest', action: 'edited' });
    expectAllOutputs(run);
    expectSucceeded(run);
    expect(run.outputs).toMatchObject({ result: 'ignored', command: '', results: '[]' });
    expect(run.netlifyRequests).toEqual([]);
    expect(run.githubRequests).toEqual([]);
    expect(run.summary).toBe('');
    expectMasked(run);
  });

  test('a bad input: exit 1, one error line naming the input, before any Netlify request', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: '/retest', inputs: { 'trusted-permission': 'root' } });
    expectAllOutputs(run);
    // A refused input names what it accepts instead of a "To fix:" (the reply on the PR has one).
    expectFailedStep(
      run,
      /^::error::Input trusted-permission accepts one of none, read, triage, write, maintain, admin\.$/,
    );
    expect(run.outputs).toMatchObject({ command: 'retest', reason: errorLines(run)[0]?.slice('::error::'.length) });
    expect(run.netlifyRequests).toEqual([]);
    // The shell acknowledged the command before the inputs were read (src/early.ts); the report then says why not.
    expect(run.reactions).toEqual(['eyes', 'confused']);
    expect(run.replies).toHaveLength(1);
    expect(run.replies[0]).toContain('To fix: a maintainer corrects `trusted-permission` in the workflow');
    expectSummary(run);
    expectMasked(run);
  });

  test('a malformed payload: exit 1, one error line, no request, no stack trace', async () => {
    const payload = commentPayload({ body: '/retest' });
    payload.issue.number = 'forty-two';
    const run = await sandbox.run({ body: '/retest', payload });
    expectAllOutputs(run);
    expectFailedStep(run, /^::error::The issue_comment event payload is malformed at issue\.number/);
    expect(run.netlifyRequests).toEqual([]);
    expect(run.githubRequests).toEqual([]);
    expect(run.stderr).toBe('');
    expectSummary(run);
    expectMasked(run);
    // Malformed on purpose: GitHub's webhook schema rejects it too.
    expect(takeViolations('event').flatMap((v) => v.problems)).toEqual([
      'issue_comment created payload/issue/number must be integer',
    ]);
  });

  test('denied: exit 0, outputs and summary set, no Netlify request', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      login: 'stranger',
      association: 'NONE',
      inputs: { 'trusted-permission': 'none' },
    });
    expectAllOutputs(run);
    expectSucceeded(run);
    expect(run.outputs).toMatchObject({ result: 'denied', command: 'retest', results: '[]', 'deploy-id': '' });
    expect(run.netlifyRequests).toEqual([]);
    expectSummary(run);
    expectMasked(run);
  });

  test('retried: exit 0, the deploy outputs, the results JSON and the summary', async () => {
    const { number, id } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: '/retest' });
    expectAllOutputs(run);
    expectSucceeded(run);
    expect(run.outputs).toMatchObject({
      result: 'retried',
      command: 'retest',
      'deploy-id': id,
      'deploy-state': 'error',
      'build-state': '',
      'build-seconds': '',
      handoff: '',
    });
    expect(JSON.parse(run.outputs.results as string)).toEqual([
      {
        site: expect.any(String),
        result: 'retried',
        'deploy-id': id,
        'deploy-state': 'error',
        'deploy-url': run.outputs['deploy-url'],
        reason: run.outputs.reason,
      },
    ]);
    expectSummary(run);
    expect(run.summary).toContain(`<tr><td>deploy-id</td><td>${id}</td></tr>`);
    expectMasked(run);
  });

  test('failed (Netlify refuses the token): exit 1, one error line that says "To fix:", no token anywhere', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: '/retest', inputs: { 'netlify-token': WRONG_TOKEN } });
    expectAllOutputs(run);
    expectFailedStep(run, /^::error::Netlify rejected the token \(401.*\. To fix: .*netlify-token/);
    expect(run.outputs.command).toBe('retest');
    expect(run.reactions).toEqual(['eyes', 'confused']);
    expectSummary(run);
    expectMasked(run, [WRONG_TOKEN, GITHUB_TOKEN]);
  });
});

describe('the job summary', () => {
  test("escapes what came from an API: an error message's markup is shown, never rendered", async () => {
    const { number } = prWithPreview('error');
    sandbox.netlify.inject({
      method: 'GET',
      path: /\/deploys$/,
      times: 1,
      fault: { kind: 'status', status: 403, body: { code: 403, message: `Tom & Jerry's "site" is < yours` } },
    });
    const run = await sandbox.run({ prNumber: number, body: '/retest' });
    expect(run.outputs.result).toBe('failed');
    expect(run.outputs.reason).toContain(`Tom & Jerry's "site" is < yours`);
    expect(run.summary).toContain('Tom &amp; Jerry&#39;s &quot;site&quot; is &lt; yours');
    expect(run.summary).not.toContain(`Tom & Jerry`);
    expect(run.summary).not.toContain('"site"');
  });
});

describe('the dist/ freshness guard', () => {
  test('this build is fresh', () => {
    expect(() => assertFreshDist()).not.toThrow();
  });

  test('a bundle older than a file under src/ is refused, a missing one too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'npr-fresh-'));
    try {
      mkdirSync(join(dir, 'src/core'), { recursive: true });
      const bundle = join(dir, 'index.js');
      const source = join(dir, 'src/core/decision.ts');
      writeFileSync(bundle, '');
      writeFileSync(source, '');
      utimesSync(bundle, new Date('2026-11-21T10:00:00Z'), new Date('2026-11-21T10:00:00Z'));
      utimesSync(source, new Date('2026-11-21T10:00:01Z'), new Date('2026-11-21T10:00:01Z'));
      expect(() => checkFreshBundle(join(dir, 'src'), bundle)).toThrow('dist/ is older than src/: run npm run build');
      utimesSync(bundle, new Date('2026-11-21T10:00:02Z'), new Date('2026-11-21T10:00:02Z'));
      expect(() => checkFreshBundle(join(dir, 'src'), bundle)).not.toThrow();
      expect(() => checkFreshBundle(join(dir, 'src'), join(dir, 'missing.js'))).toThrow('run npm run build');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

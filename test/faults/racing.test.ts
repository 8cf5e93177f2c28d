/**
 * Two commands on the same PR close together, through the spawned bundle (two processes, as two jobs are).
 * With the README's `concurrency:` group GitHub runs them one after the other: the second finds the build
 * the first started and sends no retry. Without it both run at once; the list requests are held until both
 * runs have asked, so that both see the failed preview, which is the race at its worst: each sends its one
 * retry, Netlify refuses the second, and that run reads the deploy and reports the build in progress.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type CommandRun, Sandbox } from '../lib/support/sandbox.js';
import {
  assertInvariants,
  assertNoTokenLeak,
  assertReadable,
  assertReplies,
  explain,
  type Played,
  retryPosts,
  strayCommands,
} from './harness.js';

const PR = 42;
const LIST = /^\/api\/v1\/sites\/[^/]+\/deploys$/;

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await Sandbox.start();
  sandbox.addPull(PR);
  sandbox.addPreview(PR, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
});

afterEach(async () => {
  await sandbox.stop();
});

const retest = { body: '/retest', prNumber: PR, login: 'alice', association: 'MEMBER' };
const rebuild = { body: '/rebuild-preview', prNumber: PR, login: 'bob', association: 'MEMBER' };

/** What one of the runs left: its own run and requests, and its own replies (the runs share the fakes). */
function playedOf(run: CommandRun): Played {
  return {
    run,
    netlify: run.netlifyRequests,
    github: run.githubRequests,
    replies: run.finalReplies,
    bodies: [...run.replies, ...run.finalReplies],
  };
}

/** Resolves once the fake has received `count` list requests (or after 20 s, so that nothing hangs). */
function listed(count: number): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const lists = sandbox.netlify.requests.filter((r) => r.method === 'GET' && LIST.test(r.path));
      if (lists.length >= count || Date.now() - started > 20_000) {
        clearInterval(poll);
        resolve();
      }
    }, 10);
  });
}

describe('two commands on the same PR', () => {
  test('with the concurrency group (one after the other): the second finds the build in progress and sends no retry', async () => {
    const first = await sandbox.run(retest);
    const second = await sandbox.run(rebuild);

    explain(playedOf(first), () => {
      expect(first.outputs.result).toBe('retried');
      expect(first.reactions).toEqual(['eyes', 'rocket']);
      assertInvariants(playedOf(first), { kind: 'command' });
    });
    explain(playedOf(second), () => {
      expect(second.outputs).toMatchObject({ result: 'skipped', command: 'rebuild', 'deploy-state': 'enqueued' });
      expect(second.outputs.reason).toMatch(/already in progress \(enqueued\)/);
      expect(retryPosts(second.netlifyRequests)).toHaveLength(0);
      expect(second.replies).toHaveLength(1);
      expect(second.replies[0]).toMatch(/already in progress/);
      assertInvariants(playedOf(second), { kind: 'command' });
    });
    expect(retryPosts(sandbox.netlify.requests)).toHaveLength(1);
  });

  test('without it (both at once): one retries, Netlify refuses the other, which then reports the build in progress', async () => {
    sandbox.netlify.inject({ method: 'GET', path: LIST, fault: { kind: 'hold', until: listed(2) }, times: 2 });
    const [a, b] = await Promise.all([sandbox.run(retest), sandbox.run(rebuild)]);

    // Both saw the failed preview, and each sent its one retry: two POSTs for two commands.
    const lists = sandbox.netlify.requests.filter((r) => r.method === 'GET' && LIST.test(r.path));
    expect(lists).toHaveLength(2);
    expect(retryPosts(sandbox.netlify.requests)).toHaveLength(2);
    expect(
      retryPosts(sandbox.netlify.requests)
        .map((r) => r.outcome)
        .sort(),
    ).toEqual([200, 422]);

    const results = [a, b].map((run) => run.outputs.result).sort();
    expect(results).toEqual(['retried', 'skipped']);
    const loser = a.outputs.result === 'skipped' ? a : b;
    explain(playedOf(loser), () => {
      expect(loser.code).toBe(0);
      expect(loser.outputs.reason).toMatch(/already in progress/);
      expect(loser.stdout).toMatch(/Netlify refused the retry .*reading it to see whether a build is running now/);
      expect(loser.reactions).not.toContain('confused');
    });
    for (const run of [a, b]) {
      expect(run.code).not.toBeNull();
      expect(run.replies.length + run.reactions.length).toBeGreaterThan(0);
      // Runs at once share the fakes' request logs, so the per-command counts are checked across both above.
      assertNoTokenLeak(playedOf(run));
      assertReadable(playedOf(run));
      assertReplies(playedOf(run));
      expect(strayCommands(run.stdout)).toEqual([]);
    }
    expect(sandbox.github.comments).toHaveLength(2);
  });
});

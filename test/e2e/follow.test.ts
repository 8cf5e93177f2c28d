/**
 * Following a build (issue 13), through the built bundle: the reply posted at the decision says the build
 * is followed, and is edited in place when it ends (or when the job is cancelled); `follow: next-job` hands
 * the following to a second run through the handoff output. The schedule itself (timings, rate limits,
 * every end) is tested in-process on a virtual clock (test/flow); here only what needs the real bundle,
 * with real builds of a few seconds. Nothing asserts a duration.
 */
import { describe, expect, test } from 'vitest';
import type { PostedComment } from '../lib/fakes/github.js';
import type { BuildPlan, NetlifyDeploy } from '../lib/fakes/netlify.js';
import { type CommandRun, headSha, Sandbox, SITE } from '../lib/support/sandbox.js';

const FOLLOWING = 'Following the build: this comment will say how it ends.';
/** A build that a retry starts: building after about 1 s, done after about 3 s (the first read is at 4 s). */
const builds = (end: BuildPlan[number]): BuildPlan => [{ afterMs: 1_000, state: 'building' }, end];
const READY: BuildPlan = builds({ afterMs: 3_000, state: 'ready' });
/** A build that goes on well past any test (for a job cancelled while following). */
const LONG: BuildPlan = builds({ afterMs: 60_000, state: 'ready' });

let nextPr = 500;
let nextComment = 3_000_000_000;

/**
 * A test body with a sandbox of its own: the tests wait on real builds of a few seconds, so they run at
 * once (describe.concurrent), and each one's requests, comments and build plans stay apart.
 */
function own<A extends unknown[]>(body: (sandbox: Sandbox, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    const sandbox = await Sandbox.start();
    try {
      await body(sandbox, ...args);
    } finally {
      await sandbox.stop();
    }
  };
}

/** A fresh open PR with a failed preview; the retry starts `plan`. */
function failedPreview(sandbox: Sandbox, plan: BuildPlan | null): { pr: number; preview: NetlifyDeploy } {
  const pr = nextPr++;
  sandbox.addPull(pr);
  const preview = sandbox.addPreview(pr, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
  sandbox.netlify.onRetry = plan ? (deploy) => (deploy.id === preview.id ? plan : null) : null;
  return { pr, preview };
}

/** The reply as a single-site retry of a failed preview posts it, with `follow` lines before the marker. */
function retriedReply(pr: number, preview: NetlifyDeploy, ...follow: string[]): string {
  return [
    '@alice The deploy preview had failed, so a retry was requested.',
    '',
    `- Preview: https://deploy-preview-${pr}--${SITE.name}.netlify.app`,
    `- Deploy log: https://app.netlify.com/sites/${SITE.name}/deploys/${preview.id}`,
    `- Deploy \`${preview.id}\`: state \`error\` when checked, built from \`${headSha(pr).slice(0, 7)}\``,
    ...follow.flatMap((line) => ['', line]),
    '',
    '<!-- netlify-preview-retry -->',
  ].join('\n');
}

/** The comments posted during a run (the sandbox keeps every one; the run knows how many it posted). */
function postedBy(sandbox: Sandbox, run: CommandRun): PostedComment[] {
  return sandbox.github.comments.filter((comment) => run.replies.includes(comment.posted));
}

function deployReads(run: CommandRun, preview: NetlifyDeploy): number {
  return run.netlifyRequests.filter((r) => r.method === 'GET' && r.path === `/api/v1/deploys/${preview.id}`).length;
}

describe.concurrent('follow: true', () => {
  test(
    'a build that ends ready: the reply is edited in place to say so, with the URL and how long it took',
    own(async (sandbox) => {
      const { pr, preview } = failedPreview(sandbox, READY);
      const run = await sandbox.run({ prNumber: pr, body: '/retest', inputs: { follow: 'true' } });

      expect(run.code).toBe(0);
      expect(run.replies).toEqual([retriedReply(pr, preview, FOLLOWING)]);
      // One comment, edited once: never a second comment.
      const [reply] = postedBy(sandbox, run);
      expect(run.edits.map((edit) => edit.commentId)).toEqual([reply?.id]);
      expect(run.finalReplies).toHaveLength(1);
      const final = run.finalReplies[0] as string;
      const seconds = run.outputs['build-seconds'] as string;
      expect(seconds).toMatch(/^\d+$/);
      expect(final).toBe(
        retriedReply(
          pr,
          preview,
          `**Ready:** the preview is ready again: https://deploy-preview-${pr}--${SITE.name}.netlify.app (built in ${seconds} s).`,
        ),
      );
      expect(final).not.toContain(FOLLOWING);
      expect(run.reactions).toEqual(['eyes', 'rocket', 'hooray']);
      expect(run.outputs).toMatchObject({
        result: 'retried',
        command: 'retest',
        'deploy-id': preview.id,
        'deploy-state': 'error',
        'build-state': 'ready',
        handoff: '',
      });
      expect(deployReads(run, preview)).toBeGreaterThanOrEqual(1);
    }),
  );

  test(
    'a build that fails again: the first line of its message in a code span, the log link, confused; exit 0',
    own(async (sandbox) => {
      const message = 'Plugin `@org/team-build` failed: ask @org/team\n    at build (/opt/build/repo/netlify.js:12)';
      const { pr, preview } = failedPreview(sandbox, builds({ afterMs: 3_000, state: 'error', errorMessage: message }));
      const run = await sandbox.run({ prNumber: pr, body: '/retest', inputs: { follow: 'true' } });

      expect(run.code).toBe(0);
      expect(run.replies).toEqual([retriedReply(pr, preview, FOLLOWING)]);
      expect(run.edits).toHaveLength(1);
      const log = `https://app.netlify.com/sites/${SITE.name}/deploys/${preview.id}`;
      expect(run.finalReplies).toEqual([
        retriedReply(
          pr,
          preview,
          `**Failed again:** \`\`Plugin \`@org/team-build\` failed: ask @org/team\`\`. Deploy log: ${log}`,
        ),
      ]);
      // Neither the mention nor the second line escapes the code span.
      expect(run.finalReplies[0]).not.toContain('/opt/build');
      expect((run.finalReplies[0] as string).replace(/``[^\n]*?``/g, '')).not.toContain('@org');
      expect(run.reactions).toEqual(['eyes', 'rocket', 'confused']);
      expect(run.outputs['build-state']).toBe('error');
      expect(run.outputs['build-seconds']).toMatch(/^\d+$/);
      expect(run.outputs.result).toBe('retried');
    }),
  );

  test.each(['SIGTERM', 'SIGINT'] as const)(
    'a job cancelled (%s) while following: the reply says following stopped, and the step ends',
    own(async (sandbox, signal) => {
      const { pr, preview } = failedPreview(sandbox, LONG);
      // The decision takes well under a second; the first read is 4 s after the retry: the signal comes between.
      const run = await sandbox.run({
        prNumber: pr,
        body: '/retest',
        inputs: { follow: 'true' },
        signalAfterMs: 2_500,
        signal,
      });

      // The action ended by itself (it was not killed by the signal) after editing the reply once.
      expect(run.exitSignal).toBeNull();
      expect(run.code).toBe(0);
      expect(run.replies).toEqual([retriedReply(pr, preview, FOLLOWING)]);
      expect(run.edits).toHaveLength(1);
      const final = run.finalReplies[0] as string;
      expect(final).toMatch(/\*\*Following stopped\*\* after \d+ s: the job was cancelled or timed out\./);
      // The build had not been read since the retry: its state then is not known, and is not the old `error`.
      expect(final).toContain('The build was still running then');
      expect(final).not.toContain(FOLLOWING);
      expect(run.reactions).toEqual(['eyes', 'rocket']);
      expect(run.outputs['build-seconds']).toBe('');
      expect(run.outputs['build-state']).not.toBe('error');
    }),
  );
});

describe.concurrent('follow: next-job', () => {
  test(
    'the decision hands off without following; a second run of the same event follows and edits the first reply',
    own(async (sandbox) => {
      const { pr, preview } = failedPreview(sandbox, READY);
      const commentId = nextComment++;
      const first = await sandbox.run({ prNumber: pr, body: '/retest', commentId, inputs: { follow: 'next-job' } });

      expect(first.code).toBe(0);
      expect(first.outputs.handoff).not.toBe('');
      expect(first.outputs).toMatchObject({ result: 'retried', 'build-state': '', 'build-seconds': '' });
      expect(first.replies).toEqual([retriedReply(pr, preview, FOLLOWING)]);
      expect(first.edits).toEqual([]);
      expect(deployReads(first, preview)).toBe(0);
      const [reply] = postedBy(sandbox, first);

      const second = await sandbox.run({
        prNumber: pr,
        body: '/retest',
        commentId,
        payload: first.payload,
        inputs: { follow: 'next-job', handoff: first.outputs.handoff ?? '' },
      });
      expect(second.code).toBe(0);
      // It reads no command: no new reply, no second retry, no PR read; only the followed deploy and the edit.
      expect(second.replies).toEqual([]);
      expect(
        second.netlifyRequests.every((r) => r.method === 'GET' && r.path === `/api/v1/deploys/${preview.id}`),
      ).toBe(true);
      expect(second.githubRequests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /graphql']);
      expect(second.edits.map((edit) => edit.commentId)).toEqual([reply?.id]);
      expect(reply?.body).toBe(
        retriedReply(
          pr,
          preview,
          `**Ready:** the preview is ready again: https://deploy-preview-${pr}--${SITE.name}.netlify.app (built in ${second.outputs['build-seconds']} s).`,
        ),
      );
      expect(second.outputs).toMatchObject({ result: 'retried', 'build-state': 'ready', handoff: '' });
      expect(second.outputs['build-seconds']).toMatch(/^\d+$/);
      expect(second.reactions).toEqual(['eyes', 'rocket', 'hooray']);
    }),
  );

  test(
    'a tampered handoff is refused with one clear line, and nothing is read or edited',
    own(async (sandbox) => {
      const { pr } = failedPreview(sandbox, null);
      const commentId = nextComment++;
      const first = await sandbox.run({ prNumber: pr, body: '/retest', commentId, inputs: { follow: 'next-job' } });
      const handoff = first.outputs.handoff as string;
      expect(handoff).not.toBe('');
      const other = JSON.stringify({ ...JSON.parse(handoff), comment: 'IC_kwDOsomeoneelse' });
      const tampered = [
        handoff.replace('https://deploy-preview-', 'javascript://deploy-preview-'),
        handoff.replace('"result":"retried"', '"result":"owned"'),
        handoff.slice(0, -5),
        other,
      ];
      for (const value of tampered) {
        const run = await sandbox.run({
          prNumber: pr,
          body: '/retest',
          commentId,
          payload: first.payload,
          inputs: { handoff: value },
        });
        expect(run.code).toBe(1);
        const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(/^::error::Input handoff is .*: (set it to|pass) the handoff output of .*\.$/);
        expect(run.outputs).toMatchObject({ result: 'failed', handoff: '', 'build-state': '' });
        expect(run.netlifyRequests).toEqual([]);
        expect(run.githubRequests).toEqual([]);
        expect(run.edits).toEqual([]);
      }
    }),
  );
});

describe.concurrent('follow unset', () => {
  test.each<Record<string, string>>([{}, { follow: 'false' }])(
    'inputs %o: the reply and the outputs are as without following',
    own(async (sandbox, inputs) => {
      const { pr, preview } = failedPreview(sandbox, READY);
      const run = await sandbox.run({ prNumber: pr, body: '/retest', inputs });

      expect(run.code).toBe(0);
      expect(run.replies).toEqual([retriedReply(pr, preview)]);
      expect(run.replies[0]).not.toMatch(/follow/i);
      expect(run.edits).toEqual([]);
      expect(run.reactions).toEqual(['eyes', 'rocket']);
      expect(deployReads(run, preview)).toBe(0);
      expect(run.outputs).toEqual({
        result: 'retried',
        command: 'retest',
        'deploy-id': preview.id,
        'deploy-state': 'error',
        'deploy-url': `https://deploy-preview-${pr}--${SITE.name}.netlify.app`,
        reason: 'The deploy preview had failed, so a retry was requested.',
        results: JSON.stringify([
          {
            site: SITE.id,
            result: 'retried',
            'deploy-id': preview.id,
            'deploy-state': 'error',
            'deploy-url': `https://deploy-preview-${pr}--${SITE.name}.netlify.app`,
            reason: 'The deploy preview had failed, so a retry was requested.',
          },
        ]),
        'build-state': '',
        'build-seconds': '',
        handoff: '',
      });
    }),
  );
});

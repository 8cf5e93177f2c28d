/**
 * Issue 12 end to end: the states a preview's state alone does not tell. A canceled build (it ends as
 * `error`) is not retried by /retest but is rebuilt by /rebuild-preview; Netlify's approval gate is never
 * got around; a stuck build is canceled and built again by /rebuild-preview only; a fork PR's old preview
 * is found through `pull/N/head`. The table of every state is tested in-process (test/unit, test/flow).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APPROVAL_STATES, CANCELED } from '../lib/fakes/netlify.js';
import { type CommandRun, lines, Sandbox, SITE } from '../lib/support/sandbox.js';
import { describeRequest, seedSite } from '../lib/support/scenarios.js';

const MINUTE = 60_000;

let sandbox: Sandbox;
let nextPr = 500;
beforeAll(async () => {
  sandbox = await Sandbox.start();
});
afterAll(() => sandbox.stop());

/** `updatedAt` as an ISO time this long ago; in-progress builds need a recent one, or they count as stuck. */
function ago(ms: number): string {
  return new Date(Date.now() - ms).toISOString();
}

function prWithPreview(spec: { state: string; errorMessage?: string | null; updatedAt?: string }) {
  const number = nextPr++;
  sandbox.addPull(number);
  const createdAt = spec.updatedAt ?? '2026-11-21T10:00:00Z';
  const preview = sandbox.addPreview(number, { createdAt, ...spec });
  return { number, id: preview.id, logUrl: `https://app.netlify.com/sites/${SITE.name}/deploys/${preview.id}` };
}

function posts(run: CommandRun): string[] {
  return lines(run.netlifyRequests).filter((line) => line.startsWith('POST '));
}

describe('a canceled build', () => {
  const cases = [
    [
      'by a person',
      CANCELED.byUser,
      "@alice The deploy preview's build was canceled, not failed, so it was not retried. Comment `/rebuild-preview` to build it anyway.",
    ],
    [
      'by the ignore rule',
      CANCELED.noContentChange,
      "@alice Netlify's ignore rule found nothing to build for the deploy preview: its build was canceled, not failed, so it was not retried. Comment `/rebuild-preview` to build it anyway.",
    ],
  ] as const;

  test.each(cases)(
    '%s: /retest skips it and says /rebuild-preview builds it anyway',
    async (_how, canceled, headline) => {
      const { number } = prWithPreview(canceled);
      const run = await sandbox.run({ prNumber: number, body: '/retest' });
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ result: 'skipped', command: 'retest', 'deploy-state': 'error' });
      expect(posts(run)).toEqual([]);
      expect(run.reactions).toEqual(['eyes']);
      expect(run.replies[0]?.split('\n')[0]).toBe(headline);
    },
  );

  test.each(cases)('%s: /rebuild-preview rebuilds it', async (_how, canceled) => {
    const { number, id } = prWithPreview(canceled);
    const run = await sandbox.run({ prNumber: number, body: '/rebuild-preview' });
    expect(run.outputs).toMatchObject({
      result: 'retried',
      command: 'rebuild',
      'deploy-id': id,
      reason: "The deploy preview's build had been canceled, so a rebuild was requested.",
    });
    expect(posts(run)).toEqual([`POST /api/v1/deploys/${id}/retry`]);
    expect(run.reactions).toEqual(['eyes', 'rocket']);
  });
});

describe("Netlify's approval gate: never a retry, by either command, however old", () => {
  const commands = ['/retest', '/rebuild-preview'] as const;
  const ages = [
    ['just changed', MINUTE],
    ['unchanged for hours', 5 * 60 * MINUTE],
  ] as const;
  for (const state of APPROVAL_STATES) {
    for (const [age, ms] of ages) {
      test.each(commands)(`${state}, ${age}: %s`, async (body) => {
        const { number, logUrl } = prWithPreview({ state, updatedAt: ago(ms) });
        const run = await sandbox.run({ prNumber: number, body });
        expect(run.code).toBe(0);
        expect(run.outputs).toMatchObject({ result: 'skipped', 'deploy-state': state });
        expect(posts(run)).toEqual([]);
        expect(run.reactions).toEqual(['eyes']);
        const headline = run.replies[0]?.split('\n')[0];
        if (state === 'pending_review') {
          expect(headline).toBe(
            "@alice A Netlify team member must approve this deploy before it builds: Netlify holds contributors' previews for review, and no command gets around that. " +
              `A team member can approve it on its page in the Netlify app: ${logUrl}`,
          );
        } else if (state === 'rejected') {
          expect(headline).toBe('@alice A Netlify team member rejected this deploy, so it was not retried.');
        } else {
          // Approved: the build is about to start.
          expect(headline).toBe('@alice A build of the deploy preview is already in progress (accepted).');
        }
      });
    }
  }
});

describe('a stuck build (unchanged for 2 hours)', () => {
  const stuck = () => prWithPreview({ state: 'building', updatedAt: ago(120 * MINUTE) });

  test('/retest skips it, says how long, and that /rebuild-preview restarts it', async () => {
    const { number } = stuck();
    const run = await sandbox.run({ prNumber: number, body: '/retest' });
    expect(run.outputs).toMatchObject({
      result: 'skipped',
      'deploy-state': 'building',
      reason:
        'The build of the deploy preview has been building for 2 hours without a change, so it looks stuck; it was not retried.',
    });
    expect(posts(run)).toEqual([]);
    expect(run.replies[0]?.split('\n')[0]).toBe(
      '@alice The build of the deploy preview has been building for 2 hours without a change, so it looks stuck; it was not retried. Comment `/rebuild-preview` to cancel it and build again.',
    );
  });

  test('/rebuild-preview cancels it, then sends exactly one retry', async () => {
    const { number, id } = stuck();
    const run = await sandbox.run({ prNumber: number, body: '/rebuild-preview' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'retried',
      command: 'rebuild',
      'deploy-id': id,
      'deploy-state': 'building',
      reason:
        'The build of the deploy preview had been building for 2 hours without a change, so it was canceled and a retry was requested.',
    });
    expect(posts(run)).toEqual([`POST /api/v1/deploys/${id}/cancel`, `POST /api/v1/deploys/${id}/retry`]);
    expect(sandbox.netlify.findDeploy(id)?.state).toBe('enqueued');
    expect(run.reactions).toEqual(['eyes', 'rocket']);
  });

  test('when the cancel fails, no retry is sent and the reply says why', async () => {
    const { number, id } = stuck();
    sandbox.netlify.inject({
      method: 'POST',
      path: new RegExp(`/deploys/${id}/cancel$`),
      fault: { kind: 'status', status: 500, body: { code: 500, message: 'Internal Server Error' } },
    });
    try {
      const run = await sandbox.run({ prNumber: number, body: '/rebuild-preview' });
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ result: 'failed', command: 'rebuild', 'deploy-id': id });
      expect(run.outputs.reason).toMatch(
        /^The stuck build could not be canceled, so no retry was sent: Netlify .*\(500/,
      );
      expect(posts(run).filter((line) => line.endsWith('/retry'))).toEqual([]);
      expect(posts(run).filter((line) => line.endsWith('/cancel'))).toHaveLength(1);
      expect(run.reactions).toEqual(['eyes', 'confused']);
      expect(run.replies[0]).toContain('The stuck build could not be canceled, so no retry was sent:');
      expect(run.replies[0]).toContain('To fix: ');
    } finally {
      sandbox.netlify.clearFaults();
    }
  });

  test('stuck-minutes: 0 never treats a build as stuck', async () => {
    const { number } = stuck();
    const run = await sandbox.run({ prNumber: number, body: '/rebuild-preview', inputs: { 'stuck-minutes': '0' } });
    expect(run.outputs).toMatchObject({
      result: 'skipped',
      reason: 'A build of the deploy preview is already in progress (building).',
    });
    expect(posts(run)).toEqual([]);
  });
});

describe('a fork PR on a site of 10,000 deploys', () => {
  let big: Sandbox;
  beforeAll(async () => {
    big = await Sandbox.start();
  });
  afterAll(() => big.stop());

  test('its preview, 6,000 deploys back and built from pull/N/head, is found in at most 3 Netlify reads', async () => {
    const pr = 77;
    const [preview] = seedSite(big, {
      total: 10_000,
      pulls: [{ pr, createdIndex: 6_020 }],
      previews: [{ pr, index: 6_000, state: 'error' }],
    });
    const pull = big.github.pulls.get(pr);
    if (!pull || !preview) throw new Error('seeding failed');
    pull.head = { ...pull.head, ref: 'patch-1', fork: true };
    // Netlify builds a fork's PR from pull/N/head, not from the fork's branch name.
    preview.branch = `pull/${pr}/head`;
    const run = await big.run({ prNumber: pr, body: '/retest' });
    expect(run.outputs).toMatchObject({ result: 'retried', 'deploy-id': preview.id });
    const reads = run.netlifyRequests.filter((r) => r.method === 'GET');
    expect(reads.length).toBeLessThanOrEqual(3);
    expect(reads.map(describeRequest)).toContain(
      `GET /api/v1/sites/${SITE.id}/deploys?deploy-previews=true&branch=pull/${pr}/head&page=1&per_page=100`,
    );
    expect(posts(run)).toEqual([`POST /api/v1/deploys/${preview.id}/retry`]);
  });
});

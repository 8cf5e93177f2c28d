/**
 * The action end to end: the built dist/index.js, run as the runner runs it, against the fake
 * Netlify and GitHub servers. Assertions are on what a user sees: requests made, reactions,
 * replies, outputs and the step's exit status.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { takeViolations } from '../lib/contract/checker.js';
import { commentPayload } from '../lib/support/payloads.js';
import { type CommandRun, lines, NETLIFY_TOKEN, GITHUB_TOKEN, Sandbox, SITE } from '../lib/support/sandbox.js';

let sandbox: Sandbox;
let nextPr = 100;
beforeAll(async () => {
  sandbox = await Sandbox.start();
});
afterAll(() => sandbox.stop());

/** A fresh open PR with one preview in the given state. */
function prWithPreview(state: string, createdAt = '2026-11-21T10:00:00Z') {
  const number = nextPr++;
  const pull = sandbox.addPull(number);
  const preview = state ? sandbox.addPreview(number, { state, createdAt }) : null;
  return { number, pull, preview };
}

function expectNoSecrets(run: CommandRun) {
  for (const text of [run.everything, ...run.replies]) {
    expect(text).not.toContain(NETLIFY_TOKEN);
    expect(text).not.toContain(GITHUB_TOKEN);
  }
}

describe('comments it ignores: no request, no reaction, no reply', () => {
  const cases: [string, Parameters<Sandbox['run']>[0]][] = [
    ['a comment without a command', { body: 'Looks good to me!' }],
    ['a command with trailing words', { body: '/retest please' }],
    ['a command in a code block', { body: '```\n/retest\n```' }],
    ['an edited comment', { body: '/retest', action: 'edited' }],
    ['a deleted comment', { body: '/retest', action: 'deleted' }],
    ['a comment on an issue', { body: '/retest', onPullRequest: false }],
    ['a closed PR', { body: '/retest', state: 'closed' }],
    ['a bot', { body: '/retest', login: 'dependabot[bot]', userType: 'Bot' }],
    ['a bot named only by its login', { body: '/retest', login: 'some-app[bot]', userType: undefined }],
    ['another event', { body: '/retest', eventName: 'pull_request_review_comment' }],
  ];
  test.each(cases)('%s', async (_name, spec) => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, association: 'OWNER', ...spec });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('ignored');
    expect(run.outputs.command).toBe('');
    expect(run.outputs.reason).not.toBe('');
    expect(run.netlifyRequests).toEqual([]);
    expect(run.githubRequests).toEqual([]);
    expect(run.reactions).toEqual([]);
    expect(run.replies).toEqual([]);
  });
});

describe('what it does for each state of the preview', () => {
  test('/retest on a failed preview retries it once, reacts and replies with links', async () => {
    const { number, preview } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: 'The build flaked.\n/retest' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'retried',
      command: 'retest',
      'deploy-id': preview?.id,
      'deploy-state': 'error',
      'deploy-url': `https://deploy-preview-${number}--${SITE.name}.netlify.app`,
    });
    expect(sandbox.netlify.retries().filter((r) => r.path.includes(preview?.id as string))).toHaveLength(1);
    expect(sandbox.netlify.findDeploy(preview?.id as string)?.state).toBe('enqueued');
    expect(run.reactions).toEqual(['eyes', 'rocket']);
    expect(run.replies).toHaveLength(1);
    expect(run.replies[0]).toContain('@alice The deploy preview had failed, so a retry was requested.');
    expect(run.replies[0]).toContain(`https://app.netlify.com/sites/${SITE.name}/deploys/${preview?.id}`);
    expect(run.summary).toContain('retried');
    expectNoSecrets(run);
  });

  test('/retest on a ready preview does not retry and says how to force a rebuild', async () => {
    const { number } = prWithPreview('ready');
    const run = await sandbox.run({ prNumber: number, body: '/retest' });
    expect(run.outputs.result).toBe('skipped');
    expect(run.outputs['deploy-state']).toBe('ready');
    expect(lines(run.netlifyRequests).some((l) => l.endsWith('/retry'))).toBe(false);
    expect(run.reactions).toEqual(['eyes']);
    expect(run.replies[0]).toContain('is ready, so it was not retried. Comment `/rebuild-preview` to force a rebuild.');
  });

  test('/rebuild-preview on a ready preview rebuilds it', async () => {
    const { number, preview } = prWithPreview('ready');
    const run = await sandbox.run({ prNumber: number, body: '/rebuild-preview' });
    expect(run.outputs).toMatchObject({ result: 'retried', command: 'rebuild' });
    expect(lines(run.netlifyRequests)).toContain(`POST /api/v1/deploys/${preview?.id}/retry`);
    expect(run.reactions).toEqual(['eyes', 'rocket']);
    expect(run.replies[0]).toContain('A rebuild of the deploy preview was requested.');
  });

  test.each(['retest', 'rebuild-preview'])(
    '/%s while a build runs does not retry and links the build',
    async (word) => {
      const { number, preview } = prWithPreview('building');
      const run = await sandbox.run({ prNumber: number, body: `/${word}` });
      expect(run.outputs.result).toBe('skipped');
      expect(lines(run.netlifyRequests).some((l) => l.endsWith('/retry'))).toBe(false);
      expect(run.replies[0]).toContain('A build of the deploy preview is already in progress (building).');
      expect(run.replies[0]).toContain(`/deploys/${preview?.id}`);
    },
  );

  test('a state it does not know is named and not retried', async () => {
    const { number } = prWithPreview('pending_review');
    const run = await sandbox.run({ prNumber: number, body: '/rebuild-preview' });
    expect(run.outputs).toMatchObject({ result: 'skipped', 'deploy-state': 'pending_review' });
    expect(run.replies[0]).toContain('in state pending_review');
  });

  test('a PR without a preview on the site is reported as not found', async () => {
    const { number } = prWithPreview('');
    const run = await sandbox.run({ prNumber: number, body: '/retest' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'not-found', 'deploy-id': '' });
    expect(run.replies[0]).toContain(`PR #${number} has no deploy preview on site ${SITE.id}.`);
    expect(run.reactions).toEqual(['eyes']);
  });

  test('the newest preview of the PR is the one acted on', async () => {
    const { number } = prWithPreview('');
    sandbox.addPreview(number, { state: 'error', createdAt: '2026-11-20T09:00:00Z' });
    const newest = sandbox.addPreview(number, { state: 'ready', createdAt: '2026-11-21T09:00:00Z' });
    const run = await sandbox.run({ prNumber: number, body: '/retest' });
    expect(run.outputs).toMatchObject({ result: 'skipped', 'deploy-id': newest.id, 'deploy-state': 'ready' });
  });

  test("a preview built from another commit than the PR's head is retried, and the reply says so", async () => {
    const { number, pull } = prWithPreview('');
    sandbox.addPreview(number, { state: 'error', createdAt: '2026-11-21T09:00:00Z', commit: 'd'.repeat(40) });
    const run = await sandbox.run({ prNumber: number, body: '/retest' });
    expect(run.outputs.result).toBe('retried');
    expect(run.replies[0]).toContain(`built from \`ddddddd\`, not from the PR's head \`${pull.head.sha.slice(0, 7)}\``);
  });

  test('a preview older than the newest 100 deploys is still found', async () => {
    const { number, pull } = prWithPreview('');
    pull.created_at = '2026-01-01T00:00:00Z';
    const old = sandbox.addPreview(number, { state: 'error', createdAt: '2026-01-02T00:00:00Z' });
    for (let i = 0; i < 150; i++) {
      sandbox.netlify.addDeploy(SITE.id, {
        pr: 5000 + i,
        state: 'ready',
        createdAt: new Date(Date.parse('2026-06-01T00:00:00Z') + i * 60_000).toISOString(),
      });
    }
    const run = await sandbox.run({ prNumber: number, body: '/retest' });
    expect(run.outputs).toMatchObject({ result: 'retried', 'deploy-id': old.id });
    const lists = run.netlifyRequests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => r.query.branch ?? '')).toEqual(['', pull.head.ref]);
  });
});

describe('who may run it', () => {
  test('a stranger is denied: no Netlify request, a reply that names who can unblock it', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      login: 'stranger',
      association: 'NONE',
      inputs: { 'trusted-permission': 'none' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'denied', command: 'retest' });
    expect(run.netlifyRequests).toEqual([]);
    expect(run.reactions).toEqual(['eyes', 'confused']);
    expect(run.replies[0]).toContain('@stranger is not trusted to run commands on this PR, so `/retest` was not run.');
    expect(run.replies[0]).toContain('adding the `ok-to-test` label');
  });

  test("a contributor whose repository permission is only read is denied after GitHub's answer", async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: '/retest', login: 'reader', association: 'CONTRIBUTOR' });
    expect(run.outputs.result).toBe('denied');
    expect(lines(run.githubRequests)).toContain('GET /repos/octo-org/docs/collaborators/reader/permission');
    expect(run.netlifyRequests).toEqual([]);
    expect(run.replies[0]).toContain('@reader has read permission on the repository, and write is required');
  });

  test('a private organization member (CONTRIBUTOR in the payload) with write permission is trusted', async () => {
    const { number } = prWithPreview('error');
    sandbox.github.permissions.set('private-member', { permission: 'write', role_name: 'write' });
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      login: 'private-member',
      association: 'CONTRIBUTOR',
    });
    expect(run.outputs.result).toBe('retried');
  });

  test('a maintain role passes a maintain requirement although the legacy permission says write', async () => {
    const { number } = prWithPreview('error');
    sandbox.github.permissions.set('maintainer', { permission: 'write', role_name: 'maintain' });
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      login: 'maintainer',
      association: 'CONTRIBUTOR',
      inputs: { 'trusted-permission': 'maintain' },
    });
    expect(run.outputs.result).toBe('retried');
  });

  test('the ok-to-test label lets anyone run commands on the PR, without asking GitHub', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      login: 'newcomer',
      association: 'FIRST_TIME_CONTRIBUTOR',
      labels: ['ok-to-test'],
    });
    expect(run.outputs.result).toBe('retried');
    expect(lines(run.githubRequests).some((l) => l.includes('/permission'))).toBe(false);
  });

  test('a PR by a member is trusted whoever comments', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      login: 'drive-by',
      association: 'NONE',
      prAuthorAssociation: 'MEMBER',
      inputs: { 'trusted-permission': 'none' },
    });
    expect(run.outputs.result).toBe('retried');
  });

  test('trusted-users and trusted-apps', async () => {
    const user = prWithPreview('error');
    const byUser = await sandbox.run({
      prNumber: user.number,
      body: '/retest',
      login: 'Tess',
      association: 'NONE',
      inputs: { 'trusted-users': 'tess', 'trusted-permission': 'none' },
    });
    expect(byUser.outputs.result).toBe('retried');
    const app = prWithPreview('error');
    const byApp = await sandbox.run({
      prNumber: app.number,
      body: '/retest',
      login: 'renovate[bot]',
      userType: 'Bot',
      association: 'NONE',
      inputs: { 'trusted-apps': 'renovate', 'trusted-permission': 'none' },
    });
    expect(byApp.outputs.result).toBe('retried');
    const impostor = prWithPreview('error');
    const byHuman = await sandbox.run({
      prNumber: impostor.number,
      body: '/retest',
      login: 'renovate',
      association: 'NONE',
      inputs: { 'trusted-apps': 'renovate', 'trusted-permission': 'none' },
    });
    expect(byHuman.outputs.result).toBe('denied');
  });
});

describe('options', () => {
  test('quiet-retest: /retest posts no reply, the reactions still tell', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: '/retest', inputs: { 'quiet-retest': 'true' } });
    expect(run.outputs.result).toBe('retried');
    expect(run.replies).toEqual([]);
    expect(run.reactions).toEqual(['eyes', 'rocket']);
    const ready = prWithPreview('ready');
    const rebuild = await sandbox.run({
      prNumber: ready.number,
      body: '/rebuild-preview',
      inputs: { 'quiet-retest': 'true' },
    });
    expect(rebuild.replies).toHaveLength(1);
  });

  test('dry-run decides and reports, but changes nothing anywhere', async () => {
    const { number, preview } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: '/retest', inputs: { 'dry-run': 'true' } });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'retried', 'deploy-id': preview?.id });
    expect(run.netlifyRequests.every((r) => r.method === 'GET')).toBe(true);
    expect(run.githubRequests.every((r) => r.method === 'GET')).toBe(true);
    expect(run.reactions).toEqual([]);
    expect(run.replies).toEqual([]);
    expect(sandbox.netlify.findDeploy(preview?.id as string)?.state).toBe('error');
    expect(run.stdout).toContain('dry-run');
    expect(run.summary).toContain('dry run');
  });

  test("Prow's /netlify-rebuild as the rebuild word", async () => {
    const { number } = prWithPreview('ready');
    const run = await sandbox.run({
      prNumber: number,
      body: '/netlify-rebuild',
      inputs: { 'rebuild-command': '/netlify-rebuild' },
    });
    expect(run.outputs).toMatchObject({ result: 'retried', command: 'rebuild' });
    const other = prWithPreview('ready');
    const old = await sandbox.run({
      prNumber: other.number,
      body: '/rebuild-preview',
      inputs: { 'rebuild-command': '/netlify-rebuild' },
    });
    expect(old.outputs.result).toBe('ignored');
  });
});

describe('failures', () => {
  test('a rejected Netlify token fails the step, says what to fix, and never shows the token', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      inputs: { 'netlify-token': 'nfp_WrongTokenValue123456789' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('failed');
    expect(run.outputs.reason).toContain('Netlify rejected the token (401');
    expect(run.stdout).toContain('::error::');
    expect(run.stdout).toContain('netlify-token secret');
    expect(run.reactions).toEqual(['eyes', 'confused']);
    expect(run.replies[0]).toContain('The retry could not be requested.');
    expect(run.replies[0]).toContain('[workflow run](https://github.com/octo-org/docs/actions/runs/9876543210)');
    expect(run.everything).not.toContain('nfp_WrongTokenValue123456789');
    expect(run.replies[0]).not.toContain('nfp_WrongTokenValue123456789');
  });

  test('an unknown site fails with a hint about site-id', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      inputs: { 'site-id': 'no-such-site.netlify.app' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('failed');
    expect(run.stdout).toContain('check the site-id input');
    expectNoSecrets(run);
  });

  test('a bad input fails before any request, in one line naming the input', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({ prNumber: number, body: '/retest', inputs: { 'trusted-permission': 'root' } });
    expect(run.code).toBe(1);
    expect(run.netlifyRequests).toEqual([]);
    expect(run.githubRequests).toEqual([]);
    expect(run.stdout).toContain(
      '::error::Input trusted-permission accepts one of none, read, triage, write, maintain, admin.',
    );
  });

  test('a malformed event payload ends with a clear error, not a crash', async () => {
    const payload = commentPayload({ body: '/retest' });
    payload.issue.number = 'forty-two';
    const run = await sandbox.run({ body: '/retest', payload });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::The issue_comment event payload is malformed at issue.number');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    // Malformed on purpose: GitHub's webhook schema rejects it too (test/contract).
    expect(takeViolations('event').flatMap((v) => v.problems)).toEqual([
      'issue_comment created payload/issue/number must be integer',
    ]);
  });
});

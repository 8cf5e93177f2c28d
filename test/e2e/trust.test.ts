/**
 * Issue 11 end to end: trust is per command. A trusted PR lets anyone /retest it (a failed preview only);
 * /rebuild-preview needs the commenter's own trust unless rebuild-trust is pr; /ok-to-test labels the PR for
 * strangers' retests and needs the commenter's trust; read permission means nothing on a public repository.
 * The decisions are tested in-process (test/unit/trust.test.ts, test/flow); this is the wiring as a user sees it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type CommandRun, lines, Sandbox } from '../lib/support/sandbox.js';

let sandbox: Sandbox;
let nextPr = 400;
beforeAll(async () => {
  sandbox = await Sandbox.start();
});
afterAll(() => sandbox.stop());
afterEach(() => {
  sandbox.github.privateRepo = false;
});

function prWithPreview(state: string): { number: number; id: string } {
  const number = nextPr++;
  sandbox.addPull(number);
  const preview = sandbox.addPreview(number, { state, createdAt: '2026-11-21T10:00:00Z' });
  return { number, id: preview.id };
}

/** A comment by someone the repository does not know, who is asked nothing of GitHub. */
const STRANGER = { login: 'stranger', association: 'NONE' } as const;
const NO_PERMISSION_READ = { 'trusted-permission': 'none' } as const;

function retryLines(run: CommandRun): string[] {
  return lines(run.netlifyRequests).filter((line) => line.startsWith('POST ') && line.endsWith('/retry'));
}

describe("a stranger on a member's PR", () => {
  test('/rebuild-preview starts no build: no Netlify request, at most 3 GitHub requests, a reply pointing to /retest', async () => {
    const { number } = prWithPreview('ready');
    const run = await sandbox.run({
      prNumber: number,
      body: '/rebuild-preview',
      ...STRANGER,
      prAuthorAssociation: 'MEMBER',
      inputs: NO_PERMISSION_READ,
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'denied',
      command: 'rebuild',
      reason: '@stranger is not trusted to rebuild previews on this PR.',
    });
    expect(run.netlifyRequests).toEqual([]);
    expect(run.githubRequests.length).toBeLessThanOrEqual(3);
    expect(run.reactions).toEqual(['eyes', 'confused']);
    expect(run.replies).toEqual([
      "@stranger is not trusted to rebuild previews on this PR, so `/rebuild-preview` was not run: it needs the commenter's own trust, and here only the PR is trusted (the PR's author is a member of the repository). Comment `/retest` to retry a failed preview.\n\n<!-- netlify-preview-retry -->",
    ]);
  });

  test('even when GitHub is asked for the permission (the default write), it stays within 3 GitHub requests', async () => {
    const { number } = prWithPreview('ready');
    const run = await sandbox.run({
      prNumber: number,
      body: '/rebuild-preview',
      ...STRANGER,
      prAuthorAssociation: 'MEMBER',
    });
    expect(run.outputs.result).toBe('denied');
    expect(run.netlifyRequests).toEqual([]);
    expect(lines(run.githubRequests)).toContain('GET /repos/octo-org/docs/collaborators/stranger/permission');
    expect(run.githubRequests.length).toBeLessThanOrEqual(3);
  });

  test('/retest on a failed preview retries it: the PR is trusted', async () => {
    const { number, id } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      ...STRANGER,
      prAuthorAssociation: 'MEMBER',
      inputs: NO_PERMISSION_READ,
    });
    expect(run.outputs).toMatchObject({ result: 'retried', command: 'retest', 'deploy-id': id });
    expect(retryLines(run)).toEqual([`POST /api/v1/deploys/${id}/retry`]);
    expect(run.reactions).toEqual(['eyes', 'rocket']);
  });

  test('rebuild-trust: pr lets the stranger rebuild (Prow’s rule)', async () => {
    const { number, id } = prWithPreview('ready');
    const run = await sandbox.run({
      prNumber: number,
      body: '/rebuild-preview',
      ...STRANGER,
      prAuthorAssociation: 'MEMBER',
      inputs: { ...NO_PERMISSION_READ, 'rebuild-trust': 'pr' },
    });
    expect(run.outputs).toMatchObject({ result: 'retried', command: 'rebuild', 'deploy-id': id });
    expect(retryLines(run)).toEqual([`POST /api/v1/deploys/${id}/retry`]);
  });

  test('deny-reply: false leaves only the confused reaction, no reply', async () => {
    const { number } = prWithPreview('ready');
    const run = await sandbox.run({
      prNumber: number,
      body: '/rebuild-preview',
      ...STRANGER,
      prAuthorAssociation: 'MEMBER',
      inputs: { ...NO_PERMISSION_READ, 'deny-reply': 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('denied');
    expect(run.replies).toEqual([]);
    expect(run.reactions).toEqual(['eyes', 'confused']);
    expect(run.netlifyRequests).toEqual([]);
  });
});

describe('trusted-permission: read', () => {
  test('on a public repository is refused before any request but the report, in one line, with 😕 and a reply naming the input', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      login: 'reader',
      association: 'CONTRIBUTOR',
      inputs: { 'trusted-permission': 'read' },
    });
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toEqual([
      '::error::Input trusted-permission is read, which on a public repository trusts everyone, since GitHub reports read for every user there: use triage or higher.',
    ]);
    expect(run.outputs).toMatchObject({ result: 'failed', command: 'retest' });
    expect(run.netlifyRequests).toEqual([]);
    // No permission read, no PR read: the shell's early 👀 (src/early.ts), then the report.
    const github = lines(run.githubRequests);
    expect(github).toHaveLength(2);
    expect(github).toContain('POST /graphql');
    expect(github.find((line) => line !== 'POST /graphql')).toMatch(
      /^POST \/repos\/octo-org\/docs\/issues\/comments\/\d+\/reactions$/,
    );
    expect(run.reactions).toEqual(['eyes', 'confused']);
    expect(run.replies).toHaveLength(1);
    expect(run.replies[0]).toContain("the workflow's input `trusted-permission` is not valid");
  });

  test('on a private repository works: a collaborator with read permission retries', async () => {
    sandbox.github.privateRepo = true;
    sandbox.github.permissions.set('reader', { permission: 'read', role_name: 'read' });
    const { number, id } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/retest',
      login: 'reader',
      association: 'CONTRIBUTOR',
      inputs: { 'trusted-permission': 'read' },
    });
    expect((run.payload as { repository: { private: boolean } }).repository.private).toBe(true);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'retried', command: 'retest', 'deploy-id': id });
    expect(lines(run.githubRequests)).toContain('GET /repos/octo-org/docs/collaborators/reader/permission');
    expect(retryLines(run)).toEqual([`POST /api/v1/deploys/${id}/retry`]);
  });
});

describe('/ok-to-test', () => {
  const inputs = { 'ok-to-test-command': '/ok-to-test' };

  test("by a member labels the PR (creating the label), then a stranger's /retest retries the failed preview", async () => {
    const { number, id } = prWithPreview('error');
    expect(sandbox.github.labels.has('ok-to-test')).toBe(false);
    const labeled = await sandbox.run({
      prNumber: number,
      body: '/ok-to-test',
      login: 'maya',
      association: 'MEMBER',
      inputs,
    });
    expect(labeled.code).toBe(0);
    expect(labeled.outputs).toMatchObject({
      result: 'labeled',
      command: 'ok-to-test',
      'deploy-id': '',
      reason: 'The ok-to-test label was added: anyone may now run /retest on this PR.',
    });
    expect(lines(labeled.githubRequests)).toContain(`POST /repos/octo-org/docs/issues/${number}/labels`);
    expect(labeled.netlifyRequests).toEqual([]);
    expect(sandbox.github.labels.get('ok-to-test')?.name).toBe('ok-to-test');
    expect(sandbox.github.pulls.get(number)?.labels).toEqual(['ok-to-test']);
    expect(labeled.reactions).toEqual(['eyes', 'rocket']);
    expect(labeled.replies).toEqual([
      '@maya Added the `ok-to-test` label: anyone may now comment `/retest` on this PR to retry a failed preview.\n\n<!-- netlify-preview-retry -->',
    ]);

    const retest = await sandbox.run({ prNumber: number, body: '/retest', ...STRANGER, inputs });
    expect(retest.outputs).toMatchObject({ result: 'retried', command: 'retest', 'deploy-id': id });
    expect(retryLines(retest)).toEqual([`POST /api/v1/deploys/${id}/retry`]);
    // The label settles trust: GitHub is not asked for the stranger's permission.
    expect(lines(retest.githubRequests).some((line) => line.endsWith('/permission'))).toBe(false);
  });

  test('by a stranger is denied, and nothing is labeled', async () => {
    const { number } = prWithPreview('error');
    const run = await sandbox.run({
      prNumber: number,
      body: '/ok-to-test',
      ...STRANGER,
      inputs: { ...inputs, ...NO_PERMISSION_READ },
    });
    expect(run.outputs).toMatchObject({ result: 'denied', command: 'ok-to-test' });
    expect(run.reactions).toEqual(['eyes', 'confused']);
    expect(lines(run.githubRequests).some((line) => line.endsWith('/labels'))).toBe(false);
    expect(sandbox.github.pulls.get(number)?.labels).toEqual([]);
    expect(run.netlifyRequests).toEqual([]);
    expect(run.replies[0]).toContain(
      '@stranger is not trusted to mark this PR ok to test, so `/ok-to-test` was not run.',
    );
  });
});

test('a PR closed after the comment was written is skipped: no retry, the reason says closed', async () => {
  const { number } = prWithPreview('error');
  const pull = sandbox.github.pulls.get(number);
  if (pull) pull.state = 'closed';
  const run = await sandbox.run({ prNumber: number, body: '/retest', state: 'open' });
  expect((run.payload as { issue: { state: string } }).issue.state).toBe('open');
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({
    result: 'skipped',
    command: 'retest',
    reason: 'The PR was closed after the command was written, so nothing was retried.',
  });
  expect(retryLines(run)).toEqual([]);
  expect(run.replies[0]).toContain('The PR was closed after the command was written, so nothing was retried.');
});

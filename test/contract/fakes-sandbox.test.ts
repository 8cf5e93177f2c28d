/**
 * The sandbox and the action runner (test/lib/support), with runs of the built action: several sites,
 * labels carried from one run to the next, the edits and final replies of a run, signals and the kill
 * deadline, GITHUB_REPOSITORY and extra env, private repositories, and the refusal to run a stale bundle.
 */
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertFreshDist, checkFreshBundle } from '../lib/support/action.js';
import { GITHUB_TOKEN, SITE, Sandbox } from '../lib/support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await Sandbox.start();
});
afterAll(() => sandbox.stop());

const labelNames = (payload: unknown) =>
  ((payload as { issue: { labels: { name: string }[] } }).issue.labels ?? []).map((l) => l.name);

describe('several sites', () => {
  test('a preview on a second site is found and retried there, the first site untouched', async () => {
    const other = sandbox.addSite('7b0c9e2a-1111-4222-8333-444455556666', 'octo-blog');
    sandbox.addPull(600);
    const onDocs = sandbox.addPreview(600, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    const onBlog = sandbox.addPreview(600, { state: 'error', createdAt: '2026-11-21T10:00:00Z' }, other.id);
    expect([onBlog.site_id, onBlog.name, onDocs.site_id]).toEqual([other.id, 'octo-blog', SITE.id]);
    const run = await sandbox.run({ prNumber: 600, body: '/retest', inputs: { 'site-id': other.id } });
    expect(run.outputs.result).toBe('retried');
    expect(run.outputs['deploy-id']).toBe(onBlog.id);
    expect(sandbox.netlify.findDeploy(onBlog.id)?.state).toBe('enqueued');
    expect(sandbox.netlify.findDeploy(onDocs.id)?.state).toBe('error');
  });
});

describe('labels carried into the next run', () => {
  test('a run’s payload carries the PR’s labels as they are now, unless the spec names some', async () => {
    sandbox.addPull(610, { author: 'outsider' });
    sandbox.addPreview(610, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    const outsider = { prNumber: 610, body: '/retest', login: 'outsider', association: 'NONE' } as const;
    const before = await sandbox.run(outsider);
    expect(labelNames(before.payload)).toEqual([]);
    expect(before.outputs.result).not.toBe('retried'); // read permission only, and no ok-to-test label
    // A maintainer labels the PR (as /ok-to-test would), and the same command is tried again.
    const labelled = await fetch(`${sandbox.github.apiUrl}/repos/octo-org/docs/issues/610/labels`, {
      method: 'POST',
      headers: { authorization: `token ${GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ labels: ['ok-to-test'] }),
    });
    expect(labelled.status).toBe(200);
    const after = await sandbox.run(outsider);
    expect(labelNames(after.payload)).toEqual(['ok-to-test']);
    expect(after.outputs.result).toBe('retried');
    const named = await sandbox.run({ prNumber: 610, body: 'no command', labels: ['docs'] });
    expect(labelNames(named.payload)).toEqual(['docs']);
  });

  test('a private repository: the payload says so, and the permission API hides non-collaborators', async () => {
    sandbox.github.privateRepo = true;
    try {
      sandbox.addPull(611);
      const run = await sandbox.run({ prNumber: 611, body: 'no command here' });
      expect((run.payload as { repository: { private: boolean } }).repository.private).toBe(true);
      const answer = await fetch(`${sandbox.github.apiUrl}/repos/octo-org/docs/collaborators/nobody/permission`, {
        headers: { authorization: `token ${GITHUB_TOKEN}` },
      });
      await answer.arrayBuffer();
      expect(answer.status).toBe(404);
    } finally {
      sandbox.github.privateRepo = false;
    }
  });
});

describe('what a run did to comments', () => {
  test('edits during the run, and each reply as it ended up', async () => {
    sandbox.addPull(620);
    sandbox.addPreview(620, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    // While the action waits for the answer to its reply, the reply is edited twice over HTTP, as a later step
    // of a run that follows the build would.
    sandbox.github.onComment = async (comment) => {
      for (const body of ['Following the build: building', 'Following the build: ready']) {
        const edited = await fetch(`${sandbox.github.apiUrl}/repos/octo-org/docs/issues/comments/${comment.id}`, {
          method: 'PATCH',
          headers: { authorization: `token ${GITHUB_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ body }),
        });
        expect(edited.status).toBe(200);
        await edited.arrayBuffer();
      }
    };
    try {
      const run = await sandbox.run({ prNumber: 620, body: '/retest' });
      expect(run.outputs.result).toBe('retried');
      expect(run.replies).toHaveLength(1);
      expect(run.replies[0]).toContain('a retry was requested');
      expect(run.finalReplies).toEqual(['Following the build: ready']);
      const reply = sandbox.github.comments.at(-1);
      expect(run.edits).toEqual([
        { commentId: reply?.id, body: 'Following the build: building', via: 'rest' },
        { commentId: reply?.id, body: 'Following the build: ready', via: 'rest' },
      ]);
      expect(reply?.edits).toEqual(['Following the build: building', 'Following the build: ready']);
    } finally {
      sandbox.github.onComment = null;
    }
  });

  test('a run without edits: finalReplies are the replies', async () => {
    sandbox.addPull(621);
    sandbox.addPreview(621, { state: 'ready', createdAt: '2026-11-21T10:00:00Z' });
    const run = await sandbox.run({ prNumber: 621, body: '/retest' });
    expect(run.replies).toHaveLength(1);
    expect(run.finalReplies).toEqual(run.replies);
    expect(run.edits).toEqual([]);
  });
});

describe('the runner: signals, the kill deadline, GITHUB_REPOSITORY and env', () => {
  let slow: Sandbox;
  beforeAll(async () => {
    slow = await Sandbox.start();
    slow.latencyMs = 400;
    slow.addPull(630);
    slow.addPreview(630, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
  });
  afterAll(() => slow.stop());

  test('signalAfterMs sends the signal mid-run', async () => {
    const run = await slow.run({ prNumber: 630, body: '/retest', signalAfterMs: 300, signal: 'SIGTERM' });
    expect(run.exitSignal).toBe('SIGTERM');
    expect(run.code).toBeNull();
    expect(run.ms).toBeLessThan(5_000);
  });

  test('no SIGKILL before killAfterMs: a slow run ends on its own', async () => {
    const deploy = slow.netlify.sites.get(SITE.id)?.deploys[0];
    if (deploy) deploy.state = 'error'; // whatever the signalled run got to
    const run = await slow.run({ prNumber: 630, body: '/retest', killAfterMs: 20_000 });
    expect([run.code, run.exitSignal]).toEqual([0, null]);
    expect(run.ms).toBeGreaterThan(800); // several round trips of 400 ms each
    const killed = await slow.run({ prNumber: 630, body: '/retest', killAfterMs: 300 });
    expect(killed.exitSignal).toBe('SIGKILL');
  });

  test('GITHUB_REPOSITORY and extra env reach the action', async () => {
    const probe = 'data:text/javascript,console.error(`repo=${process.env.GITHUB_REPOSITORY}/${process.env.EXTRA}`)';
    const run = await sandbox.run({
      body: 'no command',
      repository: 'octo-org/elsewhere',
      env: { NODE_OPTIONS: `--import=${probe}`, EXTRA: 'yes' },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('repo=octo-org/elsewhere/yes');
  });
});

describe('a stale bundle is refused', () => {
  test('checkFreshBundle: missing, older than a source, or current', () => {
    const dir = mkdtempSync(join(tmpdir(), 'npr-fresh-'));
    try {
      const src = join(dir, 'src');
      mkdirSync(join(src, 'core'), { recursive: true });
      const source = join(src, 'core', 'x.ts');
      const bundle = join(dir, 'index.js');
      writeFileSync(source, 'export {};');
      expect(() => checkFreshBundle(src, bundle)).toThrow(`${bundle} is missing: run npm run build`);
      writeFileSync(bundle, '');
      utimesSync(source, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
      utimesSync(bundle, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
      expect(() => checkFreshBundle(src, bundle)).not.toThrow();
      utimesSync(source, new Date('2026-01-03T00:00:00Z'), new Date('2026-01-03T00:00:00Z'));
      expect(() => checkFreshBundle(src, bundle)).toThrow('dist/ is older than src/: run npm run build');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('this tree’s dist/ is current (npm run build ran after the last change to src/)', () => {
    expect(() => assertFreshDist()).not.toThrow();
  });
});

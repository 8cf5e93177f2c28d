/**
 * The fakes speak the real APIs: every answer each route serves validates against the spec, and the
 * contract hook really catches, during real runs of the built action, the three slips of issue 6: a fake
 * that drops a field the action reads, a request with an undeclared query parameter, and an event payload
 * that GitHub's webhook schema rejects. (test/setup.ts turns any such violation into a failed test; the tests
 * here take the violations they provoke and assert on them instead.)
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { API_PREFIX } from '../lib/fakes/netlify.js';
import { runAction } from '../lib/support/action.js';
import { commentPayload } from '../lib/support/payloads.js';
import { GITHUB_TOKEN, NETLIFY_TOKEN, OWNER, REPO, SITE, Sandbox } from '../lib/support/sandbox.js';
import { takeViolations, type Violation } from '../lib/contract/checker.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await Sandbox.start();
});
afterAll(() => sandbox.stop());

const problems = (violations: readonly Violation[]) => violations.flatMap((v) => v.problems);

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('every route of the fakes answers as the spec says', () => {
  test('Netlify: sites, deploys (listed, filtered, paged), retry, cancel, and the errors', async () => {
    const preview = sandbox.addPreview(500, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    const production = sandbox.netlify.addDeploy(SITE.id, { state: 'ready', createdAt: '2026-11-20T10:00:00Z' });
    const building = sandbox.addPreview(501, {
      state: 'building',
      createdAt: '2026-11-21T11:00:00Z',
      errorMessage: null,
    });
    const netlify = (method: string, path: string) =>
      call(sandbox.netlify.origin, NETLIFY_TOKEN, method, `${API_PREFIX}${path}`);
    const statuses = [
      await netlify('GET', `/sites/${SITE.id}`),
      await netlify('GET', `/sites/${SITE.id}/deploys`),
      await netlify('GET', `/sites/${SITE.id}/deploys?deploy-previews=true&page=1&per_page=100`),
      await netlify('GET', `/sites/${SITE.id}/deploys?production=true&state=ready&branch=main&page=2&per_page=1`),
      await netlify('GET', `/sites/${SITE.id}/deploys/${preview.id}`),
      await netlify('GET', `/deploys/${production.id}`),
      await netlify('POST', `/deploys/${preview.id}/retry`),
      await netlify('POST', `/deploys/${building.id}/retry`),
      await netlify('POST', `/deploys/${building.id}/cancel`),
      await netlify('GET', '/deploys/000000000000000000000000'),
      await netlify('GET', '/sites/no-such-site/deploys'),
      await call(sandbox.netlify.origin, 'nfp_wrong', 'GET', `${API_PREFIX}/deploys/${preview.id}`),
    ];
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 422, 201, 404, 404, 401]);
    expect(takeViolations()).toEqual([]);
  });

  test('GitHub: pull requests (a deleted fork too), permissions, reactions, comments, and the errors', async () => {
    sandbox.addPull(510);
    sandbox.addPull(511, { head: { sha: 'b'.repeat(40), ref: 'gone', repoDeleted: true } });
    sandbox.github.permissions.set('erin', { permission: 'write', role_name: 'maintain' });
    const id = 3_000_000_001;
    sandbox.github.commentNodeId(id);
    const github = (method: string, path: string, body?: unknown) =>
      call(sandbox.github.origin, GITHUB_TOKEN, method, `/repos/${OWNER}/${REPO}${path}`, body);
    const statuses = [
      await github('GET', '/pulls/510'),
      await github('GET', '/pulls/511'),
      await github('GET', '/pulls/999'),
      await github('GET', '/collaborators/erin/permission'),
      await github('GET', '/collaborators/dependabot[bot]/permission'),
      await github('POST', `/issues/comments/${id}/reactions`, { content: 'eyes' }),
      await github('POST', `/issues/comments/${id}/reactions`, { content: 'eyes' }),
      await github('POST', '/issues/510/comments', { body: 'Hello' }),
      await call(sandbox.github.origin, 'ghs_wrong', 'GET', `/repos/${OWNER}/${REPO}/pulls/510`),
    ];
    sandbox.github.forbidWrites = true;
    statuses.push(await github('POST', `/issues/comments/${id}/reactions`, { content: 'rocket' }));
    sandbox.github.forbidWrites = false;
    expect(statuses).toEqual([200, 200, 404, 200, 200, 201, 200, 201, 401, 403]);
    expect(takeViolations()).toEqual([]);
  });
});

describe('the hook catches what the specs reject, in real runs of the action', () => {
  // A sandbox of its own for each slip, so that no mutated fake outlives its test.
  let fresh: Sandbox;
  beforeEach(async () => {
    fresh = await Sandbox.start();
  });
  afterEach(() => fresh.stop());
  test('a fake deploy without a field the action reads: the run still succeeds, the contract does not', async () => {
    fresh.addPull(520);
    const preview = fresh.addPreview(520, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    delete (preview as Partial<typeof preview>).branch; // read by the adapter, used by nothing the tests see
    const run = await fresh.run({ prNumber: 520, body: '/retest' });
    expect(run.outputs.result).toBe('retried'); // the end-to-end assertions alone would pass
    expect(problems(takeViolations())).toEqual(['listSiteDeploys 200 body[0] lacks branch, which the action reads']);
  });

  test('a fake pull request without its head SHA: the spec requires it, and the action reads it', async () => {
    const pull = fresh.addPull(521);
    fresh.addPreview(521, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    (pull.head as { sha?: string }).sha = undefined;
    const run = await fresh.run({ prNumber: 521, body: '/retest' });
    expect(run.outputs.result).toBe('retried');
    expect(problems(takeViolations('response'))).toEqual([
      'pulls/get 200 body/head is missing required sha',
      'pulls/get 200 body lacks head.sha, which the action reads',
    ]);
  });

  test('an undeclared query parameter on a request the action sends', async () => {
    fresh.addPull(522);
    fresh.addPreview(522, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    const commentId = 3_000_000_522;
    const run = await runAction({
      inputs: fresh.inputs(),
      payload: commentPayload({
        owner: OWNER,
        repo: REPO,
        prNumber: 522,
        body: '/retest',
        association: 'MEMBER',
        commentId,
        commentNodeId: fresh.github.commentNodeId(commentId),
      }),
      githubApiUrl: fresh.github.apiUrl,
      githubToken: GITHUB_TOKEN,
      // As a slip in the action would: its list of deploys asks for `sort`, which listSiteDeploys does not take.
      env: { NODE_OPTIONS: `--import ${pathToFileURL(join(import.meta.dirname, 'fixtures/extra-query.mjs')).href}` },
    });
    expect(run.outputs.result).toBe('retried');
    const found = takeViolations();
    expect(found.map((v) => `${v.kind} ${v.subject}`)).toEqual([
      `request GET ${API_PREFIX}/sites/${SITE.id}/deploys?deploy-previews=true&page=1&per_page=100&sort=asc`,
    ]);
    expect(problems(found)).toEqual(['listSiteDeploys: query parameter sort is not declared by the spec']);
  });

  test('an event payload that the webhook schema rejects, although the action reads it happily', async () => {
    fresh.addPull(523);
    fresh.addPreview(523, { state: 'ready', createdAt: '2026-11-21T10:00:00Z' });
    const payload = commentPayload({ owner: OWNER, repo: REPO, prNumber: 523, body: '/retest', association: 'MEMBER' });
    payload.comment.user.type = 'Robot';
    const run = await fresh.run({ body: '/retest', payload });
    expect(run.outputs.result).toBe('skipped');
    expect(problems(takeViolations())).toEqual([
      'issue_comment created payload/comment/user/type must be equal to one of the allowed values (["Bot","User","Organization"])',
    ]);
  });
});

describe('injected faults', () => {
  test("a fault's answer is exempt, its request is not", async () => {
    const preview = sandbox.addPreview(530, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    sandbox.netlify.inject({ path: /\/deploys\//, fault: { kind: 'wrong-shape' }, times: 2 });
    expect(await call(sandbox.netlify.origin, NETLIFY_TOKEN, 'GET', `${API_PREFIX}/deploys/${preview.id}`)).toBe(200);
    expect(takeViolations()).toEqual([]);
    expect(
      await call(sandbox.netlify.origin, NETLIFY_TOKEN, 'GET', `${API_PREFIX}/deploys/${preview.id}?fields=state`),
    ).toBe(200);
    expect(problems(takeViolations())).toEqual(['getDeploy: query parameter fields is not declared by the spec']);
    sandbox.netlify.clearFaults();
  });

  test('an answer lost after the request took effect was still the fake’s own answer, and is checked', async () => {
    const preview = sandbox.addPreview(531, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    delete (preview as Partial<typeof preview>).created_at;
    sandbox.netlify.inject({ path: /\/deploys\//, fault: { kind: 'lose-answer' }, times: 1 });
    await expect(
      call(sandbox.netlify.origin, NETLIFY_TOKEN, 'GET', `${API_PREFIX}/deploys/${preview.id}`),
    ).rejects.toThrow();
    expect(problems(takeViolations())).toEqual(['getDeploy 200 body lacks created_at, which the action reads']);
    sandbox.netlify.clearFaults();
  });
});

/**
 * Request counts, pinned (issue 15): exactly which requests each scenario makes, grouped by sequential
 * round trip, against a site with 10,000 deploys. A change that adds a request or a round trip fails here.
 *
 * The fakes answer after a fixed latency so that requests sent together overlap and requests that wait
 * for an answer do not: the round trips are read from the request log (see roundTrips), never from
 * durations. Nothing here asserts a time.
 *
 * The plan (src/flow/command.ts): round trip 1 is the eyes reaction with, trust settled by the event, the
 * PR read and the first page of every site's previews (or, when only GitHub can settle trust, the
 * permission read); then the lookups that the first page leaves open; then the retries; then one report.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { NetlifyDeploy } from '../lib/fakes/netlify.js';
import type { RecordedRequest } from '../lib/http.js';
import { type CommandRun, OWNER, REPO, Sandbox, SITE } from '../lib/support/sandbox.js';
import { at, BIG_SITE, BIG_SITE_PRS, roundTripLines, seedSite } from '../lib/support/scenarios.js';

/**
 * Far above the time the action takes between requests that it sends together (a few milliseconds,
 * some tens on a busy machine): those overlap, and a request that waits for an answer starts after it.
 */
const LATENCY_MS = 200;

const { active: ACTIVE, old: OLD, none: NONE } = BIG_SITE_PRS;
/** A fork PR as old as OLD: Netlify built its preview from pull/N/head, not from the fork's branch. */
const FORK = 23;
const FORK_REF = 'patch-1';
const COMMENT = 7_000;

/** A second, small site built from the same repository (for the two-site plan). */
const SECOND = { id: '5b2c3d4e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', name: 'octo-blog' } as const;

const DEPLOYS = (site: string) => `GET /api/v1/sites/${site}/deploys`;
const PAGE = (n: number, site: string = SITE.id) => `${DEPLOYS(site)}?deploy-previews=true&page=${n}&per_page=100`;
const BRANCH = (ref: string) => `${DEPLOYS(SITE.id)}?deploy-previews=true&branch=${ref}&page=1&per_page=100`;
const PULL = (n: number) => `GET /repos/${OWNER}/${REPO}/pulls/${n}`;
const PERMISSION = (login: string) => `GET /repos/${OWNER}/${REPO}/collaborators/${login}/permission`;
const EYES = (comment: number) => `POST /repos/${OWNER}/${REPO}/issues/comments/${comment}/reactions`;
const RETRY = (deploy: NetlifyDeploy) => `POST /api/v1/deploys/${deploy.id}/retry`;
const REPORT = 'POST /graphql';

let sandbox: Sandbox;
let active: NetlifyDeploy;
let old: NetlifyDeploy;
let fork: NetlifyDeploy;
let second: NetlifyDeploy;

beforeAll(async () => {
  sandbox = await Sandbox.start();
  [active, old, , fork] = seedSite(sandbox, {
    ...BIG_SITE,
    pulls: [...BIG_SITE.pulls, { pr: FORK, createdIndex: 6_020, fork: true, headRef: FORK_REF }],
    previews: [...BIG_SITE.previews, { pr: FORK, index: 5_990, state: 'error', branch: `pull/${FORK}/head` }],
  }) as [NetlifyDeploy, NetlifyDeploy, NetlifyDeploy, NetlifyDeploy];
  sandbox.addSite(SECOND.id, SECOND.name);
  sandbox.netlify.addDeploy(SECOND.id, { context: 'production', state: 'ready', createdAt: at(1), branch: 'main' });
  second = sandbox.addPreview(ACTIVE, { state: 'error', createdAt: at(6) }, SECOND.id);
  sandbox.github.permissions.set('carol', { permission: 'write', role_name: 'write' });
  sandbox.latencyMs = LATENCY_MS;
});
afterAll(() => sandbox.stop());

beforeEach(() => {
  // A retry queues the deploy again: every test starts from failed previews.
  for (const deploy of [active, old, fork, second])
    (sandbox.netlify.findDeploy(deploy.id) as NetlifyDeploy).state = 'error';
});

function all(run: CommandRun): RecordedRequest[] {
  return [...run.netlifyRequests, ...run.githubRequests];
}

/** The GraphQL report's parts, e.g. ['addComment', 'addReaction:ROCKET']. */
function reportParts(run: CommandRun): string[] {
  const reports = run.githubRequests.filter((r) => r.path === '/graphql');
  return reports.flatMap((report) => {
    const { query, variables } = JSON.parse(report.body) as { query: string; variables: Record<string, string> };
    const parts: string[] = [];
    if (query.includes('addComment(')) parts.push('addComment');
    for (const match of query.matchAll(/addReaction\(input: \{[^}]*content: \$(\w+)/g)) {
      parts.push(`addReaction:${variables[match[1] as string]}`);
    }
    return parts;
  });
}

function netlifyReads(run: CommandRun): RecordedRequest[] {
  return run.netlifyRequests.filter((r) => r.method === 'GET');
}

describe('requests per scenario, by round trip', () => {
  test('common path (trusted /retest, failed preview, active PR): 5 requests in 3 round trips, eyes in the first', async () => {
    const run = await sandbox.run({ body: '/retest', prNumber: ACTIVE, association: 'MEMBER', commentId: COMMENT + 1 });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 1), PULL(ACTIVE)].sort(),
      [RETRY(active)],
      [REPORT],
    ]);
    expect(run.netlifyRequests).toHaveLength(2);
    expect(run.githubRequests).toHaveLength(3);
    expect(reportParts(run)).toEqual(['addComment', 'addReaction:ROCKET']);
    expect(run.reactions).toEqual(['eyes', 'rocket']);
  });

  test('trusted through the permission read: the PR and the first page wait for it (6 requests, 4 round trips)', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      login: 'carol',
      association: 'CONTRIBUTOR',
      commentId: COMMENT + 2,
    });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([
      [EYES(COMMENT + 2), PERMISSION('carol')].sort(),
      [PAGE(1), PULL(ACTIVE)].sort(),
      [RETRY(active)],
      [REPORT],
    ]);
    expect(all(run)).toHaveLength(6);
    expect(reportParts(run)).toEqual(['addComment', 'addReaction:ROCKET']);
  });

  test('old same-repository PR, its preview 6,000 deploys back: page 1, then its head branch (2 Netlify reads)', async () => {
    const run = await sandbox.run({ body: '/retest', prNumber: OLD, association: 'MEMBER', commentId: COMMENT + 3 });
    expect(run.outputs).toMatchObject({ result: 'retried', 'deploy-id': old.id });
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 3), PULL(OLD)].sort(),
      [BRANCH(`pr-${OLD}`)],
      [RETRY(old)],
      [REPORT],
    ]);
    expect(netlifyReads(run)).toHaveLength(2);
    expect(all(run)).toHaveLength(6);
  });

  test('old fork PR: page 1, then its head branch and pull/N/head together (3 Netlify reads)', async () => {
    const run = await sandbox.run({ body: '/retest', prNumber: FORK, association: 'MEMBER', commentId: COMMENT + 4 });
    expect(run.outputs).toMatchObject({ result: 'retried', 'deploy-id': fork.id });
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 4), PULL(FORK)].sort(),
      [BRANCH(FORK_REF), BRANCH(`pull/${FORK}/head`)].sort(),
      [RETRY(fork)],
      [REPORT],
    ]);
    expect(netlifyReads(run)).toHaveLength(3);
    expect(all(run)).toHaveLength(7);
  });

  test('no preview, the PR opened 350 deploys back: the branch, then paging that stops at the PR creation time', async () => {
    const run = await sandbox.run({ body: '/retest', prNumber: NONE, association: 'MEMBER', commentId: COMMENT + 5 });
    expect(run.outputs.result).toBe('not-found');
    // About 315 previews are newer than the PR: page 4 reaches older ones, so paging ends there instead of
    // reading all 90 pages of previews.
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 5), PULL(NONE)].sort(),
      [BRANCH(`pr-${NONE}`)],
      [PAGE(2)],
      [PAGE(3)],
      [PAGE(4)],
      [REPORT],
    ]);
    expect(run.netlifyRequests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(reportParts(run)).toEqual(['addComment']);
  });

  test('denied after the permission read: 3 GitHub requests in 2 round trips, no Netlify request, no PR read', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      login: 'mallory',
      association: 'NONE',
      commentId: COMMENT + 6,
    });
    expect(run.outputs.result).toBe('denied');
    expect(run.netlifyRequests).toEqual([]);
    expect(roundTripLines(all(run))).toEqual([[EYES(COMMENT + 6), PERMISSION('mallory')].sort(), [REPORT]]);
    expect(run.githubRequests.length).toBeLessThanOrEqual(3);
    expect(reportParts(run)).toEqual(['addComment', 'addReaction:CONFUSED']);
  });

  test('denied by the event alone (permission check off): 2 GitHub requests in 1 round trip', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      login: 'mallory',
      association: 'NONE',
      commentId: COMMENT + 7,
      inputs: { 'trusted-permission': 'none' },
    });
    expect(run.outputs.result).toBe('denied');
    expect(run.netlifyRequests).toEqual([]);
    expect(roundTripLines(all(run))).toEqual([[EYES(COMMENT + 7), REPORT].sort()]);
    expect(reportParts(run)).toEqual(['addComment', 'addReaction:CONFUSED']);
  });

  test('no command: no request at all', async () => {
    const run = await sandbox.run({
      body: 'Thanks! The preview looks right now.',
      prNumber: ACTIVE,
      association: 'MEMBER',
      commentId: COMMENT + 8,
    });
    expect(run.outputs.result).toBe('ignored');
    expect(all(run)).toEqual([]);
  });

  test('quiet-retest: the same round trips, and the report carries only the reaction', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      association: 'MEMBER',
      commentId: COMMENT + 9,
      inputs: { 'quiet-retest': 'true' },
    });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 9), PULL(ACTIVE)].sort(),
      [RETRY(active)],
      [REPORT],
    ]);
    expect(reportParts(run)).toEqual(['addReaction:ROCKET']);
    expect(run.replies).toEqual([]);
  });

  test('dry-run: the two reads only, no write of any kind', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      association: 'MEMBER',
      commentId: COMMENT + 10,
      inputs: { 'dry-run': 'true' },
    });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([[PAGE(1), PULL(ACTIVE)].sort()]);
    expect(all(run).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(sandbox.netlify.findDeploy(active.id)?.state).toBe('error');
  });

  test('two sites on the common path: still 3 round trips, 2 Netlify requests per site, one report', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      association: 'MEMBER',
      commentId: COMMENT + 11,
      inputs: { 'site-id': `${SITE.id}, ${SECOND.id}` },
    });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), PAGE(1, SECOND.id), EYES(COMMENT + 11), PULL(ACTIVE)].sort(),
      [RETRY(active), RETRY(second)].sort(),
      [REPORT],
    ]);
    const perSite = (site: string, deploy: NetlifyDeploy) =>
      run.netlifyRequests.filter(
        (r) => r.path.includes(`/sites/${site}/`) || r.path.includes(`/deploys/${deploy.id}/`),
      );
    expect(perSite(SITE.id, active)).toHaveLength(2);
    expect(perSite(SECOND.id, second)).toHaveLength(2);
    expect(run.netlifyRequests).toHaveLength(4);
    expect(run.githubRequests.filter((r) => r.path === '/graphql')).toHaveLength(1);
    expect(reportParts(run)).toEqual(['addComment', 'addReaction:ROCKET']);
  });
});

/**
 * Request counts, pinned: exactly which requests each scenario makes, grouped by sequential round
 * trip, against a site with 10,000 deploys. A change that adds a request or a round trip fails here.
 *
 * The fakes answer after a fixed latency so that requests sent together overlap and requests that
 * wait for an answer do not: the round trips are read from the request log (see roundTrips), never
 * from durations. Nothing here asserts a time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { NetlifyDeploy } from '../lib/fakes/netlify.js';
import type { RecordedRequest } from '../lib/http.js';
import { type CommandRun, OWNER, REPO, Sandbox, SITE } from '../lib/support/sandbox.js';
import { BIG_SITE, BIG_SITE_PRS, roundTripLines, seedSite } from '../lib/support/scenarios.js';

/**
 * Far above the time the action takes between requests that it sends together (a few milliseconds,
 * some tens on a busy machine): those overlap, and a request that waits for an answer starts after it.
 */
const LATENCY_MS = 200;

const { active: ACTIVE, old: OLD, none: NONE } = BIG_SITE_PRS;
const COMMENT = 7_000;

const DEPLOYS = `GET /api/v1/sites/${SITE.id}/deploys`;
const PAGE = (n: number) => `${DEPLOYS}?deploy-previews=true&page=${n}&per_page=100`;
const BRANCH = (ref: string) => `${DEPLOYS}?deploy-previews=true&branch=${ref}&page=1&per_page=100`;
const PULL = (n: number) => `GET /repos/${OWNER}/${REPO}/pulls/${n}`;
const PERMISSION = (login: string) => `GET /repos/${OWNER}/${REPO}/collaborators/${login}/permission`;
const EYES = (comment: number) => `POST /repos/${OWNER}/${REPO}/issues/comments/${comment}/reactions`;
const RETRY = (deploy: NetlifyDeploy) => `POST /api/v1/deploys/${deploy.id}/retry`;
const REPORT = 'POST /graphql';

let sandbox: Sandbox;
let active: NetlifyDeploy;
let old: NetlifyDeploy;

beforeAll(async () => {
  sandbox = await Sandbox.start();
  [active, old] = seedSite(sandbox, BIG_SITE) as [NetlifyDeploy, NetlifyDeploy];
  sandbox.github.permissions.set('carol', { permission: 'write', role_name: 'write' });
  sandbox.latencyMs = LATENCY_MS;
});
afterAll(() => sandbox.stop());

beforeEach(() => {
  // A retry queues the deploy again: every test starts from failed previews.
  for (const deploy of [active, old]) (sandbox.netlify.findDeploy(deploy.id) as NetlifyDeploy).state = 'error';
});

function all(run: CommandRun): RecordedRequest[] {
  return [...run.netlifyRequests, ...run.githubRequests];
}

/** The GraphQL report's mutation fields, e.g. ['addComment', 'addReaction:ROCKET']. */
function reportParts(run: CommandRun): string[] {
  const report = run.githubRequests.find((r) => r.path === '/graphql');
  if (!report) return [];
  const { query, variables } = JSON.parse(report.body) as { query: string; variables: Record<string, string> };
  const parts: string[] = [];
  if (query.includes('addComment(')) parts.push('addComment');
  if (query.includes('addReaction(')) parts.push(`addReaction:${variables.content}`);
  return parts;
}

describe('requests per scenario, by round trip', () => {
  test('trusted by association, failed preview of an active PR: 5 requests in 3 round trips, eyes in the first', async () => {
    const run = await sandbox.run({ body: '/retest', prNumber: ACTIVE, association: 'MEMBER', commentId: COMMENT + 1 });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 1), PULL(ACTIVE)].sort(),
      [RETRY(active)],
      [REPORT],
    ]);
    expect(all(run)).toHaveLength(5);
    expect(reportParts(run)).toEqual(['addComment', 'addReaction:ROCKET']);
  });

  test('trusted through the permission read: the first page waits for it (6 requests, 4 round trips)', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      login: 'carol',
      association: 'CONTRIBUTOR',
      commentId: COMMENT + 2,
    });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([
      [EYES(COMMENT + 2), PERMISSION('carol'), PULL(ACTIVE)].sort(),
      [PAGE(1)],
      [RETRY(active)],
      [REPORT],
    ]);
    expect(all(run)).toHaveLength(6);
  });

  test('old PR on a 10,000-deploy site: found on its head branch, 2 Netlify reads whatever its age', async () => {
    const run = await sandbox.run({ body: '/retest', prNumber: OLD, association: 'MEMBER', commentId: COMMENT + 3 });
    expect(run.outputs).toMatchObject({ result: 'retried', 'deploy-id': old.id });
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 3), PULL(OLD)].sort(),
      [BRANCH(`pr-${OLD}`)],
      [RETRY(old)],
      [REPORT],
    ]);
    const lookups = run.netlifyRequests.filter((r) => r.method === 'GET');
    expect(lookups).toHaveLength(2);
    expect(all(run)).toHaveLength(6);
  });

  test('no preview at all on a big site: paging falls back and stops at the PR creation time', async () => {
    const run = await sandbox.run({ body: '/retest', prNumber: NONE, association: 'MEMBER', commentId: COMMENT + 4 });
    expect(run.outputs.result).toBe('not-found');
    // About 315 previews are newer than the PR: page 4 reaches older ones, so paging ends there
    // instead of reading all 90 pages of previews.
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 4), PULL(NONE)].sort(),
      [BRANCH(`pr-${NONE}`)],
      [PAGE(2)],
      [PAGE(3)],
      [PAGE(4)],
      [REPORT],
    ]);
    expect(reportParts(run)).toEqual(['addComment']);
  });

  test('denied after the permission read: no Netlify request at all', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      login: 'mallory',
      association: 'NONE',
      commentId: COMMENT + 5,
    });
    expect(run.outputs.result).toBe('denied');
    expect(run.netlifyRequests).toEqual([]);
    expect(roundTripLines(all(run))).toEqual([
      [EYES(COMMENT + 5), PERMISSION('mallory'), PULL(ACTIVE)].sort(),
      [REPORT],
    ]);
    expect(reportParts(run)).toEqual(['addComment', 'addReaction:CONFUSED']);
  });

  test('no command: no request at all', async () => {
    const run = await sandbox.run({
      body: 'Thanks! The preview looks right now.',
      prNumber: ACTIVE,
      association: 'MEMBER',
      commentId: COMMENT + 6,
    });
    expect(run.outputs.result).toBe('ignored');
    expect(all(run)).toEqual([]);
  });

  test('quiet-retest: the same round trips, and the report carries only the reaction', async () => {
    const run = await sandbox.run({
      body: '/retest',
      prNumber: ACTIVE,
      association: 'MEMBER',
      commentId: COMMENT + 7,
      inputs: { 'quiet-retest': 'true' },
    });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([
      [PAGE(1), EYES(COMMENT + 7), PULL(ACTIVE)].sort(),
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
      commentId: COMMENT + 8,
      inputs: { 'dry-run': 'true' },
    });
    expect(run.outputs.result).toBe('retried');
    expect(roundTripLines(all(run))).toEqual([[PAGE(1), PULL(ACTIVE)].sort()]);
    expect(all(run).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(sandbox.netlify.findDeploy(active.id)?.state).toBe('error');
  });
});

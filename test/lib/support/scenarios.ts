/**
 * Shared by the request-count tests and the benchmark: a big site's deploy history, seeded fast and
 * deterministically, and the round trips read back from the fakes' request logs.
 */
import type { NetlifyDeploy } from '../fakes/netlify.js';
import type { RecordedRequest } from '../http.js';
import { headSha, type Sandbox, SITE } from './sandbox.js';

/** The newest deploy's time; deploy i (0 = newest) is STEP_MS older per step. */
export const NEWEST_AT = Date.parse('2026-11-21T12:00:00Z');
/** A deploy every 30 minutes: 10,000 deploys span about 208 days. */
export const STEP_MS = 30 * 60_000;

/** The time of the i-th newest deploy of the seeded site (0 = newest). */
export function at(index: number): string {
  return new Date(NEWEST_AT - index * STEP_MS).toISOString();
}

/** A deploy put at a given place in the site's history. */
export interface Placed {
  readonly pr: number;
  /** 0 = the site's newest deploy. */
  readonly index: number;
  readonly state: string;
  /** The deploy's branch (default: the PR's head ref); a fork PR's preview is built from `pull/N/head`. */
  readonly branch?: string;
}

/** A PR of the scenario: created at the time of the index-th newest deploy. */
export interface PlacedPull {
  readonly pr: number;
  readonly createdIndex: number;
  /** A fork PR: its head is `<author>/docs` at `headRef` (default pr-N). */
  readonly fork?: boolean;
  readonly headRef?: string;
}

export interface SiteSpec {
  /** All deploys of the site, production and previews of other PRs included (default 10,000). */
  readonly total?: number;
  readonly pulls: readonly PlacedPull[];
  readonly previews: readonly Placed[];
}

/** The filler PRs' numbers start here, far from the scenarios' own. */
const FILLER_PR_BASE = 10_000;

/**
 * Seeds the sandbox's site with `total` deploys, newest first, one every STEP_MS: every tenth a
 * production deploy, the rest previews of other PRs (a few failed), and the placed previews at their
 * places. Returns the placed previews in the order given. Pushed newest first, so the fake's sort of
 * an already sorted list costs linear time.
 */
export function seedSite(sandbox: Sandbox, spec: SiteSpec): NetlifyDeploy[] {
  const total = spec.total ?? 10_000;
  for (const pull of spec.pulls) {
    const head =
      pull.fork || pull.headRef
        ? { head: { sha: headSha(pull.pr), ref: pull.headRef ?? `pr-${pull.pr}`, fork: pull.fork === true } }
        : {};
    sandbox.addPull(pull.pr, { created_at: at(pull.createdIndex), updated_at: at(0), ...head });
  }
  const placedAt = new Map(spec.previews.map((p) => [p.index, p]));
  const placed = new Map<Placed, NetlifyDeploy>();
  for (let i = 0; i < total; i++) {
    const own = placedAt.get(i);
    if (own) {
      placed.set(
        own,
        sandbox.addPreview(own.pr, {
          state: own.state,
          createdAt: at(i),
          ...(own.branch ? { branch: own.branch } : {}),
        }),
      );
    } else if (i % 10 === 0) {
      sandbox.netlify.addDeploy(SITE.id, { context: 'production', state: 'ready', createdAt: at(i), branch: 'main' });
    } else {
      const pr = FILLER_PR_BASE + Math.floor(i / 8);
      sandbox.netlify.addDeploy(SITE.id, {
        pr,
        state: i % 13 === 0 ? 'error' : 'ready',
        createdAt: at(i),
        commit: fillerSha(pr),
      });
    }
  }
  return spec.previews.map((p) => placed.get(p) as NetlifyDeploy);
}

function fillerSha(pr: number): string {
  return pr.toString(16).padStart(8, '0').repeat(5);
}

/**
 * The requests grouped by sequential round trip: a request's round trip is one more than that of the
 * latest request that had ended before it started (the longest chain of non-overlapping requests
 * leading to it). Meaningful when the fakes answer with a latency well above the time the action
 * needs to send requests that go out together (50 ms or more).
 */
export function roundTrips(requests: readonly RecordedRequest[]): RecordedRequest[][] {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const level = new Map<RecordedRequest, number>();
  for (const request of sorted) {
    let depth = 1;
    for (const earlier of sorted) {
      if (earlier === request) break;
      if (earlier.endedAt > 0 && earlier.endedAt <= request.startedAt)
        depth = Math.max(depth, (level.get(earlier) ?? 1) + 1);
    }
    level.set(request, depth);
  }
  const groups: RecordedRequest[][] = [];
  for (const request of sorted) {
    const depth = level.get(request) as number;
    const group = groups[depth - 1] ?? [];
    groups[depth - 1] = group;
    group.push(request);
  }
  return groups;
}

/**
 * `METHOD path` of a request, with the query parameters that tell list requests apart
 * (page, branch, deploy-previews), e.g. `GET /api/v1/sites/x/deploys?branch=pr-17&page=1`.
 */
export function describeRequest(request: RecordedRequest): string {
  const keys = ['deploy-previews', 'branch', 'page', 'per_page'].filter((key) => key in request.query);
  const query = keys.map((key) => `${key}=${request.query[key]}`).join('&');
  return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
}

/** The requests of a run, both fakes merged, by round trip; each round trip's lines sorted. */
export function roundTripLines(requests: readonly RecordedRequest[]): string[][] {
  return roundTrips(requests).map((group) => group.map(describeRequest).sort());
}

/** The PRs of the big site that the request tests and the benchmark comment on. */
export const BIG_SITE_PRS = {
  /** A failed preview among the site's newest deploys; the PR opened 40 deploys ago. */
  active: 42,
  /** A failed preview behind 6,000 newer deploys, and an older ready one: the newest counts. */
  old: 17,
  /** No preview at all; the PR opened 350 deploys ago. */
  none: 99,
} as const;

/** 10,000 deploys with the BIG_SITE_PRS placed; seedSite returns [active, old, older of old]. */
export const BIG_SITE: SiteSpec = {
  total: 10_000,
  pulls: [
    { pr: BIG_SITE_PRS.active, createdIndex: 40 },
    { pr: BIG_SITE_PRS.old, createdIndex: 6_020 },
    { pr: BIG_SITE_PRS.none, createdIndex: 350 },
  ],
  previews: [
    { pr: BIG_SITE_PRS.active, index: 5, state: 'error' },
    { pr: BIG_SITE_PRS.old, index: 6_000, state: 'error' },
    { pr: BIG_SITE_PRS.old, index: 6_010, state: 'ready' },
  ],
};

/**
 * The adapters (src/adapters) called directly, in-process, against the fakes over real HTTP, with a real
 * clock and a Deadline: a fresh pair of fakes per case (`Services`), the ports built as src/main.ts builds
 * them, and the checks every failure must pass (no piece of a token, whatever the API echoed).
 */
import { expect } from 'vitest';
import { type GitHubOptions, githubPort } from '../../src/adapters/github.js';
import { type NetlifyOptions, netlifyPort } from '../../src/adapters/netlify.js';
import type { Failure } from '../../src/core/outcome.js';
import type { Clock, GitHubPort, NetlifyPort } from '../../src/flow/ports.js';
import { PortError } from '../../src/flow/ports.js';
import { realClock } from '../../src/main.js';
import { FakeGitHub } from '../lib/fakes/github.js';
import { FakeNetlify, type NetlifyDeploy } from '../lib/fakes/netlify.js';
import { FakeServer } from '../lib/fakes/server.js';
import type { RecordedRequest } from '../lib/http.js';
import { GITHUB_TOKEN, NETLIFY_TOKEN, OWNER, REPO, SITE } from '../lib/support/sandbox.js';
import type { FaultContext } from '../faults/catalogue.js';
import { Pool, spreadChecks, tokenFragments } from '../faults/harness.js';

export { GITHUB_TOKEN, NETLIFY_TOKEN, SITE };
export const PR = 42;
export const COMMENT_ID = 1_234_567;
/** A deadline that no case here comes near unless it means to. */
export const LONG_MS = 60_000;

/** A clock that is the real one, and counts its sleeps (one per try that is repeated). */
export function countingClock(): Clock & { readonly sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: realClock.now,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return realClock.sleep(ms, signal);
    },
  };
}

/** One case's fakes: Netlify with the sandbox's site, GitHub with PR 42, and a server a redirect points at. */
export class Services {
  readonly netlify = new FakeNetlify(NETLIFY_TOKEN);
  readonly github = new FakeGitHub(OWNER, REPO, GITHUB_TOKEN);
  /** Where the redirect faults point: it must never see a request, let alone a token. */
  readonly trap = new FakeServer('redirect target');
  commentNodeId = '';

  static async start(): Promise<Services> {
    const services = new Services();
    await Promise.all([services.netlify.start(), services.github.start(), services.trap.start()]);
    services.netlify.addSite(SITE.id, SITE.name);
    services.github.addPull({
      number: PR,
      node_id: `PR_kwDOpr${PR}`,
      state: 'open',
      title: 'Docs change',
      created_at: '2026-11-20T10:00:00Z',
      updated_at: '2026-11-21T10:00:00Z',
      author: 'alice',
      head: { sha: 'a1'.repeat(20), ref: 'docs-change' },
    });
    services.commentNodeId = services.github.commentNodeId(COMMENT_ID);
    return services;
  }

  get context(): FaultContext {
    return { trapOrigin: this.trap.origin };
  }

  /** A failed preview of PR 42 on the site. */
  preview(state = 'error', extra: Partial<Parameters<FakeNetlify['addDeploy']>[1]> = {}): NetlifyDeploy {
    return this.netlify.addDeploy(SITE.id, {
      pr: PR,
      state,
      createdAt: '2026-11-21T10:00:00Z',
      commit: 'a1'.repeat(20),
      ...extra,
    });
  }

  netlifyOptions(clock: Clock = realClock, apiUrl = this.netlify.apiUrl): NetlifyOptions {
    return {
      token: NETLIFY_TOKEN,
      apiUrl: new URL(apiUrl),
      userAgent: 'netlify-preview-retry/test',
      clock,
      secrets: [NETLIFY_TOKEN, GITHUB_TOKEN],
    };
  }

  githubOptions(clock: Clock = realClock, apiUrl = this.github.apiUrl): GitHubOptions {
    return {
      token: GITHUB_TOKEN,
      apiUrl: new URL(apiUrl),
      graphqlUrl: new URL(`${apiUrl}/graphql`),
      owner: OWNER,
      repo: REPO,
      prNumber: PR,
      prNodeId: `PR_kwDOpr${PR}`,
      commentId: COMMENT_ID,
      commentNodeId: this.commentNodeId,
      userAgent: 'netlify-preview-retry/test',
      clock,
      secrets: [NETLIFY_TOKEN, GITHUB_TOKEN],
    };
  }

  /** The Netlify port for a phase of `ms` from now, on the real clock (or `clock`). */
  netlifyPort(ms = LONG_MS, clock: Clock = realClock, apiUrl?: string): NetlifyPort {
    return netlifyPort(this.netlifyOptions(clock, apiUrl), { endsAt: clock.now() + ms });
  }

  githubPort(ms = LONG_MS, clock: Clock = realClock, apiUrl?: string): GitHubPort {
    return githubPort(this.githubOptions(clock, apiUrl), { endsAt: clock.now() + ms });
  }

  async stop(): Promise<void> {
    await Promise.all([this.netlify.stop(), this.github.stop(), this.trap.stop()]);
  }

  /** Every request carried its own service's token, never the other's, and nothing reached the trap. */
  assertTokensStayHome(): void {
    for (const r of this.netlify.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${NETLIFY_TOKEN}`);
      expect(JSON.stringify(r)).not.toContain(GITHUB_TOKEN);
    }
    for (const r of this.github.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${GITHUB_TOKEN}`);
      expect(JSON.stringify(r)).not.toContain(NETLIFY_TOKEN);
    }
    expect(this.trap.requests, 'a redirect was followed').toEqual([]);
  }
}

/** Runs `work` against fresh services, checks that tokens stayed home, and stops them. */
export async function withServices<T>(work: (services: Services) => Promise<T>): Promise<T> {
  const services = await Services.start();
  try {
    const result = await work(services);
    services.assertTokensStayHome();
    spreadChecks();
    return result;
  } finally {
    await services.stop();
  }
}

/** What a failure says, in one text: none of it may hold a piece of either token. */
export function assertClean(failure: Failure): void {
  const text = [failure.what, failure.said, failure.fix].join('\n');
  expect(tokenFragments(text), 'a piece of a token in a failure').toEqual([]);
  // One line each, bounded: a failure's text ends up in a log line and a reply.
  for (const part of [failure.what, failure.said, failure.fix]) expect(part).not.toMatch(/[\r\n]/);
  expect(failure.said.length).toBeLessThanOrEqual(160);
}

/** The failure a port call threw (a PortError), checked clean; fails when it did not throw one. */
export async function failureOf(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(PortError);
    const failure = (error as PortError).failure;
    assertClean(failure);
    return failure;
  }
  throw new Error('the call did not fail');
}

/** Requests of one kind that a fake saw. */
export function matching(requests: readonly RecordedRequest[], method: string, path: RegExp): RecordedRequest[] {
  return requests.filter((r) => r.method === method && path.test(r.path));
}

const pool = new Pool(32);

/**
 * Starts a case now (at collection), many at once, and gives the test that awaits it: most of a case is spent
 * waiting on a fault (a Retry-After, a hang), which vitest's own concurrency (5 at a time) would queue up.
 */
export function started(work: () => Promise<unknown>): () => Promise<void> {
  const result = pool.run(work);
  return async () => {
    await result;
  };
}

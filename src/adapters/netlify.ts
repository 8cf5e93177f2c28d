/**
 * The Netlify adapter: the only place that knows Netlify's paths, statuses, headers, paging and retries.
 * It speaks HTTP itself (docs/design.md says why not @netlify/api); Netlify's OpenAPI spec is the contract
 * the tests hold every request and answer to.
 */
import * as z from 'zod/mini';
import type { RateLimit } from '../core/follow.js';
import { type Deploy, type DeployPage, PER_PAGE, type SkippedDeploy } from '../core/preview.js';
import type { Clock, Deadline, NetlifyPort, Poll, Sent } from '../flow/ports.js';
import {
  describeIssue,
  isTrouble,
  resetIn,
  retryAfter,
  saidBy,
  type ServiceWords,
  statusTrouble,
  type Trouble,
  unreadable,
} from './failure.js';
import type { HttpAnswer } from './http.js';
import { exchange, json, READ_POLICY, remaining, requestMsFor, type Transport, withRetries } from './request.js';
import { BRANCH, COMMIT, DEPLOY_ID, HTTPS_URL, SITE_NAME, STATE_WORD } from '../patterns.js';

export interface NetlifyOptions {
  readonly token: string;
  readonly apiUrl: URL;
  readonly userAgent: string;
  readonly clock: Clock;
  /** Every secret of the run (both tokens): removed from whatever Netlify sends back. */
  readonly secrets: readonly string[];
}

/** The retry is not sent when less time than this is left: it could not be told whether it took effect. */
const LEAST_TIME_TO_SEND_MS = 1_000;

/** Any value, the field absent included: what is not as expected is read as absent, after the shape is checked. */
const any = z.optional(z.unknown());
const date = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date'));
const CONTEXT = /^[a-z-]{1,40}$/;

/** The value when it is a string that matches, else null. */
function matching(value: unknown, pattern: RegExp): string | null {
  return typeof value === 'string' && pattern.test(value) ? value : null;
}

function reviewId(value: unknown): number | null {
  const id = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Only the fields read, and as loosely as the live API sends them (nulls everywhere). Netlify's spec requires
 * no field at all; id, state and created_at are required here because a deploy cannot be retried, judged or
 * ordered without them (test/lib/contract/exceptions.ts). Any other field that is not as expected is read as
 * absent: a state that is not a plain word is `unknown`, a URL that is not a plain https URL is none. The other
 * fields are checked in plain code rather than by a schema each: a page holds 100 deploys, read at start-up.
 */
export const deploySchema = z.pipe(
  z.object({
    id: z.string().check(z.regex(DEPLOY_ID)),
    name: any,
    state: z.string().check(z.minLength(1)),
    context: any,
    review_id: any,
    commit_ref: any,
    branch: any,
    deploy_ssl_url: any,
    deploy_url: any,
    created_at: date,
    updated_at: any,
    error_message: any,
  }),
  z.transform((d): Deploy => {
    const name = matching(d.name, SITE_NAME)?.toLowerCase() ?? null;
    const updated = typeof d.updated_at === 'string' && !Number.isNaN(Date.parse(d.updated_at)) ? d.updated_at : null;
    return {
      id: d.id,
      siteName: name,
      state: STATE_WORD.test(d.state) ? d.state : 'unknown',
      context: matching(d.context, CONTEXT),
      reviewId: reviewId(d.review_id),
      commitRef: matching(d.commit_ref, COMMIT),
      branch: matching(d.branch, BRANCH),
      url: matching(d.deploy_ssl_url, HTTPS_URL) ?? matching(d.deploy_url, HTTPS_URL),
      logUrl: name ? `https://app.netlify.com/sites/${name}/deploys/${d.id}` : null,
      createdAt: d.created_at,
      updatedAt: updated ?? d.created_at,
      errorMessage: typeof d.error_message === 'string' ? d.error_message.slice(0, 2_000) : null,
    };
  }),
);

/** The site: only its name is read. */
export const siteSchema = z.pipe(
  z.object({ name: any }),
  z.transform((site) => ({ name: matching(site.name, SITE_NAME) })),
);

/** What is read of a deploy that did not pass, to tell whose it was. */
const loose = z.pipe(
  z.looseObject({ id: any, context: any, review_id: any }),
  z.transform((d) => ({
    id: matching(d.id, DEPLOY_ID),
    context: matching(d.context, CONTEXT),
    review_id: reviewId(d.review_id),
  })),
);

/** Netlify for one phase of the run: every request keeps `deadline`. */
export function netlifyPort(options: NetlifyOptions, deadline: Deadline): NetlifyPort {
  const { clock, secrets } = options;
  const requestMs = deadline.requestMs ?? requestMsFor(deadline.endsAt - clock.now());
  const base = options.apiUrl.href.replace(/\/+$/, '');
  const headers = {
    Authorization: `Bearer ${options.token}`,
    'User-Agent': options.userAgent,
    Accept: 'application/json',
  };
  const transportFor = (siteId: string | null): Transport => ({
    clock,
    deadline,
    secrets,
    requestMs,
    words: netlifyWords(siteId),
  });

  const get = (t: Transport, path: string, doing: string) =>
    exchange(t, { method: 'GET', url: new URL(`${base}${path}`), headers }, doing);

  /** A documented read, tried again on transient trouble; `read` turns a 2xx answer into a value. */
  const readWithRetries = <T>(t: Transport, path: string, doing: string, read: (answer: HttpAnswer) => T | Trouble) =>
    withRetries<T>(t, READ_POLICY, async () => {
      const got = await get(t, path, doing);
      if (!got.ok) return got;
      if (got.answer.status < 200 || got.answer.status >= 300)
        return { ok: false, trouble: troubleOf(t, got.answer, doing) };
      const value = read(got.answer);
      return isTrouble(value) ? { ok: false, trouble: value } : { ok: true, value };
    });

  const troubleOf = (t: Transport, answer: HttpAnswer, doing: string, now = clock.now()): Trouble =>
    statusTrouble(t.words, answer.status, saidBy(answer.text, secrets), doing, retryAfter(answer.header, now));

  const parse = <T>(t: Transport, answer: HttpAnswer, schema: z.ZodMiniType<T>, doing: string): T | Trouble => {
    const body = json(answer);
    if (body === undefined) return unreadable(t.words, doing, 'not-json');
    const parsed = z.safeParse(schema, body);
    return parsed.success ? parsed.data : unreadable(t.words, doing, describeIssue(parsed.error.issues[0], body));
  };

  /** A request that changes something: sent at most once, its answer read in the flow's words. */
  const post = async (path: string, doing: string, conflictMeansBusy: boolean): Promise<Sent> => {
    const t = transportFor(null);
    if (remaining(t) < LEAST_TIME_TO_SEND_MS) {
      return {
        kind: 'refused',
        failure: {
          service: 'Netlify',
          status: null,
          what: `the request was not sent while ${doing}: timeout-seconds ran out before it could be`,
          said: '',
          fix: 'raise timeout-seconds, then comment again',
        },
      };
    }
    const got = await exchange(
      t,
      { method: 'POST', url: new URL(`${base}${path}`), headers: { ...headers, 'Content-Length': '0' } },
      doing,
    );
    if (!got.ok)
      return got.trouble.mayHaveReached
        ? { kind: 'unclear', failure: got.trouble.failure }
        : { kind: 'refused', failure: got.trouble.failure };
    const { status } = got.answer;
    if (status >= 200 && status < 300) return { kind: 'accepted' };
    const trouble = troubleOf(t, got.answer, doing);
    if (conflictMeansBusy && (status === 409 || status === 422)) return { kind: 'conflict', failure: trouble.failure };
    return trouble.mayHaveReached
      ? { kind: 'unclear', failure: trouble.failure }
      : { kind: 'refused', failure: trouble.failure };
  };

  return {
    async siteName(siteId) {
      const t = transportFor(siteId);
      const site = await readWithRetries(t, `/sites/${encodeURIComponent(siteId)}`, 'reading the site', (answer) =>
        parse(t, answer, siteSchema, 'reading the site'),
      );
      return site.name ? site.name.toLowerCase() : null;
    },

    async listPreviews(siteId, { page, branch }) {
      const t = transportFor(siteId);
      const query = new URLSearchParams({ 'deploy-previews': 'true', page: String(page), per_page: String(PER_PAGE) });
      if (branch) query.set('branch', branch);
      // The branch is the PR's head ref, which its author names: it is data, and the failure's `what` is our own
      // words (a reply shows it as Markdown), so the branch is not repeated there.
      const doing = branch ? "listing the deploy previews of the PR's branch" : 'listing the deploy previews';
      return readWithRetries(t, `/sites/${encodeURIComponent(siteId)}/deploys?${query}`, doing, (answer) =>
        pageOf(t, answer, doing),
      );
    },

    readDeploy(id) {
      const t = transportFor(null);
      const doing = 'reading the deploy';
      return readWithRetries(t, `/deploys/${encodeURIComponent(id)}`, doing, (answer) =>
        parse(t, answer, deploySchema, doing),
      );
    },

    async pollDeploy(id): Promise<Poll> {
      const t = transportFor(null);
      const doing = 'reading the deploy';
      const got = await get(t, `/deploys/${encodeURIComponent(id)}`, doing);
      if (!got.ok) return { kind: 'failed', failure: got.trouble.failure, rate: null, retryAt: null };
      const rate = rateOf(got.answer, clock.now());
      if (got.answer.status === 404) return { kind: 'gone' };
      if (got.answer.status < 200 || got.answer.status >= 300) {
        // One `now` for both: the time to come back is what the answer said, to the millisecond.
        const now = clock.now();
        const trouble = troubleOf(t, got.answer, doing, now);
        const retryAt = trouble.retryAfterMs === null ? null : now + trouble.retryAfterMs;
        return { kind: 'failed', failure: trouble.failure, rate, retryAt: got.answer.status === 429 ? retryAt : null };
      }
      const deploy = parse(t, got.answer, deploySchema, doing);
      if (isTrouble(deploy)) return { kind: 'failed', failure: deploy.failure, rate, retryAt: null };
      return { kind: 'deploy', deploy, rate };
    },

    retry: (id) => post(`/deploys/${encodeURIComponent(id)}/retry`, 'sending the retry', true),
    cancel: (id) => post(`/deploys/${encodeURIComponent(id)}/cancel`, 'canceling the stuck build', false),
  };

  function pageOf(t: Transport, answer: HttpAnswer, doing: string): DeployPage | Trouble {
    const body = json(answer);
    if (body === undefined) return unreadable(t.words, doing, 'not-json');
    if (!Array.isArray(body)) return unreadable(t.words, doing, 'body: expected an array');
    const deploys: Deploy[] = [];
    const skipped: SkippedDeploy[] = [];
    // Each deploy on its own: one malformed deploy of another PR must not fail every command.
    for (const item of body.slice(0, PER_PAGE * 2)) {
      const parsed = z.safeParse(deploySchema, item);
      if (parsed.success) {
        deploys.push(parsed.data);
        continue;
      }
      const seen = z.safeParse(loose, item);
      skipped.push({
        id: seen.success ? seen.data.id : null,
        context: seen.success ? seen.data.context : null,
        reviewId: seen.success ? seen.data.review_id : null,
        problem: describeIssue(parsed.error.issues[0], item),
      });
    }
    const link = answer.header('link');
    const more = link === null ? body.length >= PER_PAGE : /<[^>]*>\s*;\s*rel="?next"?/i.test(link);
    return { deploys, skipped, more };
  }
}

function rateOf(answer: HttpAnswer, now: number): RateLimit | null {
  const remainingHeader = answer.header('x-ratelimit-remaining')?.trim();
  const left = remainingHeader && /^\d{1,9}$/.test(remainingHeader) ? Number(remainingHeader) : null;
  const reset = resetIn(answer.header, now);
  if (left === null && reset === null) return null;
  return { remaining: left, resetAt: reset === null ? null : now + reset };
}

function netlifyWords(siteId: string | null): ServiceWords {
  return {
    service: 'Netlify',
    token: 'the token',
    fixToken: 'set the netlify-token secret to a valid Netlify personal access token',
    where: siteId ? ` on site ${siteId}` : '',
    fixForbidden: "use a netlify-token of a member of the site's Netlify team",
    fixNotFound: "check the site-id input: it must be the site's API ID or domain, and the token must see that site",
    fixRedirect: 'check that netlify-api-url points at the Netlify API itself (https://api.netlify.com/api/v1)',
    fixNetwork: "check netlify-api-url and the runner's network",
  };
}

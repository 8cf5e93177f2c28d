/**
 * One table, from what a service answered to the failure the adapter reports (what, status, said, fix) and
 * how often the read was tried: the same table serves both services (src/adapters/failure.ts), so each row
 * runs against Netlify (reading a deploy) and GitHub (reading the pull request), each against fresh fakes
 * over real HTTP, with a real clock. Reads are tried at most 3 times, and only on transient trouble.
 */
import { describe, expect, test } from 'vitest';
import { REFUSED_ORIGIN } from '../lib/fakes/server.js';
import type { Fault } from '../lib/http.js';
import { HOSTILE_TEXT, HUGE, quotingBoth, type Service } from '../faults/catalogue.js';
import {
  assertClean,
  countingClock,
  failureOf,
  GITHUB_TOKEN,
  LONG_MS,
  matching,
  NETLIFY_TOKEN,
  type Services,
  started,
  withServices,
} from './support.js';

const epoch = (fromNow: number) => String(Math.floor(Date.now() / 1000) + fromNow);

/** The wording that differs between the services, as src/adapters/{netlify,github}.ts give it. */
const WORDS = {
  Netlify: {
    doing: 'reading the deploy',
    token: 'the token',
    fixToken: /set the netlify-token secret to a valid Netlify personal access token/,
    fixForbidden: /use a netlify-token of a member of the site's Netlify team/,
    fixNotFound: /check the site-id input/,
    fixRedirect: /check that netlify-api-url points at the Netlify API itself/,
    fixNetwork: /check netlify-api-url and the runner's network/,
    unauthorized: 'Access Denied: Invalid authentication credentials',
    missing: 'id: missing',
  },
  GitHub: {
    doing: 'reading the pull request',
    token: 'the github-token',
    fixToken: /set github-token to a valid token, or leave it unset to use the workflow token/,
    fixForbidden: /give the job `permissions: pull-requests: read`/,
    fixNotFound: /check that the workflow runs on issue_comment in this repository/,
    fixRedirect: /check GITHUB_API_URL: it must point at the GitHub API itself/,
    fixNetwork: /check the runner's network and GITHUB_API_URL/,
    unauthorized: 'Bad credentials',
    missing: 'head: missing',
  },
} as const;

type Words = (typeof WORDS)[Service];

const errorBody = (service: Service, message: string, status: number) =>
  service === 'GitHub'
    ? { message, documentation_url: 'https://docs.github.com/rest', status: String(status) }
    : { code: status, message };

const status =
  (code: number, message: string, headers?: Record<string, string>) =>
  (service: Service): Fault => ({ kind: 'status', status: code, body: errorBody(service, message, code), headers });

interface Failed {
  readonly status: number | null;
  readonly what: (w: Words, service: Service) => string | RegExp;
  readonly said?: (w: Words) => string | RegExp;
  readonly fix: (w: Words) => RegExp;
  /** Requests the read made: exactly, or at least/at most. */
  readonly tries: number | readonly [number, number];
}

interface Row {
  readonly name: string;
  /** The fault, or `refused` for a port where nothing listens. */
  readonly fault: ((service: Service, services: Services) => Fault) | 'refused';
  readonly times?: number;
  /** The phase's length (default 60 s): short for the hang. */
  readonly phaseMs?: number;
  /** What the read ends with for each service: a failure, or `recovers` after this many requests. */
  readonly expect: (service: Service) => Failed | { readonly recovers: number };
}

const rateLimited = (w: Words, service: Service) => `${service}'s rate limit was reached while ${w.doing}`;

const ROWS: readonly Row[] = [
  {
    name: '307 redirect to another port: refused, the target sees nothing and no token',
    fault: (service, services) => ({
      kind: 'status',
      status: 307,
      headers: { Location: `${services.trap.origin}/elsewhere` },
      body: errorBody(service, 'Temporary Redirect', 307),
    }),
    expect: () => ({
      status: 307,
      what: (w, s) =>
        `${s} answered with a redirect while ${w.doing}, and a request that carries a token never follows one`,
      fix: (w) => w.fixRedirect,
      tries: 1,
    }),
  },
  {
    name: '401',
    fault: (s) => status(401, WORDS[s].unauthorized)(s),
    expect: () => ({
      status: 401,
      what: (w, s) => `${s} rejected ${w.token}`,
      said: (w) => w.unauthorized,
      fix: (w) => w.fixToken,
      tries: 1,
    }),
  },
  {
    name: '403',
    fault: (s) => status(403, s === 'GitHub' ? 'Resource not accessible by integration' : 'Forbidden')(s),
    expect: () => ({ status: 403, what: (w, s) => `${s} refused ${w.doing}`, fix: (w) => w.fixForbidden, tries: 1 }),
  },
  {
    name: "403 with no requests left: GitHub's rate limit (reset an hour away: not waited for); for Netlify a 403",
    fault: status(403, 'API rate limit exceeded for installation ID 4242.', {
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': epoch(3600),
    }),
    expect: (service) =>
      service === 'GitHub'
        ? {
            status: 403,
            what: rateLimited,
            said: () => /API rate limit exceeded/,
            fix: () => /the limit resets at about \d\d:\d\d UTC: comment again after that/,
            tries: 1,
          }
        : { status: 403, what: (w, s) => `${s} refused ${w.doing}`, fix: (w) => w.fixForbidden, tries: 1 },
  },
  {
    name: "403 that says rate limit, reset in a second, once: GitHub's is waited for; Netlify's is a 403",
    fault: status(403, 'You have exceeded a secondary rate limit.', {
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': epoch(1),
    }),
    times: 1,
    expect: (service) =>
      service === 'GitHub'
        ? { recovers: 2 }
        : { status: 403, what: (w, s) => `${s} refused ${w.doing}`, fix: (w) => w.fixForbidden, tries: 1 },
  },
  {
    name: '404',
    fault: status(404, 'Not Found'),
    expect: () => ({
      status: 404,
      what: (w, s) => `${s} found nothing while ${w.doing}`,
      said: () => 'Not Found',
      fix: (w) => w.fixNotFound,
      tries: 1,
    }),
  },
  {
    name: '409',
    fault: status(409, 'Conflict'),
    expect: () => ({
      status: 409,
      what: (w, s) => `${s} refused ${w.doing}`,
      said: () => 'Conflict',
      fix: () => /see the message from/,
      tries: 1,
    }),
  },
  {
    name: '422',
    fault: status(422, 'Validation Failed'),
    expect: () => ({
      status: 422,
      what: (w, s) => `${s} refused ${w.doing}`,
      said: () => 'Validation Failed',
      fix: () => /see the message from/,
      tries: 1,
    }),
  },
  {
    name: '429 with Retry-After: 1, every time: three tries, each after the wait asked for',
    fault: status(429, 'API rate limit exceeded', { 'Retry-After': '1' }),
    expect: () => ({ status: 429, what: rateLimited, fix: () => /wait a minute and comment again/, tries: 3 }),
  },
  {
    name: '429 with X-RateLimit-Reset in a second, once: tried again after it',
    fault: status(429, 'API rate limit exceeded', { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': epoch(1) }),
    times: 1,
    expect: () => ({ recovers: 2 }),
  },
  {
    name: '429 with X-RateLimit-Reset an hour away: not waited for, the fix names the time',
    fault: status(429, 'API rate limit exceeded', { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': epoch(3600) }),
    expect: () => ({
      status: 429,
      what: rateLimited,
      fix: () => /the limit resets at about \d\d:\d\d UTC: comment again after that/,
      tries: 1,
    }),
  },
  {
    name: '500 every time: three tries',
    fault: status(500, 'Internal Server Error'),
    expect: () => ({
      status: 500,
      what: (w, s) => `${s} failed while ${w.doing}`,
      said: () => 'Internal Server Error',
      fix: () => /try again later/,
      tries: 3,
    }),
  },
  {
    name: '500 twice, then an answer: recovers on the third try',
    fault: status(500, 'Internal Server Error'),
    times: 2,
    expect: () => ({ recovers: 3 }),
  },
  {
    name: "502 HTML page: the page's title is what the service said",
    fault: () => ({ kind: 'html', status: 502 }),
    expect: () => ({
      status: 502,
      what: (w, s) => `${s} failed while ${w.doing}`,
      said: () => '502 Bad Gateway',
      fix: () => /try again later/,
      tries: 3,
    }),
  },
  { name: '503 once', fault: status(503, 'Service Unavailable'), times: 1, expect: () => ({ recovers: 2 }) },
  {
    name: 'malformed JSON with status 200',
    fault: () => ({ kind: 'malformed-json' }),
    expect: () => ({
      status: 200,
      what: (w, s) => `${s}'s answer could not be read while ${w.doing} (it is not JSON)`,
      said: () => '',
      fix: (w) => w.fixRedirect,
      tries: 3,
    }),
  },
  {
    name: 'JSON of the wrong shape: not tried again, the field is named',
    fault: () => ({ kind: 'wrong-shape' }),
    expect: () => ({
      status: 200,
      what: (w, s) => `${s} answered with data of an unexpected shape while ${w.doing}`,
      said: (w) => w.missing,
      fix: (w) => w.fixRedirect,
      tries: 1,
    }),
  },
  {
    name: 'half a body, then the connection drops',
    fault: () => ({ kind: 'half-body' }),
    expect: () => ({
      status: null,
      what: (w, s) => `the connection to ${s} failed while ${w.doing}`,
      fix: (w) => w.fixNetwork,
      tries: 3,
    }),
  },
  {
    name: 'connection reset, every time',
    fault: () => ({ kind: 'reset' }),
    expect: () => ({
      status: null,
      what: (w, s) => `the connection to ${s} failed while ${w.doing}`,
      fix: (w) => w.fixNetwork,
      tries: 3,
    }),
  },
  { name: 'connection reset, once', fault: () => ({ kind: 'reset' }), times: 1, expect: () => ({ recovers: 2 }) },
  {
    name: 'no answer, with a 3-second phase: each try times out, none past the deadline',
    fault: () => ({ kind: 'hang' }),
    phaseMs: 3_000,
    expect: () => ({
      status: null,
      what: (w, s) => `${s} did not answer in time while ${w.doing}`,
      said: () => '',
      fix: () => /check .*'s status, or raise timeout-seconds/,
      tries: [1, 3],
    }),
  },
  {
    name: 'no answer once, with a 6-second phase: tried again',
    fault: () => ({ kind: 'hang' }),
    times: 1,
    phaseMs: 6_000,
    expect: () => ({ recovers: 2 }),
  },
  {
    name: 'the answer lost once (the server acted, then dropped it): a read is tried again',
    fault: () => ({ kind: 'lose-answer' }),
    times: 1,
    expect: () => ({ recovers: 2 }),
  },
  {
    name: 'an answer larger than 8 MB: not read to its end, not tried again',
    fault: () => ({ kind: 'status', status: 200, raw: `{"x":"${'y'.repeat(HUGE)}"}` }),
    expect: () => ({
      status: null,
      what: (w, s) => `${s}'s answer was too large while ${w.doing}`,
      fix: (w) => w.fixRedirect,
      tries: 1,
    }),
  },
  {
    name: 'a refused connection: three tries',
    fault: 'refused',
    expect: () => ({
      status: null,
      what: (w, s) => `${s} could not be reached while ${w.doing}`,
      said: () => 'ECONNREFUSED',
      fix: (w) => w.fixNetwork,
      tries: 3,
    }),
  },
  {
    name: 'an error text that quotes both tokens: neither, nor any piece of one, is in the failure',
    fault: (s) =>
      status(
        400,
        quotingBoth(s === 'GitHub' ? GITHUB_TOKEN : NETLIFY_TOKEN, s === 'GitHub' ? NETLIFY_TOKEN : GITHUB_TOKEN),
      )(s),
    expect: () => ({
      status: 400,
      what: (w, s) => `${s} refused ${w.doing}`,
      said: () => /^The credentials given were refused/,
      fix: () => /see the message from/,
      tries: 1,
    }),
  },
  {
    name: 'an HTML error page whose title quotes a token',
    fault: (s) => ({
      kind: 'status',
      status: 503,
      raw: `<html><head><title>Gateway error for Bearer ${s === 'GitHub' ? GITHUB_TOKEN : NETLIFY_TOKEN}</title></head></html>`,
      headers: { 'content-type': 'text/html' },
    }),
    expect: () => ({
      status: 503,
      what: (w, s) => `${s} failed while ${w.doing}`,
      said: () => /^Gateway error for Bearer \*\*\*$/,
      fix: () => /try again later/,
      tries: 3,
    }),
  },
  {
    name: 'an error text with workflow commands, markup and line breaks: one bounded line, kept as data',
    fault: status(500, HOSTILE_TEXT),
    expect: () => ({
      status: 500,
      what: (w, s) => `${s} failed while ${w.doing}`,
      said: () => /^Upstream said: ::add-mask::x ::stop-commands::pwned/,
      fix: () => /try again later/,
      tries: 3,
    }),
  },
];

const PATHS: Record<Service, RegExp> = {
  Netlify: /^\/api\/v1\/deploys\/[^/]+$/,
  GitHub: /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+$/,
};

/** An origin nothing listens on. */
async function deadOrigin(): Promise<string> {
  return REFUSED_ORIGIN;
}

async function readOnce(service: Service, row: Row, services: Services) {
  const deploy = services.preview();
  const clock = countingClock();
  const phase = row.phaseMs ?? LONG_MS;
  let base: string | undefined;
  if (row.fault === 'refused') {
    const dead = await deadOrigin();
    base = service === 'Netlify' ? `${dead}/api/v1` : dead;
  } else {
    const server = service === 'Netlify' ? services.netlify : services.github;
    server.inject({ path: PATHS[service], fault: row.fault(service, services), times: row.times });
  }
  const call =
    service === 'Netlify'
      ? services.netlifyPort(phase, clock, base).readDeploy(deploy.id)
      : services.githubPort(phase, clock, base).readPull();
  const requests = () => {
    if (row.fault === 'refused') return clock.sleeps.length + 1;
    const server = service === 'Netlify' ? services.netlify : services.github;
    return matching(server.requests, 'GET', PATHS[service]).length;
  };
  return { call, requests, deploy };
}

describe.each(['Netlify', 'GitHub'] as const)('%s: what it answered, and the failure reported', (service) => {
  for (const row of ROWS) {
    test(
      row.name,
      { timeout: 60_000 },
      started(() =>
        withServices(async (services) => {
          const expected = row.expect(service);
          const { call, requests, deploy } = await readOnce(service, row, services);
          if ('recovers' in expected) {
            const value = await call;
            if (service === 'Netlify') expect(value).toMatchObject({ id: deploy.id, state: 'error' });
            else expect(value).toMatchObject({ headRef: 'docs-change', open: true });
            expect(requests()).toBe(expected.recovers);
            return;
          }
          const failure = await failureOf(call);
          const w = WORDS[service];
          expect(failure.service).toBe(service);
          expect(failure.status).toBe(expected.status);
          const what = expected.what(w, service);
          if (typeof what === 'string') expect(failure.what).toBe(what);
          else expect(failure.what).toMatch(what);
          if (expected.said) {
            const said = expected.said(w);
            if (typeof said === 'string') expect(failure.said).toBe(said);
            else expect(failure.said).toMatch(said);
          }
          expect(failure.fix).toMatch(expected.fix(w));
          assertClean(failure);
          const tries = requests();
          if (typeof expected.tries === 'number') expect(tries).toBe(expected.tries);
          else {
            expect(tries).toBeGreaterThanOrEqual(expected.tries[0]);
            expect(tries).toBeLessThanOrEqual(expected.tries[1]);
          }
        }),
      ),
    );
  }
});

/**
 * The faults the suite injects, and how each behaves, so that what a run must end with can be derived from
 * the fault and the call (faults.test.ts). Shared with the adapter tests (test/adapters), which hold the
 * adapters to the same faults one request at a time.
 */
import type { Fault } from '../lib/http.js';
import { GITHUB_TOKEN, NETLIFY_TOKEN } from '../lib/support/sandbox.js';

export type Service = 'Netlify' | 'GitHub';

/**
 * How a fault behaves over time:
 * - brief: it ends after a try or two (a rate limit that resets, a burst, one dropped connection);
 * - lasting: a transient kind of failure that does not end during the run;
 * - garbled: an answer with a success status whose body cannot be used;
 * - refusal: an answer that trying again cannot change (a 3xx, a 4xx);
 * - lost: the request took effect, then the connection dropped before the answer.
 */
export type FaultClass = 'brief' | 'lasting' | 'garbled' | 'refusal' | 'lost';

/** What a fault needs from its surroundings: where a redirect points (a server that must see nothing). */
export interface FaultContext {
  readonly trapOrigin: string;
}

export interface FaultSpec {
  readonly name: string;
  readonly class: FaultClass;
  readonly make: (service: Service, context: FaultContext) => Fault;
  /** Matching requests that get it; undefined: all of them. */
  readonly times?: number;
  /**
   * The answer's status line says success and the answer is complete (only its body is unusable): a POST that
   * gets it counts as accepted. (The fake plays a fault instead of its handler: nothing took effect.)
   */
  readonly completeSuccess?: boolean;
  /** GitHub did not act on a request that got it (429, 503, or a refused connection): the report is sent again. */
  readonly notActedOn?: boolean;
}

const epoch = (fromNow: number) => String(Math.floor(Date.now() / 1000) + fromNow);
const githubBody = (message: string, status: number) => ({
  message,
  documentation_url: 'https://docs.github.com/rest',
  status: String(status),
});
const netlifyBody = (message: string, status: number) => ({ code: status, message });
const body = (service: Service, message: string, status: number) =>
  service === 'GitHub' ? githubBody(message, status) : netlifyBody(message, status);

function status(code: number, message: string, headers?: Record<string, string>) {
  return (service: Service): Fault => ({ kind: 'status', status: code, body: body(service, message, code), headers });
}

/** Text an API might send back that tries to be more than text: workflow commands, a mention, markup, a command. */
export const HOSTILE_TEXT =
  'Upstream said:\n::add-mask::x\n::stop-commands::pwned\r\n##[stop-commands]pwned2 @octo-org/maintainers ' +
  '![x](https://evil.example/x.png) <img src=x onerror=alert(1)>\n\n/rebuild-preview\n';

/** An error text that quotes both tokens, the first of them cut by an excerpt's length limit. */
export function quotingBoth(token: string, other: string): string {
  return `${'The credentials given were refused by the upstream gateway. '.repeat(2)}Token: ${token} (also ${other}; Bearer ${token})`;
}

/** More than the 8 MB the adapters read of an answer. */
export const HUGE = 8 * 1024 * 1024 + 4096;

export const FAULTS: readonly FaultSpec[] = [
  {
    name: '429 with X-RateLimit-Reset, once',
    class: 'brief',
    times: 1,
    notActedOn: true,
    make: (service) => ({
      kind: 'status',
      status: 429,
      headers: { 'X-RateLimit-Limit': '500', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': epoch(1) },
      body: body(service, 'API rate limit exceeded', 429),
    }),
  },
  {
    name: '429 with X-RateLimit-Reset an hour away, every time',
    class: 'lasting',
    notActedOn: true,
    make: (service) => ({
      kind: 'status',
      status: 429,
      headers: { 'X-RateLimit-Limit': '500', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': epoch(3600) },
      body: body(service, 'API rate limit exceeded', 429),
    }),
  },
  {
    name: '429 with Retry-After, once',
    class: 'brief',
    times: 1,
    notActedOn: true,
    make: status(429, 'You have exceeded a secondary rate limit', { 'Retry-After': '1' }),
  },
  {
    name: '429 with Retry-After, every time',
    class: 'lasting',
    notActedOn: true,
    make: status(429, 'You have exceeded a secondary rate limit', { 'Retry-After': '1' }),
  },
  {
    // GitHub's primary rate limit is a 403 with no requests left (for Netlify it is just a 403).
    name: "403 rate limit (GitHub's), reset an hour away",
    class: 'refusal',
    make: (service) => ({
      kind: 'status',
      status: 403,
      headers: { 'X-RateLimit-Limit': '5000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': epoch(3600) },
      body: body(service, 'API rate limit exceeded for installation ID 4242.', 403),
    }),
  },
  { name: '500 burst of 2 that ends', class: 'brief', times: 2, make: status(500, 'Internal Server Error') },
  { name: '500 every time', class: 'lasting', make: status(500, 'Internal Server Error') },
  { name: '502 burst of 2 that ends', class: 'brief', times: 2, make: status(502, 'Bad Gateway') },
  { name: '502 HTML page, every time', class: 'lasting', make: () => ({ kind: 'html', status: 502 }) },
  {
    name: '503 burst of 2 that ends',
    class: 'brief',
    times: 2,
    notActedOn: true,
    make: status(503, 'Service Unavailable'),
  },
  { name: '503 every time', class: 'lasting', notActedOn: true, make: status(503, 'Service Unavailable') },
  { name: 'no answer, once', class: 'brief', times: 1, make: () => ({ kind: 'hang' }) },
  { name: 'no answer, ever', class: 'lasting', make: () => ({ kind: 'hang' }) },
  { name: 'half a body, every time', class: 'lasting', make: () => ({ kind: 'half-body' }) },
  { name: 'connection reset, once', class: 'brief', times: 1, make: () => ({ kind: 'reset' }) },
  { name: 'connection reset, every time', class: 'lasting', make: () => ({ kind: 'reset' }) },
  { name: 'malformed JSON', class: 'garbled', completeSuccess: true, make: () => ({ kind: 'malformed-json' }) },
  {
    name: 'HTML page with status 200',
    class: 'garbled',
    completeSuccess: true,
    make: () => ({ kind: 'html', status: 200 }),
  },
  {
    name: 'valid JSON of the wrong shape',
    class: 'garbled',
    completeSuccess: true,
    make: () => ({ kind: 'wrong-shape' }),
  },
  {
    name: 'an answer larger than 8 MB',
    class: 'garbled',
    make: () => ({ kind: 'status', status: 200, raw: `[${' '.repeat(HUGE)}]` }),
  },
  {
    name: '307 redirect to another port',
    class: 'refusal',
    make: (service, { trapOrigin }) => ({
      kind: 'status',
      status: 307,
      headers: { Location: `${trapOrigin}/stolen` },
      body: body(service, 'Temporary Redirect', 307),
    }),
  },
  {
    name: '401 bad credentials',
    class: 'refusal',
    make: (s) =>
      status(401, s === 'GitHub' ? 'Bad credentials' : 'Access Denied: Invalid authentication credentials')(s),
  },
  {
    name: '403 (a missing permissions: entry, or no access)',
    class: 'refusal',
    make: (s) => status(403, s === 'GitHub' ? 'Resource not accessible by integration' : 'Forbidden')(s),
  },
  { name: '404', class: 'refusal', make: status(404, 'Not Found') },
  { name: '409', class: 'refusal', make: status(409, 'Conflict') },
  {
    name: '422',
    class: 'refusal',
    make: (s) =>
      s === 'GitHub'
        ? {
            kind: 'status',
            status: 422,
            body: { ...githubBody('Validation Failed', 422), errors: [{ resource: 'Reaction', code: 'invalid' }] },
          }
        : status(422, 'Build is already done')(s),
  },
  {
    // A proxy or an API that quotes the credentials it was given, this service's and the other's: neither may
    // appear anywhere, not even the part before the cut of an excerpt.
    name: 'error text that quotes both tokens',
    class: 'refusal',
    make: (s) => {
      const [own, other] = s === 'GitHub' ? [GITHUB_TOKEN, NETLIFY_TOKEN] : [NETLIFY_TOKEN, GITHUB_TOKEN];
      return status(400, quotingBoth(own, other))(s);
    },
  },
  {
    name: 'error text with workflow commands, a mention, markup and a command line',
    class: 'lasting',
    make: status(500, HOSTILE_TEXT),
  },
  {
    name: 'answer lost after the request took effect, once',
    class: 'lost',
    times: 1,
    make: () => ({ kind: 'lose-answer' }),
  },
];

/** Only for GraphQL: how GitHub reports a token without the write permissions (a 200 with errors). */
export const GRAPHQL_FORBIDDEN: FaultSpec = {
  name: 'GraphQL FORBIDDEN errors (a missing permissions: entry)',
  class: 'refusal',
  make: () => ({
    kind: 'status',
    status: 200,
    body: {
      data: { reply: null, r0: null, r1: null, edit: null },
      errors: [
        { type: 'FORBIDDEN', path: ['reply'], message: 'Resource not accessible by integration' },
        { type: 'FORBIDDEN', path: ['r0'], message: 'Resource not accessible by integration' },
      ],
    },
  }),
};

/** Whether a read (tried up to 3 times on transient trouble) gets past the fault. */
export function readRecovers(fault: FaultSpec): boolean {
  return fault.class === 'brief' || fault.class === 'lost';
}

/** The HTTP status a fault answers with, or null when it gives none (or an unusable one). */
export function statusOf(fault: FaultSpec, service: Service): number | null {
  const made = fault.make(service, { trapOrigin: 'http://127.0.0.1:9' });
  if (made.kind === 'status') return made.status;
  if (made.kind === 'html') return made.status ?? 502;
  return null;
}

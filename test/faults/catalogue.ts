/**
 * The faults the suite injects, and the calls the action makes that it injects them into.
 */
import type { Fault } from '../lib/http.js';
import { GITHUB_TOKEN, NETLIFY_TOKEN } from '../lib/support/sandbox.js';

export type Service = 'Netlify' | 'GitHub';

/**
 * How a fault behaves over time:
 * - brief: it ends after a try or two (a rate limit that resets, a burst, one lost connection);
 * - lasting: a transient kind of failure that does not end during the run;
 * - garbled: an answer with a success status whose body is unusable;
 * - refusal: a 4xx answer, which trying again cannot change;
 * - lost: the request took effect, then the connection dropped before the answer.
 */
export type FaultClass = 'brief' | 'lasting' | 'garbled' | 'refusal' | 'lost';

export interface FaultSpec {
  readonly name: string;
  readonly class: FaultClass;
  readonly make: (service: Service) => Fault;
  /** Matching requests that get it; undefined: all of them. */
  readonly times?: number;
  /** The status line said success (2xx) although the body is bad: a POST with it took effect. */
  readonly okStatus?: boolean;
  /** GitHub's GraphQL report is tried again after it (it says the request was not acted on). */
  readonly reportTriesAgain?: boolean;
  /** @netlify/api waits 5 s before it tries a read again after this fault. */
  readonly slowForNetlifyClient?: boolean;
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

export const FAULTS: readonly FaultSpec[] = [
  {
    name: '429 with X-RateLimit-Reset, once',
    class: 'brief',
    times: 1,
    reportTriesAgain: true,
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
    reportTriesAgain: true,
    slowForNetlifyClient: true,
    make: status(429, 'You have exceeded a secondary rate limit', { 'Retry-After': '1' }),
  },
  {
    name: '429 with Retry-After, every time',
    class: 'lasting',
    make: status(429, 'You have exceeded a secondary rate limit', { 'Retry-After': '1' }),
  },
  { name: '500 burst of 2 that ends', class: 'brief', times: 2, make: status(500, 'Internal Server Error') },
  { name: '500 every time', class: 'lasting', make: status(500, 'Internal Server Error') },
  { name: '502 burst of 2 that ends', class: 'brief', times: 2, make: status(502, 'Bad Gateway') },
  { name: '502 every time', class: 'lasting', make: status(502, 'Bad Gateway') },
  {
    name: '503 burst of 2 that ends',
    class: 'brief',
    times: 2,
    reportTriesAgain: true,
    make: status(503, 'Service Unavailable'),
  },
  { name: '503 every time', class: 'lasting', make: status(503, 'Service Unavailable') },
  { name: 'no answer, once', class: 'brief', times: 1, make: () => ({ kind: 'hang' }) },
  { name: 'no answer, ever', class: 'lasting', make: () => ({ kind: 'hang' }) },
  { name: 'half a body, every time', class: 'lasting', okStatus: true, make: () => ({ kind: 'half-body' }) },
  {
    name: 'connection reset, once',
    class: 'brief',
    times: 1,
    slowForNetlifyClient: true,
    make: () => ({ kind: 'reset' }),
  },
  { name: 'connection reset, every time', class: 'lasting', make: () => ({ kind: 'reset' }) },
  { name: 'malformed JSON', class: 'garbled', okStatus: true, make: () => ({ kind: 'malformed-json' }) },
  { name: 'HTML error page (502)', class: 'lasting', make: () => ({ kind: 'html', status: 502 }) },
  { name: 'HTML page with status 200', class: 'garbled', okStatus: true, make: () => ({ kind: 'html', status: 200 }) },
  { name: 'valid JSON of the wrong shape', class: 'garbled', okStatus: true, make: () => ({ kind: 'wrong-shape' }) },
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
    // A proxy or an API that quotes the credentials it was given: the token must still appear nowhere.
    name: 'error text that quotes the token',
    class: 'refusal',
    make: (s) => {
      const token = s === 'GitHub' ? GITHUB_TOKEN : NETLIFY_TOKEN;
      return status(
        400,
        `${'The credentials given were refused by the upstream gateway. '.repeat(2)}Token: ${token} (Bearer ${token})`,
      )(s);
    },
  },
  {
    name: 'answer lost after the request took effect, once',
    class: 'lost',
    times: 1,
    slowForNetlifyClient: true,
    make: () => ({ kind: 'lose-answer' }),
  },
];

/** Only for the reply: how GitHub's GraphQL API reports a token without the write permissions. */
export const GRAPHQL_FORBIDDEN: FaultSpec = {
  name: 'GraphQL FORBIDDEN errors (a missing permissions: entry)',
  class: 'refusal',
  okStatus: true,
  make: () => ({
    kind: 'status',
    status: 200,
    body: {
      data: { reply: null, reaction: null },
      errors: [
        { type: 'FORBIDDEN', path: ['reply'], message: 'Resource not accessible by integration' },
        { type: 'FORBIDDEN', path: ['reaction'], message: 'Resource not accessible by integration' },
      ],
    },
  }),
};

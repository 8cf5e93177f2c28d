/**
 * What went wrong with a request, in words a maintainer acts on: one table from HTTP status to failure
 * serves both services. The API's own text is kept apart (`said`), scrubbed and bounded, so that the
 * reply can show it as data.
 */
import type { Failure } from '../core/outcome.js';
import { excerpt, oneLine } from '../core/text.js';
import { HttpProblem } from './http.js';

export type Service = Failure['service'];

/** A failure as the adapters see it: whether it may pass, and whether the request may have taken effect. */
export interface Trouble {
  readonly failure: Failure;
  /** Trying the same request again later could succeed. */
  readonly transient: boolean;
  /** The request may have been acted on although no good answer came back. */
  readonly mayHaveReached: boolean;
  /** How long the API asked to wait (Retry-After, X-RateLimit-Reset), when it said. */
  readonly retryAfterMs: number | null;
}

/** What differs between the services in the table: how each names its token and what to fix. */
export interface ServiceWords {
  readonly service: Service;
  /** `the token`, `the github-token`. */
  readonly token: string;
  readonly fixToken: string;
  /** Appended to `what` for Netlify's 403 and 404: ` on site X`. */
  readonly where: string;
  readonly fixForbidden: string;
  readonly fixNotFound: string;
  readonly fixRedirect: string;
  readonly fixNetwork: string;
}

interface Row {
  readonly when: (status: number) => boolean;
  readonly what: (w: ServiceWords, doing: string) => string;
  readonly fix: (w: ServiceWords, waitMs: number | null) => string;
  readonly transient: boolean;
}

/** From status to failure, first match wins. `doing` is a gerund phrase: "listing the deploy previews". */
const TABLE: readonly Row[] = [
  {
    when: (s) => s >= 300 && s < 400,
    what: (w, doing) =>
      `${w.service} answered with a redirect while ${doing}, and a request that carries a token never follows one`,
    fix: (w) => w.fixRedirect,
    transient: false,
  },
  { when: (s) => s === 401, what: (w) => `${w.service} rejected ${w.token}`, fix: (w) => w.fixToken, transient: false },
  {
    when: (s) => s === 403,
    what: (w, doing) => `${w.service} refused ${doing}${w.where}`,
    fix: (w) => w.fixForbidden,
    transient: false,
  },
  {
    when: (s) => s === 404,
    what: (w, doing) => `${w.service} found nothing while ${doing}${w.where}`,
    fix: (w) => w.fixNotFound,
    transient: false,
  },
  {
    when: (s) => s === 429,
    what: (w, doing) => `${w.service}'s rate limit was reached while ${doing}`,
    fix: (_w, wait) => commentAgain(wait),
    transient: true,
  },
  {
    when: (s) => s >= 500,
    what: (w, doing) => `${w.service} failed while ${doing}`,
    fix: () => 'try again later',
    transient: true,
  },
  {
    when: () => true,
    what: (w, doing) => `${w.service} refused ${doing}`,
    fix: (w) => `see the message from ${w.service}`,
    transient: false,
  },
];

export function statusTrouble(
  words: ServiceWords,
  status: number,
  said: string,
  doing: string,
  retryAfterMs: number | null,
): Trouble {
  const row = TABLE.find((r) => r.when(status)) as Row;
  return {
    failure: { service: words.service, status, what: row.what(words, doing), said, fix: row.fix(words, retryAfterMs) },
    transient: row.transient,
    mayHaveReached: status >= 500,
    retryAfterMs,
  };
}

/** A rate limit that is not a 429: GitHub answers 403 with a message, or with no requests left. */
export function rateLimited(
  words: ServiceWords,
  status: number,
  said: string,
  doing: string,
  retryAfterMs: number | null,
): Trouble {
  // The 429 row's words, with the status as it came: trying again later can succeed, and nothing was done.
  const trouble = statusTrouble(words, 429, said, doing, retryAfterMs);
  return { ...trouble, failure: { ...trouble.failure, status }, mayHaveReached: false };
}

/** No answer: a timeout, a refused connection, a dropped one. */
export function problemTrouble(words: ServiceWords, problem: unknown, doing: string): Trouble {
  const p = problem instanceof HttpProblem ? problem : new HttpProblem('network', '', true);
  const base = { status: null, service: words.service, said: p.code };
  switch (p.kind) {
    case 'timeout':
      return {
        failure: {
          ...base,
          what: `${words.service} did not answer in time while ${doing}`,
          fix: `check ${words.service}'s status, or raise timeout-seconds`,
        },
        transient: true,
        mayHaveReached: p.sent,
        retryAfterMs: null,
      };
    case 'refused':
      return {
        failure: { ...base, what: `${words.service} could not be reached while ${doing}`, fix: words.fixNetwork },
        transient: true,
        mayHaveReached: false,
        retryAfterMs: null,
      };
    case 'too-large':
      return {
        failure: { ...base, what: `${words.service}'s answer was too large while ${doing}`, fix: words.fixRedirect },
        transient: false,
        mayHaveReached: true,
        retryAfterMs: null,
      };
    case 'network':
      return {
        failure: { ...base, what: `the connection to ${words.service} failed while ${doing}`, fix: words.fixNetwork },
        transient: true,
        mayHaveReached: p.sent,
        retryAfterMs: null,
      };
  }
}

/** An answer with a success status whose body cannot be used. */
export function unreadable(words: ServiceWords, doing: string, why: 'not-json' | string): Trouble {
  const notJson = why === 'not-json';
  return {
    failure: {
      service: words.service,
      status: 200,
      what: notJson
        ? `${words.service}'s answer could not be read while ${doing} (it is not JSON)`
        : `${words.service} answered with data of an unexpected shape while ${doing}`,
      said: notJson ? '' : why,
      fix: words.fixRedirect,
    },
    transient: notJson,
    // A success status: the server acted on the request, whatever its body (a report must not be posted twice).
    mayHaveReached: true,
    retryAfterMs: null,
  };
}

/** The message of an API's error body (`{"message": …}`), or its text, excerpted without secrets. */
export function saidBy(text: string, secrets: readonly string[]): string {
  try {
    const json = JSON.parse(text) as { message?: unknown };
    if (json && typeof json.message === 'string') return excerpt(json.message, secrets);
  } catch {
    // Not JSON: an HTML error page or plain text.
  }
  return excerpt(text, secrets);
}

/** The wait an answer asks for: Retry-After (seconds or a date), or X-RateLimit-Reset (epoch seconds). */
export function retryAfter(header: (name: string) => string | null, now: number): number | null {
  const after = header('retry-after')?.trim();
  if (after && /^\d{1,7}$/.test(after)) return Number(after) * 1000;
  if (after && !Number.isNaN(Date.parse(after))) return Math.max(0, Date.parse(after) - now);
  return resetIn(header, now);
}

/** Milliseconds until X-RateLimit-Reset (epoch seconds), or null. */
export function resetIn(header: (name: string) => string | null, now: number): number | null {
  const reset = header('x-ratelimit-reset')?.trim();
  if (reset && /^\d{1,12}$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return null;
}

/** What to do about a rate limit that ends in `waitMs`. */
export function commentAgain(waitMs: number | null, now = Date.now()): string {
  if (waitMs === null || waitMs <= 60_000) return 'wait a minute and comment again';
  const at = new Date(now + waitMs + 60_000).toISOString().slice(11, 16);
  return `the limit resets at about ${at} UTC: comment again after that`;
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly expected?: unknown;
}

/**
 * One zod issue in plain words: where (field names only), and what was wrong there. zod/mini says only
 * "Invalid input", so the words come from the issue's code, and `input` (what was parsed) tells a missing
 * field from one of the wrong type.
 */
export function describeIssue(issue: Issue | undefined, input?: unknown): string {
  if (!issue) return 'body: not valid';
  // A key of the answer is data: only a plain field name is repeated, anything else is shown as `…`.
  const where =
    issue.path
      .map((key) => (typeof key === 'number' || /^[A-Za-z0-9_-]{1,40}$/.test(String(key)) ? String(key) : '…'))
      .join('.') || 'body';
  return oneLine(`${where}: ${problemOf(issue, valueAt(input, issue.path))}`).slice(0, 120);
}

function problemOf(issue: Issue, value: unknown): string {
  if (value === undefined && (issue.code === 'invalid_type' || /received undefined$/.test(issue.message)))
    return 'missing';
  if (issue.message !== 'Invalid input') return issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string')
    return `expected ${issue.expected}, got ${value === null ? 'null' : typeof value}`;
  if (issue.code === 'invalid_format' || issue.code === 'too_small' || issue.code === 'too_big')
    return 'not in the expected form';
  return 'not valid';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Whether a value is a Trouble (what the adapters' readers return instead of a value). */
export function isTrouble(value: unknown): value is Trouble {
  return (
    typeof value === 'object' &&
    value !== null &&
    'failure' in value &&
    'transient' in value &&
    'mayHaveReached' in value
  );
}

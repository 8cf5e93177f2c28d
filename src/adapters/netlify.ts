/**
 * The Netlify adapter: the only place that knows Netlify's paths, answers and errors.
 * Documented reads go through @netlify/api; the retry, which its OpenAPI spec lacks, is a plain POST.
 */
import type { NetlifyAPI } from '@netlify/api';
import * as z from 'zod/mini';
import type { Deploy } from '../core/preview.js';
import { type Deadline, withRetries } from './deadline.js';
import {
  ApiFailure,
  commentAgain,
  describeIssue,
  excerpt,
  isTransientStatus,
  networkFailure,
  retryAfter,
} from './failure.js';

export const PER_PAGE = 100;

/** The retry is not sent when less time than this is left: it could not be told whether it took effect. */
const LEAST_TIME_TO_SEND_MS = 1_000;

export interface NetlifyPort {
  /** One page (from 1) of the site's deploy previews, newest first; `branch` narrows it to one branch. */
  listPreviews(query: { page: number; branch?: string }): Promise<Deploy[]>;
  getDeploy(id: string): Promise<Deploy>;
  /** Asks Netlify to build the deploy again. Never repeats itself: see ApiFailure.mayHaveReached. */
  retry(id: string): Promise<void>;
}

export interface NetlifyOptions {
  readonly token: string;
  readonly siteId: string;
  readonly apiUrl: URL;
  readonly deadline: Deadline;
  readonly userAgent: string;
}

const nullableString = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => value ?? null),
);

const date = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date'));

/**
 * Only the fields read, and as loosely as the live API sends them (nulls everywhere). Netlify's spec requires
 * no field at all; id, state and created_at are required here because a deploy cannot be retried, judged or
 * ordered without them (test/contract/exceptions.ts ACTION_REQUIRES). Exported for the contract tests.
 */
export const deploySchema = z.pipe(
  z.object({
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
    name: nullableString,
    state: z.string().check(z.minLength(1)),
    context: nullableString,
    review_id: z.pipe(
      z.nullish(z.union([z.number(), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))])),
      z.transform((value) => value ?? null),
    ),
    commit_ref: nullableString,
    branch: nullableString,
    deploy_ssl_url: nullableString,
    deploy_url: nullableString,
    created_at: date,
    error_message: nullableString,
  }),
  z.transform(
    (d): Deploy => ({
      id: d.id,
      siteName: d.name,
      state: d.state,
      context: d.context,
      reviewId: d.review_id,
      commitRef: d.commit_ref,
      branch: d.branch,
      url: d.deploy_ssl_url ?? d.deploy_url,
      createdAt: d.created_at,
      errorMessage: d.error_message,
    }),
  ),
);

export function createNetlify(options: NetlifyOptions): NetlifyPort {
  const { apiUrl, deadline, siteId } = options;
  const secrets = [options.token];
  // The client, with the 700 KB OpenAPI spec it is built from, loads on the first read: the GitHub
  // requests that go out in the same round trip (the eyes reaction first) do not wait for it.
  let client: Promise<NetlifyAPI> | null = null;
  const api = () =>
    (client ??= import('@netlify/api').then(
      ({ NetlifyAPI }) =>
        new NetlifyAPI(options.token, {
          scheme: apiUrl.protocol.replace(':', ''),
          host: apiUrl.host,
          pathPrefix: apiUrl.pathname.replace(/\/+$/, ''),
          userAgent: options.userAgent,
        }),
    ));

  /** A documented read: safe to repeat, so transient failures are tried again while the budget lasts. */
  const read = <T>(what: string, call: (signal: AbortSignal) => Promise<unknown>, schema: z.ZodMiniType<T>) =>
    withRetries(
      deadline,
      3,
      async () => {
        let body: unknown;
        const signal = deadline.request();
        try {
          body = await call(signal);
        } catch (error) {
          // Asked of the signal: @netlify/api turns an abort into a TypeError (it assigns a DOMException's name).
          throw describe(error, what, siteId, deadline.expired || signal.aborted, secrets);
        }
        const parsed = z.safeParse(schema, body);
        if (!parsed.success) {
          throw new ApiFailure(
            'Netlify',
            200,
            `Netlify answered ${what} with data of an unexpected shape (${describeIssue(parsed.error.issues[0])})`,
            'check that netlify-api-url points at the Netlify API',
            false,
            false,
          );
        }
        return parsed.data;
      },
      (error) => {
        if (!(error instanceof ApiFailure) || !error.transient) return null;
        // No answer, or a cut one: worth another try while the budget lasts. (@netlify/api tries again
        // by itself after resets and 429s, within the same request deadline.)
        if (error.status === null) return deadline.expired ? null : 500;
        return error.status >= 500 ? 1_000 : null;
      },
    );

  return {
    listPreviews: ({ page, branch }) =>
      read(
        'the list of deploys',
        async (signal) =>
          (await api()).listSiteDeploys(
            { site_id: siteId, 'deploy-previews': true, page, per_page: PER_PAGE, ...(branch ? { branch } : {}) },
            { signal },
          ),
        z.array(deploySchema),
      ),
    getDeploy: (id) =>
      read(`the deploy ${id}`, async (signal) => (await api()).getDeploy({ deploy_id: id }, { signal }), deploySchema),
    async retry(id) {
      const url = `${apiUrl.href.replace(/\/+$/, '')}/deploys/${encodeURIComponent(id)}/retry`;
      if (deadline.remaining() < LEAST_TIME_TO_SEND_MS) {
        throw new ApiFailure(
          'Netlify',
          null,
          'the retry was not sent: timeout-seconds ran out before it could be',
          'raise timeout-seconds, then comment again',
          false,
          true,
        );
      }
      let response: Response;
      const signal = deadline.request();
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${options.token}`,
            'User-Agent': options.userAgent,
            Accept: 'application/json',
          },
          signal,
        });
      } catch (error) {
        throw networkFailure('Netlify', error, 'the retry request', deadline.expired || signal.aborted);
      }
      const text = await response.text().catch(() => '');
      if (!response.ok) {
        const wait = retryAfter((name) => response.headers.get(name));
        throw statusFailure(response.status, messageOf(text, secrets), 'the retry request', siteId, wait);
      }
    },
  };
}

function messageOf(text: string, secrets: readonly string[]): string {
  try {
    const json = JSON.parse(text) as { message?: unknown; errors?: unknown };
    if (typeof json?.message === 'string') return excerpt(json.message, secrets);
  } catch {
    // Not JSON: an HTML error page or plain text.
  }
  return excerpt(text, secrets);
}

/** Turns what @netlify/api throws into an ApiFailure, reading only safe fields (its errors hold the token). */
function describe(
  error: unknown,
  what: string,
  siteId: string,
  expired: boolean,
  secrets: readonly string[],
): ApiFailure {
  const status =
    typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : null;
  if (status === null) return networkFailure('Netlify', error, what, expired);
  if (status >= 200 && status < 300) {
    // @netlify/api throws a TextHTTPError with the success status when a JSON answer does not parse.
    return new ApiFailure(
      'Netlify',
      status,
      `Netlify answered ${what} with a body that is not valid JSON`,
      'check that netlify-api-url points at the Netlify API, or try again later',
      false,
      false,
    );
  }
  const json = (error as { json?: { message?: unknown } }).json;
  const data = (error as { data?: unknown }).data;
  const message =
    typeof json?.message === 'string'
      ? excerpt(json.message, secrets)
      : excerpt(typeof data === 'string' ? data : '', secrets);
  return statusFailure(status, message, what, siteId, null);
}

function statusFailure(
  status: number,
  message: string,
  what: string,
  siteId: string,
  retryAfterMs: number | null,
): ApiFailure {
  const said = message ? `: ${message}` : '';
  const fail = (text: string, fix: string) =>
    new ApiFailure('Netlify', status, text, fix, status >= 500, isTransientStatus(status), retryAfterMs);
  switch (status) {
    case 401:
      return fail(
        `Netlify rejected the token (401${said})`,
        'set the netlify-token secret to a valid Netlify personal access token',
      );
    case 403:
      return fail(
        `Netlify refused access to site ${siteId} (403${said})`,
        "use a netlify-token of a member of the site's Netlify team",
      );
    case 404:
      return fail(
        `Netlify found nothing for ${what} on site ${siteId} (404${said})`,
        "check the site-id input: it must be the site's API ID, and the token must see that site",
      );
    case 429:
      return fail(`Netlify's rate limit was reached during ${what} (429)`, commentAgain(retryAfterMs));
    default:
      if (status >= 500) return fail(`Netlify failed during ${what} (${status}${said})`, 'try again later');
      return fail(`Netlify refused ${what} (${status}${said})`, 'see the message from Netlify');
  }
}

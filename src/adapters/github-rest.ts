/**
 * GitHub's REST calls, for the GitHub adapter (src/adapters/github.ts): the headers, the statuses and the retries,
 * without zod, so that the shell can send the first reaction before the rest of the action is loaded.
 */
import type { Reaction } from '../core/reply.js';
import type { Clock, Deadline } from '../flow/ports.js';
import {
  isTrouble,
  rateLimited,
  retryAfter,
  saidBy,
  type ServiceWords,
  statusTrouble,
  type Trouble,
} from './failure.js';
import type { HttpAnswer } from './http.js';
import { exchange, READ_POLICY, requestMsFor, type RetryPolicy, type Transport, withRetries } from './request.js';

export interface GitHubOptions {
  readonly token: string;
  /** GITHUB_API_URL, e.g. https://api.github.com. */
  readonly apiUrl: URL;
  /** GITHUB_GRAPHQL_URL, e.g. https://api.github.com/graphql. */
  readonly graphqlUrl: URL;
  readonly owner: string;
  readonly repo: string;
  readonly prNumber: number;
  readonly prNodeId: string;
  readonly commentId: number;
  readonly commentNodeId: string;
  readonly userAgent: string;
  readonly clock: Clock;
  readonly secrets: readonly string[];
}

export const PERMISSIONS_FIX =
  'give the job `permissions: issues: write` and `pull-requests: write` (needed to react and reply), or set github-token to a token that has them';
export const READ_PULL_FIX =
  'give the job `permissions: pull-requests: read` (needed to read the pull request), or set github-token to a token that has it';
export const READ_PERMISSION_FIX =
  "set github-token to a token that can read this repository's collaborators, or leave it unset to use the workflow token";

/** REST calls for one phase of the run: every request keeps `deadline`. */
export function githubRest(
  options: Pick<GitHubOptions, 'token' | 'apiUrl' | 'owner' | 'repo' | 'userAgent' | 'clock' | 'secrets'>,
  deadline: Deadline,
) {
  const { clock, secrets, owner, repo } = options;
  const requestMs = deadline.requestMs ?? requestMsFor(deadline.endsAt - clock.now());
  const api = options.apiUrl.href.replace(/\/+$/, '');
  const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const headers = {
    Authorization: `Bearer ${options.token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': options.userAgent,
  };
  const transport = (fixForbidden: string): Transport => ({
    clock,
    deadline,
    secrets,
    requestMs,
    words: githubWords(fixForbidden),
  });

  const troubleOf = (t: Transport, answer: HttpAnswer, doing: string): Trouble => {
    const said = saidBy(answer.text, secrets);
    const wait = retryAfter(answer.header, clock.now());
    if (answer.status === 403 && (/rate limit/i.test(said) || answer.header('x-ratelimit-remaining') === '0')) {
      return rateLimited(t.words, 403, said, doing, wait);
    }
    return statusTrouble(t.words, answer.status, said, doing, wait);
  };

  /** A REST call that is safe to repeat; `read` turns a 2xx answer into a value. */
  const rest = <T>(
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    doing: string,
    fixForbidden: string,
    read: (answer: HttpAnswer, t: Transport) => T | Trouble,
    policy: RetryPolicy = READ_POLICY,
  ) => {
    const t = transport(fixForbidden);
    const text = body === undefined ? undefined : JSON.stringify(body);
    return withRetries<T>(t, policy, async () => {
      const got = await exchange(
        t,
        {
          method,
          url: new URL(url),
          headers:
            text === undefined
              ? headers
              : { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) },
          body: text,
        },
        doing,
      );
      if (!got.ok) return got;
      if (got.answer.status < 200 || got.answer.status >= 300)
        return { ok: false, trouble: troubleOf(t, got.answer, doing) };
      const value = read(got.answer, t);
      return isTrouble(value) ? { ok: false, trouble: value } : { ok: true, value };
    });
  };

  return { api, repoPath, rest };

  function githubWords(fixForbidden: string): ServiceWords {
    return {
      service: 'GitHub',
      token: 'the github-token',
      fixToken: 'set github-token to a valid token, or leave it unset to use the workflow token',
      where: '',
      fixForbidden,
      fixNotFound: 'check that the workflow runs on issue_comment in this repository',
      fixRedirect: 'check GITHUB_API_URL: it must point at the GitHub API itself',
      fixNetwork: "check the runner's network and GITHUB_API_URL",
    };
  }
}

/** The reaction on the command comment (REST). */
export async function reactOn(
  options: Pick<GitHubOptions, 'token' | 'apiUrl' | 'owner' | 'repo' | 'userAgent' | 'clock' | 'secrets' | 'commentId'>,
  deadline: Deadline,
  content: Reaction,
): Promise<void> {
  const { api, repoPath, rest } = githubRest(options, deadline);
  await rest(
    'POST',
    `${api}${repoPath}/issues/comments/${options.commentId}/reactions`,
    { content },
    `adding the ${content} reaction`,
    PERMISSIONS_FIX,
    () => true,
  );
}

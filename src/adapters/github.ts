/**
 * The GitHub adapter: the only place that knows GitHub's paths, answers and errors.
 * REST for reads and the acknowledgement; one GraphQL mutation posts the reply and the final reaction
 * together, so that reporting costs a single request.
 */
import { getOctokit } from '@actions/github';
import * as z from 'zod/mini';
import { PERMISSION_LEVELS, type PermissionLevel } from '../core/trust.js';
import { type Deadline, withRetries } from './deadline.js';
import { ApiFailure, commentAgain, describeIssue, excerpt, networkFailure, retryAfter } from './failure.js';

export type Reaction = 'eyes' | 'rocket' | 'confused';

export interface Pull {
  readonly headSha: string;
  readonly headRef: string;
  readonly createdAt: string;
  readonly state: string;
}

export interface Report {
  /** The reply's Markdown, or null for none. */
  readonly body: string | null;
  readonly reaction: Reaction | null;
}

/** What became of a report: each part can fail on its own. */
export interface Reported {
  readonly replyUrl: string | null;
  readonly reactionAdded: boolean;
  readonly failures: readonly ApiFailure[];
}

export interface GitHubPort {
  readPull(): Promise<Pull>;
  readPermission(login: string): Promise<PermissionLevel>;
  react(content: Reaction): Promise<void>;
  report(report: Report): Promise<Reported>;
}

export interface GitHubOptions {
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  readonly prNumber: number;
  readonly prNodeId: string;
  readonly commentId: number;
  readonly commentNodeId: string;
  readonly deadline: Deadline;
  readonly userAgent: string;
}

/** The fields read from a pull request (exported, like permissionSchema, for the contract tests). */
export const pullSchema = z.pipe(
  z.object({
    head: z.object({
      sha: z.string().check(z.regex(/^[0-9a-f]{40,64}$/)),
      ref: z.string().check(z.minLength(1)),
    }),
    created_at: z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date')),
    state: z.string(),
  }),
  z.transform((p): Pull => ({ headSha: p.head.sha, headRef: p.head.ref, createdAt: p.created_at, state: p.state })),
);

export const permissionSchema = z.pipe(
  z.object({
    // Required by GitHub's schema: an answer without it is not a permission answer.
    permission: z.string(),
    role_name: z.nullish(z.string()),
    user: z.nullish(z.object({ permissions: z.nullish(z.record(z.string(), z.boolean())) })),
  }),
  z.transform((p): PermissionLevel => strongest([p.role_name, p.permission, ...flags(p.user?.permissions)])),
);

/** GitHub's permission flags, named as the levels they grant. */
const FLAG_LEVELS: Record<string, PermissionLevel> = {
  admin: 'admin',
  maintain: 'maintain',
  push: 'write',
  triage: 'triage',
  pull: 'read',
};

function flags(permissions: Record<string, boolean> | null | undefined): string[] {
  if (!permissions) return [];
  return Object.entries(permissions).flatMap(([flag, on]) => (on && FLAG_LEVELS[flag] ? [FLAG_LEVELS[flag]] : []));
}

/** The strongest known level among the answer's fields; a custom role's name counts as nothing by itself. */
function strongest(names: readonly (string | null | undefined)[]): PermissionLevel {
  let best = 0;
  for (const name of names) {
    const rank = (PERMISSION_LEVELS as readonly string[]).indexOf(name ?? '');
    if (rank > best) best = rank;
  }
  return PERMISSION_LEVELS[best] as PermissionLevel;
}

const REPORT_MUTATION_PARTS = {
  reply: 'reply: addComment(input: {subjectId: $subject, body: $body}) { commentEdge { node { url } } }',
  reaction: 'reaction: addReaction(input: {subjectId: $comment, content: $content}) { reaction { content } }',
};

export function createGitHub(options: GitHubOptions): GitHubPort {
  const { deadline, owner, repo } = options;
  const octokit = getOctokit(options.token, { userAgent: options.userAgent });

  const secrets = [options.token];

  /**
   * A request that is safe to repeat: tried again on 5xx, 429, network failures and unreadable answers
   * while the budget lasts. `forbidden` is what to fix when GitHub answers 403.
   */
  const idempotent = <T>(
    what: string,
    forbidden: string,
    call: (signal: AbortSignal) => Promise<{ data: unknown }>,
    schema: z.ZodMiniType<T>,
  ) =>
    withRetries(
      deadline,
      3,
      async () => {
        let data: unknown;
        const signal = deadline.request();
        try {
          ({ data } = await call(signal));
        } catch (error) {
          throw describe(error, what, deadline.expired || signal.aborted, forbidden, secrets);
        }
        return validate(schema, data, what);
      },
      retryWait,
    );

  return {
    readPull: () =>
      idempotent(
        'reading the pull request',
        READ_PULL_FIX,
        (signal) =>
          octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
            owner,
            repo,
            pull_number: options.prNumber,
            request: { signal },
          }),
        pullSchema,
      ),

    async readPermission(login) {
      try {
        return await idempotent(
          `reading @${login}'s permission`,
          READ_PERMISSION_FIX,
          (signal) =>
            octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
              owner,
              repo,
              username: login,
              request: { signal },
            }),
          permissionSchema,
        );
      } catch (error) {
        // GitHub answers 404 for an account that is no collaborator at all (or no longer exists).
        if (error instanceof ApiFailure && error.status === 404) return 'none';
        throw error;
      }
    },

    async react(content) {
      await idempotent(
        `adding the ${content} reaction`,
        PERMISSIONS_FIX,
        (signal) =>
          octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
            owner,
            repo,
            comment_id: options.commentId,
            content,
            request: { signal },
          }),
        reactionAnswer,
      );
    },

    async report({ body, reaction }) {
      const parts: string[] = [];
      const declared: string[] = [];
      const variables: Record<string, string> = {};
      if (body !== null) {
        parts.push(REPORT_MUTATION_PARTS.reply);
        declared.push('$subject: ID!', '$body: String!');
        Object.assign(variables, { subject: options.prNodeId, body });
      }
      if (reaction !== null) {
        parts.push(REPORT_MUTATION_PARTS.reaction);
        declared.push('$comment: ID!', '$content: ReactionContent!');
        Object.assign(variables, { comment: options.commentNodeId, content: reaction.toUpperCase() });
      }
      if (parts.length === 0) return { replyUrl: null, reactionAdded: false, failures: [] };
      const query = `mutation Report(${declared.join(', ')}) { ${parts.join(' ')} }`;

      let data: unknown;
      let errors: readonly GraphqlError[] = [];
      try {
        // Not repeated after an answer was lost: the reply may have been posted. Refused connections,
        // 429 and 503 mean GitHub did not act on it, so those are tried again.
        data = await withRetries(
          deadline,
          3,
          async () => {
            const signal = deadline.request();
            try {
              return await octokit.graphql(query, { ...variables, request: { signal } });
            } catch (error) {
              if (isGraphqlResponseError(error)) return error;
              throw describe(error, 'posting the reply', deadline.expired || signal.aborted, PERMISSIONS_FIX, secrets);
            }
          },
          (error) =>
            error instanceof ApiFailure && (!error.mayHaveReached || error.status === 429 || error.status === 503)
              ? retryWait(error)
              : null,
        );
      } catch (error) {
        return { replyUrl: null, reactionAdded: false, failures: [asFailure(error, 'posting the reply', secrets)] };
      }
      if (isGraphqlResponseError(data)) {
        errors = data.errors ?? [];
        data = data.data;
      }
      const answer = z.safeParse(reportAnswer, data ?? {});
      const failures = errors.map((error) => graphqlFailure(error, secrets));
      const replyUrl = answer.success ? (answer.data.reply?.commentEdge?.node?.url ?? null) : null;
      const reactionAdded = answer.success && answer.data.reaction?.reaction != null;
      if (failures.length === 0 && ((body !== null && replyUrl === null) || (reaction !== null && !reactionAdded))) {
        failures.push(
          new ApiFailure(
            'GitHub',
            200,
            "GitHub's answer to the reply could not be read, so it is not known whether the reply was posted",
            'look at the pull request; if this keeps happening, check GITHUB_API_URL',
            true,
            false,
          ),
        );
      }
      return { replyUrl, reactionAdded, failures };
    },
  };
}

interface GraphqlError {
  readonly type?: string;
  readonly message?: string;
  readonly path?: readonly (string | number)[];
}

const reportAnswer = z.object({
  reply: z.nullish(z.object({ commentEdge: z.nullish(z.object({ node: z.nullish(z.object({ url: z.string() })) })) })),
  reaction: z.nullish(z.object({ reaction: z.nullish(z.object({ content: z.string() })) })),
});

function isGraphqlResponseError(error: unknown): error is { errors?: GraphqlError[]; data?: unknown } {
  return error instanceof Error && error.name === 'GraphqlResponseError';
}

function graphqlFailure(error: GraphqlError, secrets: readonly string[]): ApiFailure {
  const part = error.path?.[0] === 'reaction' ? 'adding the reaction' : 'posting the reply';
  const message = excerpt(typeof error.message === 'string' ? error.message : 'no message', secrets);
  if (error.type === 'FORBIDDEN' || /not accessible by integration/i.test(message)) {
    return new ApiFailure('GitHub', 403, `GitHub refused ${part} (${message})`, PERMISSIONS_FIX, false, false);
  }
  return new ApiFailure(
    'GitHub',
    200,
    `GitHub failed ${part} (${message})`,
    'see the message from GitHub',
    false,
    false,
  );
}

const PERMISSIONS_FIX =
  'give the job `permissions: issues: write` and `pull-requests: write` (needed to react and reply), or set github-token to a token that has them';
const READ_PULL_FIX =
  'give the job `permissions: pull-requests: read` (needed to read the pull request), or set github-token to a token that has it';
const READ_PERMISSION_FIX =
  "set github-token to a token that can read this repository's collaborators, or leave it unset to use the workflow token";

/** What the reaction endpoint answers: only that it is an object is relied on. */
const reactionAnswer = z.looseObject({});

function validate<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): T {
  if (typeof data === 'string' || data === undefined || data === null) {
    // Octokit hands over the text when a JSON answer does not parse (a cut or garbled answer).
    throw new ApiFailure(
      'GitHub',
      200,
      `GitHub's answer could not be read while ${what} (it is not JSON)`,
      'try again later; if it keeps happening, check GITHUB_API_URL',
      false,
      true,
    );
  }
  const parsed = z.safeParse(schema, data);
  if (parsed.success) return parsed.data;
  throw new ApiFailure(
    'GitHub',
    200,
    `GitHub answered with data of an unexpected shape while ${what} (${describeIssue(parsed.error.issues[0])})`,
    'check GITHUB_API_URL',
    false,
    false,
  );
}

function asFailure(error: unknown, what: string, secrets: readonly string[]): ApiFailure {
  return error instanceof ApiFailure ? error : describe(error, what, false, PERMISSIONS_FIX, secrets);
}

/** How long to wait before trying a failed idempotent request again, or null not to. */
function retryWait(error: unknown): number | null {
  if (!(error instanceof ApiFailure) || !error.transient) return null;
  if (error.retryAfterMs !== null) return Math.max(error.retryAfterMs, 500);
  return error.status === 429 ? 2_000 : 1_000;
}

type OctokitResponse = { status?: unknown; data?: unknown; headers?: Record<string, unknown> };

/** Turns what Octokit throws into an ApiFailure, reading only safe fields. */
function describe(
  error: unknown,
  what: string,
  expired: boolean,
  forbidden: string,
  secrets: readonly string[],
): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const response = (error as { response?: OctokitResponse })?.response;
  const status = typeof response?.status === 'number' ? response.status : null;
  if (status === null) return networkFailure('GitHub', error, what, expired);
  const data = response?.data;
  const message = excerpt(
    typeof data === 'object' && data && 'message' in data ? (data as { message: unknown }).message : data,
    secrets,
  );
  const said = message ? `: ${message}` : '';
  const header = (name: string) => {
    const value = response?.headers?.[name];
    return typeof value === 'string' ? value : null;
  };
  const limited =
    status === 429 || (status === 403 && (/rate limit/i.test(message) || header('x-ratelimit-remaining') === '0'));
  const wait = limited ? retryAfter(header) : null;
  const fail = (text: string, fix: string) =>
    new ApiFailure('GitHub', status, text, fix, status >= 500, limited || status >= 500, wait);
  if (limited) {
    return fail(`GitHub's rate limit was reached while ${what} (${status})`, commentAgain(wait));
  }
  if (status === 401)
    return fail(
      `GitHub rejected the github-token (401${said})`,
      'set github-token to a valid token, or leave it unset to use the workflow token',
    );
  if (status === 403) return fail(`GitHub refused ${what} (403${said})`, forbidden);
  if (status === 404)
    return fail(
      `GitHub found nothing while ${what} (404${said})`,
      'check that the workflow runs on issue_comment in this repository',
    );
  if (status >= 500) return fail(`GitHub failed while ${what} (${status}${said})`, 'try again later');
  return fail(`GitHub refused ${what} (${status}${said})`, 'see the message from GitHub');
}

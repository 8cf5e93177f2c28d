/**
 * The GitHub adapter: the only place that knows GitHub's paths, answers and errors.
 * REST for reads and the acknowledgement; one GraphQL mutation posts the reply and the final reaction
 * together, so that reporting costs a single request.
 */
import { getOctokit } from '@actions/github';
import { z } from 'zod';
import { PERMISSION_LEVELS, type PermissionLevel } from '../core/trust.js';
import { type Deadline, withRetries } from './deadline.js';
import { ApiFailure, excerpt, networkFailure } from './failure.js';

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

const pullSchema = z
  .object({
    head: z.object({ sha: z.string().regex(/^[0-9a-f]{40,64}$/), ref: z.string().min(1) }),
    created_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date'),
    state: z.string(),
  })
  .transform((p): Pull => ({ headSha: p.head.sha, headRef: p.head.ref, createdAt: p.created_at, state: p.state }));

const permissionSchema = z
  .object({
    permission: z.string().nullish(),
    role_name: z.string().nullish(),
    user: z
      .object({ permissions: z.record(z.string(), z.boolean()).nullish() })
      .nullish(),
  })
  .transform((p): PermissionLevel => strongest([p.role_name, p.permission, ...flags(p.user?.permissions)]));

/** GitHub's permission flags, named as the levels they grant. */
const FLAG_LEVELS: Record<string, PermissionLevel> = { admin: 'admin', maintain: 'maintain', push: 'write', triage: 'triage', pull: 'read' };

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

  /** A request that is safe to repeat: tried again on 5xx, 429 and network failures while the budget lasts. */
  const idempotent = <T>(what: string, call: (signal: AbortSignal) => Promise<T>) =>
    withRetries(
      deadline,
      3,
      async () => {
        try {
          return await call(deadline.request());
        } catch (error) {
          throw describe(error, what, deadline.expired);
        }
      },
      retryWait,
    );

  return {
    async readPull() {
      const answer = await idempotent('reading the pull request', (signal) =>
        octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
          owner,
          repo,
          pull_number: options.prNumber,
          request: { signal },
        }),
      );
      return validate(pullSchema, answer.data, 'the pull request');
    },

    async readPermission(login) {
      try {
        const answer = await idempotent(`reading @${login}'s permission`, (signal) =>
          octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
            owner,
            repo,
            username: login,
            request: { signal },
          }),
        );
        return validate(permissionSchema, answer.data, 'the permission answer');
      } catch (error) {
        // GitHub answers 404 for an account that is no collaborator at all (or no longer exists).
        if (error instanceof ApiFailure && error.status === 404) return 'none';
        throw error;
      }
    },

    async react(content) {
      await idempotent(`adding the ${content} reaction`, (signal) =>
        octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
          owner,
          repo,
          comment_id: options.commentId,
          content,
          request: { signal },
        }),
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
            try {
              return await octokit.graphql(query, { ...variables, request: { signal: deadline.request() } });
            } catch (error) {
              if (isGraphqlResponseError(error)) return error;
              throw describe(error, 'posting the reply', deadline.expired);
            }
          },
          (error) => (error instanceof ApiFailure && (!error.mayHaveReached || error.status === 429 || error.status === 503) ? retryWait(error) : null),
        );
      } catch (error) {
        return { replyUrl: null, reactionAdded: false, failures: [asFailure(error, 'posting the reply')] };
      }
      if (isGraphqlResponseError(data)) {
        errors = data.errors ?? [];
        data = data.data;
      }
      const answer = reportAnswer.safeParse(data ?? {});
      const failures = errors.map((error) => graphqlFailure(error));
      const replyUrl = answer.success ? (answer.data.reply?.commentEdge?.node?.url ?? null) : null;
      const reactionAdded = answer.success && answer.data.reaction?.reaction != null;
      if (failures.length === 0 && ((body !== null && replyUrl === null) || (reaction !== null && !reactionAdded))) {
        failures.push(new ApiFailure('GitHub', 200, 'GitHub answered the report with data of an unexpected shape', 'check GITHUB_API_URL', true, false));
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
  reply: z.object({ commentEdge: z.object({ node: z.object({ url: z.string() }).nullish() }).nullish() }).nullish(),
  reaction: z.object({ reaction: z.object({ content: z.string() }).nullish() }).nullish(),
});

function isGraphqlResponseError(error: unknown): error is { errors?: GraphqlError[]; data?: unknown } {
  return error instanceof Error && error.name === 'GraphqlResponseError';
}

function graphqlFailure(error: GraphqlError): ApiFailure {
  const part = error.path?.[0] === 'reaction' ? 'adding the reaction' : 'posting the reply';
  const message = excerpt(error.message ?? 'unknown error');
  if (error.type === 'FORBIDDEN' || /not accessible by integration/i.test(message)) {
    return new ApiFailure('GitHub', 403, `GitHub refused ${part} (${message})`, PERMISSIONS_FIX, false, false);
  }
  return new ApiFailure('GitHub', 200, `GitHub failed ${part} (${message})`, 'see the message from GitHub', false, false);
}

const PERMISSIONS_FIX =
  'give the job `permissions: issues: write` and `pull-requests: write` (needed to react and reply), or set github-token to a token that has them';

function validate<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiFailure(
    'GitHub',
    200,
    `GitHub answered with ${what} of an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message})`,
    'check GITHUB_API_URL',
    false,
    false,
  );
}

function asFailure(error: unknown, what: string): ApiFailure {
  return error instanceof ApiFailure ? error : describe(error, what, false);
}

/** How long to wait before trying a failed idempotent request again, or null not to. */
function retryWait(error: unknown): number | null {
  if (!(error instanceof ApiFailure) || !error.transient) return null;
  return error.status === 429 ? 2_000 : 1_000;
}

/** Turns what Octokit throws into an ApiFailure, reading only safe fields. */
function describe(error: unknown, what: string, expired: boolean): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const response = (error as { response?: { status?: unknown; data?: unknown } })?.response;
  const status = typeof response?.status === 'number' ? response.status : null;
  if (status === null) return networkFailure('GitHub', error, what, expired);
  const data = response?.data;
  const message = excerpt(typeof data === 'object' && data && 'message' in data ? (data as { message: unknown }).message : data);
  const said = message ? `: ${message}` : '';
  const fail = (text: string, fix: string) => new ApiFailure('GitHub', status, text, fix, status >= 500, status === 429 || status >= 500);
  if (status === 401) return fail(`GitHub rejected the github-token (401${said})`, 'set github-token to a valid token, or leave it unset to use the workflow token');
  if (status === 403 && /rate limit/i.test(message)) return fail(`GitHub's rate limit was reached while ${what} (403${said})`, 'wait and comment again');
  if (status === 403) return fail(`GitHub refused ${what} (403${said})`, PERMISSIONS_FIX.replace('(needed to react and reply)', '(and `pull-requests: read`)'));
  if (status === 404) return fail(`GitHub found nothing while ${what} (404${said})`, 'check that the workflow runs on issue_comment in this repository');
  if (status === 429) return fail(`GitHub's rate limit was reached while ${what} (429)`, 'wait and comment again');
  if (status >= 500) return fail(`GitHub failed while ${what} (${status}${said})`, 'try again later');
  return fail(`GitHub refused ${what} (${status}${said})`, 'see the message from GitHub');
}

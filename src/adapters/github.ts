/**
 * The GitHub adapter: the only place that knows GitHub's paths, statuses, headers and retries, for one
 * command comment on one pull request. REST for the reads, the label and the first reaction; one GraphQL
 * mutation posts (or edits) the reply together with the reactions, so that a report is a single request.
 */
import * as z from 'zod/mini';
import type { Failure } from '../core/outcome.js';
import type { Reaction } from '../core/reply.js';
import { PERMISSION_LEVELS, type PermissionLevel } from '../core/trust.js';
import { excerpt, scrub } from '../core/text.js';
import type { Deadline, Edit, GitHubPort, Pull, Reported } from '../flow/ports.js';
import { PortError } from '../flow/ports.js';
import { describeIssue, type Trouble, unreadable } from './failure.js';
import {
  type GitHubOptions,
  githubRest,
  PERMISSIONS_FIX,
  READ_PERMISSION_FIX,
  READ_PULL_FIX,
  reactOn,
} from './github-rest.js';
import type { HttpAnswer } from './http.js';
import { json, READ_POLICY, type RetryPolicy, type Transport } from './request.js';
import { BRANCH } from '../patterns.js';

export type { GitHubOptions } from './github-rest.js';

/** The fields read from a pull request (exported, like permissionSchema, for the contract tests). */
export const pullSchema = z.pipe(
  z.object({
    head: z.object({
      sha: z.string().check(z.regex(/^[0-9a-f]{40,64}$/)),
      ref: z.string().check(z.regex(BRANCH)),
      repo: z.nullish(z.object({ full_name: z.string() })),
    }),
    base: z.object({ repo: z.object({ full_name: z.string() }) }),
    created_at: z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date')),
    state: z.string(),
    merged_at: z.nullish(z.string()),
  }),
  z.transform(
    (p): Pull => ({
      headSha: p.head.sha,
      headRef: p.head.ref,
      createdAt: p.created_at,
      open: p.state === 'open',
      merged: p.merged_at != null,
      fork: !p.head.repo || p.head.repo.full_name.toLowerCase() !== p.base.repo.full_name.toLowerCase(),
    }),
  ),
);

export const permissionSchema = z.pipe(
  z.object({
    // Required by GitHub's schema: an answer without it is not a permission answer.
    permission: z.string(),
    role_name: z.nullish(z.string()),
    user: z.nullish(z.object({ permissions: z.nullish(z.record(z.string(), z.unknown())) })),
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

function flags(permissions: Record<string, unknown> | null | undefined): string[] {
  if (!permissions) return [];
  return Object.entries(FLAG_LEVELS).flatMap(([flag, level]) => (permissions[flag] === true ? [level] : []));
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

const REACTION_CONTENT: Record<Reaction, string> = {
  eyes: 'EYES',
  rocket: 'ROCKET',
  confused: 'CONFUSED',
  hooray: 'HOORAY',
};

const mutationAnswer = z.record(
  z.string(),
  z.nullish(
    z.object({
      commentEdge: z.nullish(z.object({ node: z.nullish(z.object({ id: z.string(), url: z.string() })) })),
      issueComment: z.nullish(z.object({ id: z.string(), url: z.string() })),
      reaction: z.nullish(z.object({ content: z.string() })),
    }),
  ),
);

const graphqlBody = z.object({
  data: z.nullish(z.unknown()),
  errors: z.nullish(
    z.array(
      z.object({
        type: z.nullish(z.string()),
        message: z.nullish(z.string()),
        path: z.nullish(z.array(z.union([z.string(), z.number()]))),
      }),
    ),
  ),
});

/** GitHub for one phase of the run: every request keeps `deadline`. */
export function githubPort(options: GitHubOptions, deadline: Deadline): GitHubPort {
  const { secrets } = options;
  const { api, repoPath, rest } = githubRest(options, deadline);

  const parse =
    <T>(schema: z.ZodMiniType<T>, doing: string) =>
    (answer: HttpAnswer, t: Transport): T | Trouble => {
      const body = json(answer);
      if (body === undefined) return unreadable(t.words, doing, 'not-json');
      const parsed = z.safeParse(schema, body);
      return parsed.success ? parsed.data : unreadable(t.words, doing, describeIssue(parsed.error.issues[0], body));
    };

  /** One GraphQL mutation of several aliased parts: what each part did, and what failed. */
  const mutate = async (
    name: 'Report' | 'Edit',
    parts: readonly { alias: string; field: string; declare: string[]; variables: Record<string, string> }[],
    policy: RetryPolicy,
  ): Promise<{ data: z.output<typeof mutationAnswer>; failures: Failure[] }> => {
    const declared = parts.flatMap((part) => part.declare);
    const query = `mutation ${name}(${declared.join(', ')}) { ${parts.map((part) => `${part.alias}: ${part.field}`).join(' ')} }`;
    const variables = Object.assign({}, ...parts.map((part) => part.variables)) as Record<string, string>;
    const doing = name === 'Report' ? 'posting the reply' : 'editing the reply';
    const body = await rest(
      'POST',
      options.graphqlUrl.href,
      { query, variables },
      doing,
      PERMISSIONS_FIX,
      parse(graphqlBody, doing),
      policy,
    ).catch((error: unknown) => error);
    if (body instanceof PortError) return { data: {}, failures: [body.failure] };
    if (body instanceof Error) throw body;
    const answer = body as z.output<typeof graphqlBody>;
    const data = z.safeParse(mutationAnswer, answer.data ?? {});
    const failures = (answer.errors ?? []).map((error) => graphqlFailure(error, secrets, doing));
    return { data: data.success ? data.data : {}, failures };
  };

  const reactionParts = (reactions: readonly Reaction[]) =>
    reactions.map((content, i) => ({
      alias: `r${i}`,
      field: `addReaction(input: {subjectId: $comment, content: $c${i}}) { reaction { content } }`,
      declare: [...(i === 0 ? ['$comment: ID!'] : []), `$c${i}: ReactionContent!`],
      variables: { comment: options.commentNodeId, [`c${i}`]: REACTION_CONTENT[content] },
    }));

  const reported = (
    data: z.output<typeof mutationAnswer>,
    failures: Failure[],
    wanted: readonly Reaction[],
    replyAlias: string | null,
  ): Reported => {
    const replyPart = replyAlias ? data[replyAlias] : null;
    const node = replyPart?.commentEdge?.node ?? replyPart?.issueComment ?? null;
    const reply = node && /^https:\/\//.test(node.url) ? { id: node.id, url: node.url } : null;
    const reactions = wanted.filter((_, i) => data[`r${i}`]?.reaction != null);
    if (failures.length === 0 && ((replyAlias && !reply) || reactions.length < wanted.length)) {
      failures.push({
        service: 'GitHub',
        status: 200,
        what: "GitHub's answer to the reply could not be read, so it is not known whether the reply was posted",
        said: '',
        fix: 'look at the pull request; if this keeps happening, check GITHUB_API_URL',
      });
    }
    return { reply, reactions, failures };
  };

  return {
    react: (content) => reactOn(options, deadline, content),

    readPull: () =>
      rest(
        'GET',
        `${api}${repoPath}/pulls/${options.prNumber}`,
        undefined,
        'reading the pull request',
        READ_PULL_FIX,
        parse(pullSchema, 'reading the pull request'),
      ),

    async readPermission(login) {
      const doing = `reading @${login}'s permission`;
      try {
        return await rest(
          'GET',
          `${api}${repoPath}/collaborators/${encodeURIComponent(login)}/permission`,
          undefined,
          doing,
          READ_PERMISSION_FIX,
          parse(permissionSchema, doing),
        );
      } catch (error) {
        // GitHub answers 404 for an account that is no collaborator of a private repository (or no longer exists).
        if (error instanceof PortError && error.failure.status === 404) return 'none';
        throw error;
      }
    },

    async addLabel(label) {
      await rest(
        'POST',
        `${api}${repoPath}/issues/${options.prNumber}/labels`,
        { labels: [label] },
        `adding the ${label} label`,
        PERMISSIONS_FIX,
        () => true,
      );
    },

    async report({ body, reactions }) {
      const parts = [
        ...(body === null
          ? []
          : [
              {
                alias: 'reply',
                field: 'addComment(input: {subjectId: $subject, body: $body}) { commentEdge { node { id url } } }',
                declare: ['$subject: ID!', '$body: String!'],
                // Defence in depth: no secret, nor a fragment of one, is ever posted.
                variables: { subject: options.prNodeId, body: scrub(body, secrets) },
              },
            ]),
        ...reactionParts(reactions),
      ];
      if (parts.length === 0) return { reply: null, reactions: [], failures: [] };
      // Not repeated once it may have reached GitHub: the reply could be posted twice. A refused
      // connection, a 429 or a 503 mean GitHub did not act on it, so those are tried again.
      const { data, failures } = await mutate('Report', parts, REPORT_POLICY);
      return reported(data, failures, reactions, body === null ? null : 'reply');
    },

    async edit({ replyId, body, reactions }: Edit) {
      const editing = replyId !== null && body !== null;
      const parts = [
        ...(editing
          ? [
              {
                alias: 'edit',
                field: 'updateIssueComment(input: {id: $id, body: $body}) { issueComment { id url } }',
                declare: ['$id: ID!', '$body: String!'],
                variables: { id: replyId as string, body: scrub(body as string, secrets) },
              },
            ]
          : []),
        ...reactionParts(reactions),
      ];
      if (parts.length === 0) return { reply: null, reactions: [], failures: [] };
      // An edit to the same text, and a reaction already there, change nothing: safe to repeat.
      const { data, failures } = await mutate('Edit', parts, READ_POLICY);
      return reported(data, failures, reactions, editing ? 'edit' : null);
    },
  };
}

const REPORT_POLICY: RetryPolicy = {
  tries: 3,
  waitMs: (trouble) => {
    const status = trouble.failure.status;
    if (trouble.mayHaveReached && status !== 429 && status !== 503) return null;
    return READ_POLICY.waitMs(trouble);
  },
};

function graphqlFailure(
  error: { type?: string | null; message?: string | null; path?: readonly (string | number)[] | null },
  secrets: readonly string[],
  doing: string,
): Failure {
  const part = typeof error.path?.[0] === 'string' && /^r\d+$/.test(error.path[0]) ? 'adding the reaction' : doing;
  const said = excerpt(error.message ?? '', secrets);
  if (error.type === 'FORBIDDEN' || /not accessible by integration/i.test(said)) {
    return { service: 'GitHub', status: 403, what: `GitHub refused ${part}`, said, fix: PERMISSIONS_FIX };
  }
  return { service: 'GitHub', status: 200, what: `GitHub failed ${part}`, said, fix: 'see the message from GitHub' };
}

/**
 * The event: the workflow's `issue_comment` payload, validated once through zod into the facts the
 * core uses. Only the fields read are checked; where GitHub's webhook schema allows null or absence
 * (comment.user, user.type, issue.labels), so does this.
 */
import * as z from 'zod/mini';
import { COMMENTER_LOGIN, LOGIN, REPO_NAME } from './patterns.js';

export interface CommentEvent {
  readonly action: string;
  readonly isPullRequest: boolean;
  readonly prNumber: number;
  readonly prState: string;
  readonly prNodeId: string;
  readonly prAuthorAssociation: string;
  readonly labels: readonly string[];
  readonly commentId: number;
  readonly commentNodeId: string;
  readonly body: string;
  readonly commenterLogin: string;
  readonly commenterType: string | undefined;
  readonly commenterAssociation: string;
  readonly owner: string;
  readonly repo: string;
  /** `owner/repo`. */
  readonly repository: string;
  /** Whether the repository is private (or internal): decides whether GitHub's `read` means anything. */
  readonly repositoryIsPrivate: boolean;
}

export class EventError extends Error {
  override readonly name = 'EventError';
}

const user = z.pipe(
  z.nullish(z.object({ login: z.string().check(z.regex(COMMENTER_LOGIN)), type: z.optional(z.string()) })),
  z.transform((value) => value ?? { login: 'ghost', type: undefined }),
);

const labels = z.pipe(
  z.nullish(z.array(z.union([z.object({ name: z.string() }), z.string()]))),
  z.transform((list) => (list ?? []).map((label) => (typeof label === 'string' ? label : label.name))),
);

const payload = z.object({
  action: z.string(),
  issue: z.object({
    number: z.int().check(z.positive()),
    state: z.string(),
    node_id: z.string().check(z.minLength(1)),
    pull_request: z.nullish(z.looseObject({})),
    labels,
    author_association: z.string(),
  }),
  comment: z.object({
    id: z.int().check(z.positive()),
    node_id: z.string().check(z.minLength(1)),
    body: z.nullish(z.string()),
    user,
    author_association: z.string(),
  }),
  repository: z.object({
    name: z.string().check(z.regex(REPO_NAME)),
    owner: z.object({ login: z.string().check(z.regex(LOGIN)) }),
    private: z.optional(z.boolean()),
  }),
});

/** Parses the payload of an `issue_comment` event; a malformed one is an EventError naming the field. */
export function readCommentEvent(json: unknown): CommentEvent {
  const parsed = z.safeParse(payload, json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the payload';
    throw new EventError(
      `The issue_comment event payload is malformed at ${where} (${issue?.message ?? 'invalid'}); ` +
        'run this action from a workflow triggered by issue_comment.',
    );
  }
  const { issue, comment, repository } = parsed.data;
  return {
    action: parsed.data.action,
    isPullRequest: issue.pull_request != null,
    prNumber: issue.number,
    prState: issue.state,
    prNodeId: issue.node_id,
    prAuthorAssociation: issue.author_association,
    labels: issue.labels,
    commentId: comment.id,
    commentNodeId: comment.node_id,
    body: comment.body ?? '',
    commenterLogin: comment.user.login,
    commenterType: comment.user.type,
    commenterAssociation: comment.author_association,
    owner: repository.owner.login,
    repo: repository.name,
    repository: `${repository.owner.login}/${repository.name}`,
    // Absent in some recorded payloads: then the repository is taken as public, the stricter reading.
    repositoryIsPrivate: repository.private === true,
  };
}

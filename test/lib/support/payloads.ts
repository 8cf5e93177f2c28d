/**
 * issue_comment payloads derived from GitHub's recorded ones (@octokit/webhooks-examples), with the
 * PR, bot and association variants this project needs changed on a copy.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

/**
 * The recorded `issue_comment` example of an action, as GitHub sent it: the last one recorded, from a
 * repository of an organization (the first `created` one predates fields that GitHub's webhook schema now
 * requires, such as comment.reactions).
 */
export function recordedCommentPayload(action: 'created' | 'edited' | 'deleted' = 'created'): Record<string, any> {
  const event = examples.find((e) => e.name === 'issue_comment');
  const example = event?.examples.findLast((e) => e.action === action && e.organization !== undefined);
  if (!example) throw new Error(`no recorded issue_comment ${action} example`);
  return structuredClone(example) as Record<string, any>;
}

export interface CommentSpec {
  body: string;
  owner?: string;
  repo?: string;
  prNumber?: number;
  prNodeId?: string;
  commentId?: number;
  commentNodeId?: string;
  login?: string;
  userType?: 'User' | 'Bot' | 'Organization';
  association?: string;
  prAuthor?: string;
  prAuthorAssociation?: string;
  labels?: string[];
  state?: 'open' | 'closed';
  action?: 'created' | 'edited' | 'deleted';
  onPullRequest?: boolean;
  /** A private repository: sets repository.private (and repository.visibility). Default: public. */
  privateRepo?: boolean;
}

export function commentPayload(spec: CommentSpec): Record<string, any> {
  const payload = recordedCommentPayload(spec.action ?? 'created');
  const owner = spec.owner ?? 'octo-org';
  const repo = spec.repo ?? 'docs';
  const number = spec.prNumber ?? 42;
  const login = spec.login ?? 'alice';
  const apiRepo = `https://api.github.com/repos/${owner}/${repo}`;

  payload.repository.name = repo;
  payload.repository.full_name = `${owner}/${repo}`;
  payload.repository.owner.login = owner;
  if (payload.organization) payload.organization.login = owner;
  payload.repository.private = spec.privateRepo === true;
  if ('visibility' in payload.repository) payload.repository.visibility = spec.privateRepo ? 'private' : 'public';

  const issue = payload.issue;
  issue.number = number;
  issue.node_id = spec.prNodeId ?? `PR_kwDOpr${number}`;
  issue.state = spec.state ?? 'open';
  issue.url = `${apiRepo}/issues/${number}`;
  issue.html_url = `https://github.com/${owner}/${repo}/pull/${number}`;
  issue.user.login = spec.prAuthor ?? login;
  issue.author_association = spec.prAuthorAssociation ?? 'CONTRIBUTOR';
  issue.labels = (spec.labels ?? []).map((name, i) => ({
    id: 5000 + i,
    node_id: `LA_${i}`,
    url: `${apiRepo}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  }));
  if (spec.onPullRequest === false) {
    delete issue.pull_request;
  } else {
    issue.pull_request = {
      url: `${apiRepo}/pulls/${number}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
      diff_url: `https://github.com/${owner}/${repo}/pull/${number}.diff`,
      patch_url: `https://github.com/${owner}/${repo}/pull/${number}.patch`,
      merged_at: null,
    };
  }

  const comment = payload.comment;
  comment.id = spec.commentId ?? 1_234_567;
  comment.node_id = spec.commentNodeId ?? `IC_kwDO${comment.id.toString(36).toUpperCase()}`;
  comment.body = spec.body;
  comment.user.login = login;
  comment.user.type = spec.userType ?? (login.endsWith('[bot]') ? 'Bot' : 'User');
  comment.author_association = spec.association ?? 'NONE';
  comment.html_url = `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${comment.id}`;
  comment.issue_url = `${apiRepo}/issues/${number}`;
  payload.sender.login = login;
  payload.sender.type = comment.user.type;
  return payload;
}

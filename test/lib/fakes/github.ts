/**
 * A fake of GitHub's REST and GraphQL APIs on 127.0.0.1, for one repository: pull requests,
 * collaborator permissions, reactions and comments, with GitHub's error bodies. The REST answers are
 * built from the examples in GitHub's own REST description (@octokit/openapi), and every request and
 * answer is checked against that description (test/lib/contract).
 */
import {
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { contractHook } from '../contract/checker.js';
import { githubExample } from '../contract/specs.js';
import { FakeServer, type RecordedRequest, type Reply } from './server.js';

export interface FakePull {
  number: number;
  node_id: string;
  state: 'open' | 'closed';
  title: string;
  created_at: string;
  updated_at: string;
  author: string;
  head: { sha: string; ref: string; repoDeleted?: boolean };
}

export interface PostedComment {
  readonly id: number;
  readonly subjectId: string;
  readonly body: string;
  readonly login: string;
  readonly via: 'graphql' | 'rest';
}

export interface PostedReaction {
  readonly commentId: string;
  readonly content: string;
}

const DOCS = 'https://docs.github.com/rest';

export class FakeGitHub extends FakeServer {
  readonly pulls = new Map<number, FakePull>();
  /** Permission answers by login: the legacy `permission` and the `role_name`. */
  readonly permissions = new Map<string, { permission: string; role_name: string }>();
  readonly comments: PostedComment[] = [];
  readonly reactions: PostedReaction[] = [];
  /** Comment ids (REST) by node id, for the comments that the events are about. */
  readonly commentNodeIds = new Map<number, string>();
  /** When true, writes answer like a workflow token without `issues: write` / `pull-requests: write`. */
  forbidWrites = false;
  #nextId = 900_000_000;

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly token: string,
    readonly botLogin = 'github-actions[bot]',
  ) {
    super('GitHub');
    this.contract = contractHook('github');
    const base = `/repos/${owner}/${repo}`;
    this.route('GET', `${base}/pulls/:number`, (req, p) => this.#auth(req) ?? this.#pull(Number(p.number)));
    this.route(
      'GET',
      `${base}/collaborators/:username/permission`,
      (req, p) => this.#auth(req) ?? this.#permission(p.username as string),
    );
    this.route(
      'POST',
      `${base}/issues/comments/:id/reactions`,
      (req, p) => this.#auth(req) ?? this.#restReaction(req, Number(p.id)),
    );
    this.route(
      'POST',
      `${base}/issues/:number/comments`,
      (req, p) => this.#auth(req) ?? this.#restComment(req, Number(p.number)),
    );
    this.route('POST', '/graphql', (req) => this.#auth(req) ?? this.#graphql(req));
  }

  get apiUrl(): string {
    return this.origin;
  }

  addPull(pull: FakePull): FakePull {
    this.pulls.set(pull.number, pull);
    return pull;
  }

  /** Node id of an issue comment, as the event payload carries it. */
  commentNodeId(id: number): string {
    const nodeId = `IC_kwDO${id.toString(36).toUpperCase()}`;
    this.commentNodeIds.set(id, nodeId);
    return nodeId;
  }

  /** Reactions left on one comment (by REST id), in order. */
  reactionsOn(commentId: number): string[] {
    const nodeId = this.commentNodeIds.get(commentId);
    return this.reactions
      .filter((r) => r.commentId === nodeId || r.commentId === String(commentId))
      .map((r) => r.content);
  }

  override notFound(): Reply {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
  }

  #auth(req: RecordedRequest): Reply | null {
    const header = req.headers.authorization;
    if (header === `token ${this.token}` || header === `Bearer ${this.token}`) return null;
    return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
  }

  #forbidden(): Reply {
    return {
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}/reactions/reactions`,
        status: '403',
      },
    };
  }

  #pull(number: number): Reply {
    const pull = this.pulls.get(number);
    if (!pull) return this.notFound();
    const user = userObject(pull.author);
    const api = `https://api.github.com/repos/${this.owner}/${this.repo}`;
    const html = `https://github.com/${this.owner}/${this.repo}/pull/${number}`;
    const baseSha = 'f'.repeat(40);
    return {
      status: 200,
      body: {
        ...githubExample('pull-request'),
        url: `${api}/pulls/${number}`,
        id: 1_000_000 + number,
        node_id: pull.node_id,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        issue_url: `${api}/issues/${number}`,
        commits_url: `${api}/pulls/${number}/commits`,
        review_comments_url: `${api}/pulls/${number}/comments`,
        review_comment_url: `${api}/pulls/comments{/number}`,
        comments_url: `${api}/issues/${number}/comments`,
        statuses_url: `${api}/statuses/${pull.head.sha}`,
        number,
        state: pull.state,
        locked: false,
        title: pull.title,
        user,
        body: null,
        labels: [],
        milestone: null,
        active_lock_reason: null,
        created_at: pull.created_at,
        updated_at: pull.updated_at,
        closed_at: pull.state === 'closed' ? pull.updated_at : null,
        merged_at: null,
        merge_commit_sha: null,
        assignee: null,
        assignees: [],
        requested_reviewers: [],
        requested_teams: [],
        head: {
          label: `${pull.author}:${pull.head.ref}`,
          ref: pull.head.ref,
          sha: pull.head.sha,
          user,
          // null when the fork was deleted, as GitHub sends it (see test/lib/contract/exceptions.ts)
          repo: pull.head.repoDeleted
            ? null
            : repository(pull.author, this.repo, { fork: true, id: 4243, node_id: 'R_kgDOfork' }),
        },
        base: {
          label: `${this.owner}:main`,
          ref: 'main',
          sha: baseSha,
          user: userObject(this.owner),
          repo: repository(this.owner, this.repo),
        },
        _links: {
          self: { href: `${api}/pulls/${number}` },
          html: { href: html },
          issue: { href: `${api}/issues/${number}` },
          comments: { href: `${api}/issues/${number}/comments` },
          review_comments: { href: `${api}/pulls/${number}/comments` },
          review_comment: { href: `${api}/pulls/comments{/number}` },
          commits: { href: `${api}/pulls/${number}/commits` },
          statuses: { href: `${api}/statuses/${pull.head.sha}` },
        },
        author_association: 'CONTRIBUTOR',
        auto_merge: null,
        draft: false,
        merged: false,
        mergeable: null,
        rebaseable: null,
        mergeable_state: 'unknown',
        merged_by: null,
        comments: 0,
        review_comments: 0,
        maintainer_can_modify: false,
        commits: 1,
        additions: 1,
        deletions: 0,
        changed_files: 1,
      },
    };
  }

  #permission(login: string): Reply {
    const grant = this.permissions.get(login.toLowerCase());
    if (!grant) {
      // GitHub answers `read` for a public repository's non-collaborators, with no role beyond it.
      return { status: 200, body: { permission: 'read', role_name: 'read', user: collaborator(login, 'read') } };
    }
    return { status: 200, body: { ...grant, user: collaborator(login, grant.role_name) } };
  }

  #restReaction(req: RecordedRequest, commentId: number): Reply {
    if (this.forbidWrites) return this.#forbidden();
    const { content } = JSON.parse(req.body || '{}') as { content?: string };
    if (!content || !['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'].includes(content)) {
      return { status: 422, body: { message: 'Validation Failed', documentation_url: DOCS, status: '422' } };
    }
    const nodeId = this.commentNodeIds.get(commentId) ?? String(commentId);
    const existing = this.reactions.find((r) => r.commentId === nodeId && r.content === content);
    if (!existing) this.reactions.push({ commentId: nodeId, content });
    return { status: existing ? 200 : 201, body: reaction(this.#nextId++, content, this.botLogin) };
  }

  #restComment(req: RecordedRequest, number: number): Reply {
    if (this.forbidWrites) return this.#forbidden();
    const pull = this.pulls.get(number);
    if (!pull) return this.notFound();
    const { body } = JSON.parse(req.body || '{}') as { body?: string };
    const id = this.#nextId++;
    this.comments.push({ id, subjectId: pull.node_id, body: body ?? '', login: this.botLogin, via: 'rest' });
    const api = `https://api.github.com/repos/${this.owner}/${this.repo}`;
    const now = new Date().toISOString();
    return {
      status: 201,
      body: {
        ...githubExample('issue-comment'),
        id,
        node_id: `IC_${id}`,
        url: `${api}/issues/comments/${id}`,
        html_url: `https://github.com/${this.owner}/${this.repo}/pull/${number}#issuecomment-${id}`,
        issue_url: `${api}/issues/${number}`,
        body: body ?? '',
        user: userObject(this.botLogin),
        created_at: now,
        updated_at: now,
        author_association: 'NONE',
      },
    };
  }

  #graphql(req: RecordedRequest): Reply {
    let query: string;
    let variables: Record<string, unknown>;
    try {
      ({ query, variables = {} } = JSON.parse(req.body) as { query: string; variables?: Record<string, unknown> });
    } catch {
      return {
        status: 400,
        body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' },
      };
    }
    let operation: OperationDefinitionNode;
    try {
      const document = parse(query);
      operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      ) as OperationDefinitionNode;
    } catch (error) {
      return { status: 200, body: { errors: [{ message: String((error as Error).message) }] } };
    }
    const data: Record<string, unknown> = {};
    const errors: unknown[] = [];
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const input = argument(selection, 'input', variables) as Record<string, string> | undefined;
      if (
        operation.operation !== 'mutation' ||
        !['addComment', 'addReaction'].includes(selection.name.value) ||
        !input
      ) {
        errors.push({
          path: [key],
          message: `Field '${selection.name.value}' doesn't exist on type '${operation.operation === 'mutation' ? 'Mutation' : 'Query'}'`,
        });
        data[key] = null;
        continue;
      }
      if (this.forbidWrites) {
        errors.push({ type: 'FORBIDDEN', path: [key], message: 'Resource not accessible by integration' });
        data[key] = null;
        continue;
      }
      const result = selection.name.value === 'addComment' ? this.#addComment(input) : this.#addReaction(input);
      if ('error' in result) {
        errors.push({ type: 'NOT_FOUND', path: [key], message: result.error });
        data[key] = null;
      } else {
        data[key] = project(result.value, selection.selectionSet);
      }
    }
    return { status: 200, body: errors.length ? { data, errors } : { data } };
  }

  #addComment(input: Record<string, string>): { value: unknown } | { error: string } {
    const pull = [...this.pulls.values()].find((p) => p.node_id === input.subjectId);
    if (!pull) return { error: `Could not resolve to a node with the global id of '${input.subjectId}'` };
    const id = this.#nextId++;
    this.comments.push({ id, subjectId: pull.node_id, body: input.body ?? '', login: this.botLogin, via: 'graphql' });
    const url = `https://github.com/${this.owner}/${this.repo}/pull/${pull.number}#issuecomment-${id}`;
    return {
      value: {
        clientMutationId: null,
        commentEdge: { node: { id: `IC_${id}`, url, body: input.body } },
        subject: { id: pull.node_id },
      },
    };
  }

  #addReaction(input: Record<string, string>): { value: unknown } | { error: string } {
    if (![...this.commentNodeIds.values()].includes(input.subjectId ?? '')) {
      return { error: `Could not resolve to a node with the global id of '${input.subjectId}'` };
    }
    const content = String(input.content).toLowerCase().replace('thumbs_up', '+1').replace('thumbs_down', '-1');
    if (!this.reactions.some((r) => r.commentId === input.subjectId && r.content === content)) {
      this.reactions.push({ commentId: input.subjectId as string, content });
    }
    return {
      value: {
        clientMutationId: null,
        reaction: { id: `REA_${this.#nextId++}`, content: input.content },
        subject: { id: input.subjectId },
      },
    };
  }
}

function argument(field: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? valueOf(arg.value, variables) : undefined;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    default:
      return node.value;
  }
}

/** Keeps only the selected fields, as a GraphQL server answers. */
function project(value: unknown, selectionSet: SelectionSetNode | undefined): unknown {
  if (!selectionSet || value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = selection.alias?.value ?? selection.name.value;
    out[key] = project(source[selection.name.value] ?? null, selection.selectionSet);
  }
  return out;
}

/** A user as GitHub's REST API shows one (simple-user), made from the spec's example. */
export function userObject(login: string): Record<string, unknown> {
  const bot = login.endsWith('[bot]');
  const example = githubExample('repository-collaborator-permission-response-if-user-has-admin-permissions')
    .user as Record<string, unknown>;
  const path = encodeURIComponent(login);
  const user = JSON.parse(
    JSON.stringify(example)
      .replace(/\/users\/octocat\b/g, `/users/${path}`)
      .replace(/github\.com\/octocat\b/g, `github.com/${path}`),
  );
  return {
    ...user,
    login,
    id: 10_000 + [...login].reduce((n, c) => n + c.charCodeAt(0), 0),
    node_id: `U_${login.replace(/\W/g, '')}`,
    avatar_url: 'https://avatars.githubusercontent.com/u/1?v=4',
    type: bot ? 'Bot' : 'User',
    site_admin: false,
  };
}

/** The permission answer's `user`: a collaborator with the flags of a role. */
function collaborator(login: string, role: string): Record<string, unknown> {
  return { ...userObject(login), permissions: flagsFor(role), role_name: role };
}

/** A repository as GitHub's REST API shows one, made from the spec's example. */
function repository(owner: string, repo: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const example = githubExample('pull-request').base.repo as Record<string, unknown>;
  const renamed = JSON.parse(JSON.stringify(example).replaceAll('octocat/Hello-World', `${owner}/${repo}`));
  return {
    ...renamed,
    id: 4242,
    node_id: 'R_kgDOrepo',
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: userObject(owner),
    fork: false,
    ...overrides,
  };
}

function reaction(id: number, content: string, login: string): Record<string, unknown> {
  return { id, node_id: `REA_${id}`, user: userObject(login), content, created_at: new Date().toISOString() };
}

function flagsFor(role: string): Record<string, boolean> {
  const rank = ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role);
  return { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 };
}

/**
 * A fake of GitHub's REST and GraphQL APIs on 127.0.0.1, for one repository: pull requests (same-repository,
 * fork, deleted fork, closed, merged), labels, collaborator permissions (public or private repository),
 * reactions and comments (posted and edited, with their history), with GitHub's error bodies and rate-limit
 * headers. The REST answers are built from the examples in GitHub's own REST description (@octokit/openapi),
 * and every request and answer is checked against that description, GraphQL against GitHub's public schema
 * (test/lib/contract).
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
  /** A merged PR is closed, with merged_at (its updated_at) and merged: true. */
  merged?: boolean;
  title: string;
  created_at: string;
  updated_at: string;
  author: string;
  /**
   * The head: by default a branch of this repository (head.repo is the base repository); `fork` makes it
   * `<author>/<repo>` (fork: true); `repoDeleted` makes head.repo null, as GitHub sends it for a deleted fork.
   */
  head: { sha: string; ref: string; fork?: boolean; repoDeleted?: boolean };
  /** The names of the PR's labels, as the pull read and the labels API show them. */
  labels: string[];
}

/** What addPull takes: labels default to none. */
export type PullSpec = Omit<FakePull, 'labels'> & { labels?: string[] };

export interface RepoLabel {
  readonly id: number;
  readonly name: string;
  readonly color: string;
  readonly description: string | null;
}

export interface PostedComment {
  readonly id: number;
  /** The GraphQL node id (`IC_…`), as addComment and the REST answer give it. */
  readonly nodeId: string;
  readonly subjectId: string;
  /** The body as it is now (after the edits, if any). */
  body: string;
  /** The body as first posted. */
  readonly posted: string;
  /** The bodies after each edit, in order. */
  readonly edits: string[];
  readonly login: string;
  readonly via: 'graphql' | 'rest';
  readonly createdAt: string;
  updatedAt: string;
}

export interface CommentEdit {
  readonly commentId: number;
  readonly body: string;
  readonly via: 'graphql' | 'rest';
}

export interface PostedReaction {
  readonly commentId: string;
  readonly content: string;
}

const DOCS = 'https://docs.github.com/rest';

export class FakeGitHub extends FakeServer {
  readonly pulls = new Map<number, FakePull>();
  /** The repository's labels, by lower-cased name (GitHub's label names are unique without regard to case). */
  readonly labels = new Map<string, RepoLabel>();
  /** Permission answers by login: the legacy `permission` and the `role_name`. */
  readonly permissions = new Map<string, { permission: string; role_name: string }>();
  readonly comments: PostedComment[] = [];
  /** Every edit of a posted comment, in order (REST and GraphQL). */
  readonly edits: CommentEdit[] = [];
  readonly reactions: PostedReaction[] = [];
  /** Comment ids (REST) by node id, for the comments that the events are about. */
  readonly commentNodeIds = new Map<number, string>();
  /** When true, writes answer like a workflow token without `issues: write` / `pull-requests: write`. */
  forbidWrites = false;
  /**
   * Called when a comment is posted (REST or GraphQL) and awaited before the answer is sent: lets a test act
   * while the poster waits, e.g. edit the new reply over HTTP as a later step of the same run would.
   */
  onComment: ((comment: PostedComment) => void | Promise<void>) | null = null;
  /**
   * A private repository: the permission API answers 404 for a login without a grant (on a public one it
   * answers `read`), and the repository objects say `private: true`.
   */
  privateRepo = false;
  /** The REST rate limit (x-ratelimit-* on every answer); decremented per request, never below 0. */
  rateLimit = { limit: 5000, remaining: 5000, resetAt: Math.ceil(Date.now() / 1000) + 3600 };
  #nextId = 900_000_000;
  readonly #limitHeaders = new WeakMap<RecordedRequest, Record<string, string>>();

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
      'PATCH',
      `${base}/issues/comments/:id`,
      (req, p) => this.#auth(req) ?? this.#restEditComment(req, Number(p.id)),
    );
    this.route(
      'POST',
      `${base}/issues/:number/comments`,
      (req, p) => this.#auth(req) ?? this.#restComment(req, Number(p.number)),
    );
    this.route(
      'POST',
      `${base}/issues/:number/labels`,
      (req, p) => this.#auth(req) ?? this.#addLabels(req, Number(p.number)),
    );
    this.route('POST', '/graphql', async (req) => this.#auth(req) ?? (await this.#graphql(req)));
  }

  get apiUrl(): string {
    return this.origin;
  }

  addPull(spec: PullSpec): FakePull {
    const pull: FakePull = { ...spec, labels: [...(spec.labels ?? [])] };
    for (const name of pull.labels) this.#repoLabel(name);
    this.pulls.set(pull.number, pull);
    return pull;
  }

  /** A repository label (found case-insensitively, or created with GitHub's defaults). */
  addLabel(name: string, color = 'ededed', description: string | null = null): RepoLabel {
    return this.#repoLabel(name, color, description);
  }

  /** Node id of an issue comment, as the event payload carries it. */
  commentNodeId(id: number): string {
    const nodeId = nodeIdOf(id);
    this.commentNodeIds.set(id, nodeId);
    return nodeId;
  }

  /** Reactions left on one comment (by REST id), in order. */
  reactionsOn(commentId: number): string[] {
    const nodeId = this.commentNodeIds.get(commentId) ?? this.comments.find((c) => c.id === commentId)?.nodeId;
    return this.reactions
      .filter((r) => r.commentId === nodeId || r.commentId === String(commentId))
      .map((r) => r.content);
  }

  override notFound(): Reply {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
  }

  protected override arrived(request: RecordedRequest): void {
    const limit = this.rateLimit;
    limit.remaining = Math.max(limit.remaining - 1, 0);
    this.#limitHeaders.set(request, {
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-remaining': String(limit.remaining),
      'x-ratelimit-reset': String(limit.resetAt),
      'x-ratelimit-used': String(limit.limit - limit.remaining),
      'x-ratelimit-resource': request.path === '/graphql' ? 'graphql' : 'core',
    });
  }

  protected override headersFor(request: RecordedRequest): Record<string, string> {
    return this.#limitHeaders.get(request) ?? {};
  }

  #auth(req: RecordedRequest): Reply | null {
    const header = req.headers.authorization;
    if (header === `token ${this.token}` || header === `Bearer ${this.token}`) return null;
    return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
  }

  #forbidden(docs = `${DOCS}/reactions/reactions`): Reply {
    return {
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: docs, status: '403' },
    };
  }

  #repoLabel(name: string, color = 'ededed', description: string | null = null): RepoLabel {
    const key = name.toLowerCase();
    let label = this.labels.get(key);
    if (!label) {
      label = { id: 7_000_000 + this.labels.size, name, color, description };
      this.labels.set(key, label);
    }
    return label;
  }

  #labelObject(name: string): Record<string, unknown> {
    const label = this.#repoLabel(name);
    return {
      id: label.id,
      node_id: `LA_kwDO${label.id.toString(36).toUpperCase()}`,
      url: `https://api.github.com/repos/${this.owner}/${this.repo}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: label.description,
      color: label.color,
      default: false,
    };
  }

  #pull(number: number): Reply {
    const pull = this.pulls.get(number);
    if (!pull) return this.notFound();
    const user = userObject(pull.author);
    const api = `https://api.github.com/repos/${this.owner}/${this.repo}`;
    const html = `https://github.com/${this.owner}/${this.repo}/pull/${number}`;
    const baseSha = 'f'.repeat(40);
    const merged = pull.merged === true;
    const closed = merged || pull.state === 'closed';
    const fork = pull.head.fork === true || pull.head.repoDeleted === true;
    const baseRepo = repository(this.owner, this.repo, { private: this.privateRepo });
    const headRepo = pull.head.repoDeleted
      ? null // as GitHub sends it for a deleted fork (see test/lib/contract/exceptions.ts)
      : fork
        ? repository(pull.author, this.repo, { fork: true, id: 4243, node_id: 'R_kgDOfork', private: this.privateRepo })
        : baseRepo;
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
        state: closed ? 'closed' : 'open',
        locked: false,
        title: pull.title,
        user,
        body: null,
        labels: pull.labels.map((name) => this.#labelObject(name)),
        milestone: null,
        active_lock_reason: null,
        created_at: pull.created_at,
        updated_at: pull.updated_at,
        closed_at: closed ? pull.updated_at : null,
        merged_at: merged ? pull.updated_at : null,
        merge_commit_sha: merged ? 'e'.repeat(40) : null,
        assignee: null,
        assignees: [],
        requested_reviewers: [],
        requested_teams: [],
        head: {
          label: `${fork ? pull.author : this.owner}:${pull.head.ref}`,
          ref: pull.head.ref,
          sha: pull.head.sha,
          user: fork ? user : userObject(this.owner),
          repo: headRepo,
        },
        base: {
          label: `${this.owner}:main`,
          ref: 'main',
          sha: baseSha,
          user: userObject(this.owner),
          repo: baseRepo,
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
        merged,
        mergeable: null,
        rebaseable: null,
        mergeable_state: 'unknown',
        merged_by: merged ? userObject(this.owner) : null,
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
      // A private repository's non-collaborators get 404; a public one's get `read`, with no role beyond it.
      if (this.privateRepo) return this.notFound();
      return { status: 200, body: { permission: 'read', role_name: 'read', user: collaborator(login, 'read') } };
    }
    return { status: 200, body: { ...grant, user: collaborator(login, grant.role_name) } };
  }

  #addLabels(req: RecordedRequest, number: number): Reply {
    if (this.forbidWrites) return this.#forbidden(`${DOCS}/issues/labels#add-labels-to-an-issue`);
    const pull = this.pulls.get(number);
    if (!pull) return this.notFound();
    let names: string[] | null = null;
    try {
      const body = JSON.parse(req.body || 'null') as unknown;
      const list = Array.isArray(body) ? body : (body as { labels?: unknown } | null)?.labels;
      if (Array.isArray(list) && list.length > 0) {
        names = list.map((item) => (typeof item === 'string' ? item : (item as { name?: unknown })?.name)) as string[];
        if (names.some((name) => typeof name !== 'string' || name.length === 0)) names = null;
      }
    } catch {
      names = null;
    }
    if (!names) {
      return { status: 422, body: { message: 'Validation Failed', documentation_url: DOCS, status: '422' } };
    }
    for (const name of names) {
      const label = this.#repoLabel(name);
      if (!pull.labels.some((own) => own.toLowerCase() === label.name.toLowerCase())) pull.labels.push(label.name);
    }
    return { status: 200, body: pull.labels.map((name) => this.#labelObject(name)) };
  }

  #restReaction(req: RecordedRequest, commentId: number): Reply {
    if (this.forbidWrites) return this.#forbidden();
    const { content } = JSON.parse(req.body || '{}') as { content?: string };
    if (!content || !['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'].includes(content)) {
      return { status: 422, body: { message: 'Validation Failed', documentation_url: DOCS, status: '422' } };
    }
    const nodeId =
      this.commentNodeIds.get(commentId) ?? this.comments.find((c) => c.id === commentId)?.nodeId ?? String(commentId);
    const existing = this.reactions.find((r) => r.commentId === nodeId && r.content === content);
    if (!existing) this.reactions.push({ commentId: nodeId, content });
    return { status: existing ? 200 : 201, body: reaction(this.#nextId++, content, this.botLogin) };
  }

  #post(pull: FakePull, body: string, via: 'graphql' | 'rest'): PostedComment {
    const id = this.#nextId++;
    const now = new Date().toISOString();
    const comment: PostedComment = {
      id,
      nodeId: nodeIdOf(id),
      subjectId: pull.node_id,
      body,
      posted: body,
      edits: [],
      login: this.botLogin,
      via,
      createdAt: now,
      updatedAt: now,
    };
    this.comments.push(comment);
    return comment;
  }

  #edit(comment: PostedComment, body: string, via: 'graphql' | 'rest'): void {
    comment.body = body;
    comment.edits.push(body);
    comment.updatedAt = new Date().toISOString();
    this.edits.push({ commentId: comment.id, body, via });
  }

  #restCommentBody(comment: PostedComment): Record<string, unknown> {
    const api = `https://api.github.com/repos/${this.owner}/${this.repo}`;
    const pull = [...this.pulls.values()].find((p) => p.node_id === comment.subjectId);
    const number = pull?.number ?? 0;
    return {
      ...githubExample('issue-comment'),
      id: comment.id,
      node_id: comment.nodeId,
      url: `${api}/issues/comments/${comment.id}`,
      html_url: this.#commentUrl(comment),
      issue_url: `${api}/issues/${number}`,
      body: comment.body,
      user: userObject(comment.login),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: 'NONE',
    };
  }

  #commentUrl(comment: PostedComment): string {
    const pull = [...this.pulls.values()].find((p) => p.node_id === comment.subjectId);
    return `https://github.com/${this.owner}/${this.repo}/pull/${pull?.number ?? 0}#issuecomment-${comment.id}`;
  }

  async #restComment(req: RecordedRequest, number: number): Promise<Reply> {
    if (this.forbidWrites) return this.#forbidden();
    const pull = this.pulls.get(number);
    if (!pull) return this.notFound();
    const { body } = JSON.parse(req.body || '{}') as { body?: string };
    const comment = this.#post(pull, body ?? '', 'rest');
    await this.onComment?.(comment);
    return { status: 201, body: this.#restCommentBody(comment) };
  }

  #restEditComment(req: RecordedRequest, id: number): Reply {
    if (this.forbidWrites) return this.#forbidden(`${DOCS}/issues/comments#update-an-issue-comment`);
    const comment = this.comments.find((c) => c.id === id);
    if (!comment) return this.notFound();
    const { body } = JSON.parse(req.body || '{}') as { body?: unknown };
    if (typeof body !== 'string') {
      return { status: 422, body: { message: 'Validation Failed', documentation_url: DOCS, status: '422' } };
    }
    this.#edit(comment, body, 'rest');
    return { status: 200, body: this.#restCommentBody(comment) };
  }

  async #graphql(req: RecordedRequest): Promise<Reply> {
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
    const postedFrom = this.comments.length;
    const mutations: Record<string, (input: Record<string, string>) => { value: unknown } | { error: string }> = {
      addComment: (input) => this.#addComment(input),
      addReaction: (input) => this.#addReaction(input),
      updateIssueComment: (input) => this.#updateIssueComment(input),
    };
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const input = argument(selection, 'input', variables) as Record<string, string> | undefined;
      const mutation = operation.operation === 'mutation' ? mutations[selection.name.value] : undefined;
      if (!mutation || !input) {
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
      const result = mutation(input);
      if ('error' in result) {
        errors.push({ type: 'NOT_FOUND', path: [key], message: result.error });
        data[key] = null;
      } else {
        data[key] = project(result.value, selection.selectionSet);
      }
    }
    for (const comment of this.comments.slice(postedFrom)) await this.onComment?.(comment);
    return { status: 200, body: errors.length ? { data, errors } : { data } };
  }

  /** A posted comment as GraphQL's IssueComment, with every non-null scalar the schema declares. */
  #commentNode(comment: PostedComment): Record<string, unknown> {
    const url = this.#commentUrl(comment);
    return {
      id: comment.nodeId,
      databaseId: comment.id,
      url,
      resourcePath: new URL(url).pathname + new URL(url).hash,
      body: comment.body,
      bodyText: comment.body,
      bodyHTML: `<p>${comment.body.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)}</p>`,
      createdAt: comment.createdAt,
      updatedAt: comment.updatedAt,
      lastEditedAt: comment.edits.length ? comment.updatedAt : null,
      publishedAt: comment.createdAt,
      includesCreatedEdit: comment.edits.length > 0,
      authorAssociation: 'NONE',
      createdViaEmail: false,
      isMinimized: false,
      minimizedReason: null,
      viewerCanDelete: true,
      viewerCanMinimize: true,
      viewerCanReact: true,
      viewerCanUpdate: true,
      viewerCannotUpdateReasons: [],
      viewerDidAuthor: true,
      author: {
        login: comment.login,
        url: `https://github.com/apps/${comment.login.replace(/\[bot\]$/, '')}`,
        avatarUrl: 'https://avatars.githubusercontent.com/in/15368?v=4',
        resourcePath: `/apps/${comment.login.replace(/\[bot\]$/, '')}`,
      },
    };
  }

  #addComment(input: Record<string, string>): { value: unknown } | { error: string } {
    const pull = [...this.pulls.values()].find((p) => p.node_id === input.subjectId);
    if (!pull) return { error: `Could not resolve to a node with the global id of '${input.subjectId}'` };
    const comment = this.#post(pull, input.body ?? '', 'graphql');
    return {
      value: {
        clientMutationId: input.clientMutationId ?? null,
        commentEdge: {
          cursor: Buffer.from(`cursor:${comment.id}`).toString('base64'),
          node: this.#commentNode(comment),
        },
        subject: { id: pull.node_id },
      },
    };
  }

  #updateIssueComment(input: Record<string, string>): { value: unknown } | { error: string } {
    const comment = this.comments.find((c) => c.nodeId === input.id);
    if (!comment) return { error: `Could not resolve to a node with the global id of '${input.id}'` };
    this.#edit(comment, input.body ?? '', 'graphql');
    return { value: { clientMutationId: input.clientMutationId ?? null, issueComment: this.#commentNode(comment) } };
  }

  #addReaction(input: Record<string, string>): { value: unknown } | { error: string } {
    const subject = input.subjectId ?? '';
    if (![...this.commentNodeIds.values()].includes(subject) && !this.comments.some((c) => c.nodeId === subject)) {
      return { error: `Could not resolve to a node with the global id of '${input.subjectId}'` };
    }
    const content = String(input.content).toLowerCase().replace('thumbs_up', '+1').replace('thumbs_down', '-1');
    if (!this.reactions.some((r) => r.commentId === subject && r.content === content)) {
      this.reactions.push({ commentId: subject, content });
    }
    return {
      value: {
        clientMutationId: input.clientMutationId ?? null,
        reaction: { id: `REA_${this.#nextId++}`, content: input.content, createdAt: new Date().toISOString() },
        subject: { id: subject },
      },
    };
  }
}

/** The node id of an issue comment with this REST id. */
function nodeIdOf(id: number): string {
  return `IC_kwDO${id.toString(36).toUpperCase()}`;
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

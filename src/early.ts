/**
 * The 👀 sent by the shell, before the rest of the action (zod among it) is loaded: people watch the PR for
 * it. It goes out only when the comment is a command whatever the rest decides: a created comment on an
 * open PR, not by an untrusted bot, whose first command line is a bare command word, with a usable GitHub
 * token, no dry run, no handoff and no organization map (which could make the comment `ignored`). Every
 * value read here is checked against the same patterns the zod schemas use; src/main.ts reads them all again
 * through zod, and whatever it decides, a command that got this reaction is never also reacted to twice.
 */
import { readFileSync } from 'node:fs';
import { COMMAND_SHAPE } from './core/command.js';
import type { Failure } from './core/outcome.js';
import { screenComment } from './core/screen.js';
import type { Clock } from './flow/ports.js';
import { reactOn } from './adapters/github-rest.js';
import { PortError } from './flow/ports.js';
import { type Env, inputOf, secretsOf } from './toolkit.js';
import { COMMENTER_LOGIN, LOGIN, REPO_NAME } from './patterns.js';

/** What became of the early reaction: null when it was added, else why not. */
export type Early = Promise<Failure | null>;

const APP = /^[a-z0-9][a-z0-9-]{0,98}$/i;
/** A line of the organization-wide map (`owner/repo: site`). */
const MAP_LINE = /^[ \t]*[^\s:]+\/[^\s:]+[ \t]*:/m;

const input = (env: Env, name: string) => inputOf(env, name) ?? '';

/** Sends 👀 when the comment is certainly a command; null when that is not certain (main then decides). */
export function acknowledgeEarly(env: Env, clock: Clock, userAgent: string): Early | null {
  if (env.GITHUB_EVENT_NAME !== 'issue_comment' || !env.GITHUB_EVENT_PATH) return null;
  if (input(env, 'handoff') || input(env, 'dry-run').toLowerCase() !== 'false') return null;
  if (MAP_LINE.test(input(env, 'site-id'))) return null;
  const token = input(env, 'github-token');
  if (!token || /\s/.test(token)) return null;
  const words = {
    retest: input(env, 'retest-command'),
    rebuild: input(env, 'rebuild-command'),
    okToTest: input(env, 'ok-to-test-command') || null,
  };
  if (![words.retest, words.rebuild, words.okToTest ?? '/x'].every((word) => COMMAND_SHAPE.test(word))) return null;
  const apps = input(env, 'trusted-apps')
    .split(/[,\n]/)
    .map((app) => app.trim().replace(/\[bot\]$/i, ''))
    .filter(Boolean);
  if (!apps.every((app) => APP.test(app))) return null;

  const event = payload(env.GITHUB_EVENT_PATH);
  if (!event) return null;

  const screened = screenComment('issue_comment', () => event.facts, words, apps);
  if (screened.kind !== 'command' || screened.lines[0]?.site !== null) return null;
  const api =
    env.GITHUB_API_URL && URL.canParse(env.GITHUB_API_URL)
      ? new URL(env.GITHUB_API_URL)
      : new URL('https://api.github.com');
  if (api.protocol !== 'https:' && api.protocol !== 'http:') return null;
  const options = {
    token,
    apiUrl: api,
    owner: event.owner,
    repo: event.repo,
    commentId: event.commentId,
    userAgent,
    clock,
    secrets: secretsOf(env),
  };
  return reactOn(options, { endsAt: clock.now() + 15_000 }, 'eyes').then(
    () => null,
    (error: unknown): Failure =>
      error instanceof PortError
        ? error.failure
        : {
            service: 'GitHub',
            status: null,
            what: 'the eyes reaction failed unexpectedly',
            said: '',
            fix: 'try again later',
          },
  );
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

/** The few fields of the payload that the screening and the reaction need, each checked, or null. */
function payload(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  const p = json as {
    action?: unknown;
    issue?: {
      number?: unknown;
      node_id?: unknown;
      state?: unknown;
      pull_request?: unknown;
      author_association?: unknown;
    };
    comment?: {
      id?: unknown;
      node_id?: unknown;
      body?: unknown;
      user?: { login?: unknown; type?: unknown } | null;
      author_association?: unknown;
    };
    repository?: { name?: unknown; owner?: { login?: unknown } };
  } | null;
  const id = p?.comment?.id;
  const login = p?.comment?.user?.login;
  const owner = p?.repository?.owner?.login;
  const repo = p?.repository?.name;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
  if (typeof login !== 'string' || !COMMENTER_LOGIN.test(login)) return null;
  if (typeof owner !== 'string' || !LOGIN.test(owner) || typeof repo !== 'string' || !REPO_NAME.test(repo)) return null;
  if (typeof p?.action !== 'string' || typeof p.issue?.state !== 'string' || typeof p.comment?.body !== 'string')
    return null;
  // Fields src/event.ts requires too: a payload it would refuse as malformed gets no reaction here either.
  const number = p.issue.number;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) return null;
  if (!nonEmpty(p.issue.node_id) || !nonEmpty(p.comment.node_id)) return null;
  if (typeof p.issue.author_association !== 'string' || typeof p.comment.author_association !== 'string') return null;
  const type = p.comment.user?.type;
  return {
    owner,
    repo,
    commentId: id,
    facts: {
      action: p.action,
      isPullRequest: p.issue.pull_request != null,
      prState: p.issue.state,
      body: p.comment.body,
      commenterLogin: login,
      commenterType: typeof type === 'string' ? type : undefined,
    },
  };
}

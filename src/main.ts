/**
 * The entry: reads the inputs and the event, runs the command, reports. `run` takes the environment and
 * the toolkit, so that tests call it in-process; src/index.ts is the shell that calls it.
 */
import { readFileSync } from 'node:fs';
import { githubPort } from './adapters/github.js';
import { netlifyPort } from './adapters/netlify.js';
import type { Outcome } from './core/outcome.js';
import { sitesOf } from './core/outcome.js';
import { finalReactions, renderReply } from './core/reply.js';
import { chooseLine, screenComment } from './core/screen.js';
import { problemText, type SentenceContext, siteFix } from './core/sentences.js';
import { type CommentEvent, EventError, readCommentEvent } from './event.js';
import { runCommand } from './flow/command.js';
import { followBuilds } from './flow/follow.js';
import { realClock } from './clock.js';
import type { Early } from './early.js';
import type { Clock, Connect, FlowDeps, Log } from './flow/ports.js';
import { replyContext, reportBudgetMs } from './flow/report.js';
import { type Handoff, HandoffError, readHandoff, writeHandoff } from './handoff.js';
import { ignoredOutputs, outputsOf, summaryOf } from './outputs.js';
import {
  checkAgainstRepository,
  INPUT_DEFAULTS,
  InputError,
  items,
  readSettings,
  type Settings,
  sitesFor,
  wordsDespiteErrors,
} from './settings.js';
import { type Env, inputOf, secretsOf, type Toolkit } from './toolkit.js';
import { REPOSITORY } from './patterns.js';

const USER_AGENT = 'netlify-preview-retry/1';

export interface RunDeps {
  readonly clock?: Clock;
  /** Ports for a phase; by default the HTTP adapters. */
  readonly connect?: (settings: Settings, event: CommentEvent) => Connect;
  /** Subscribes to the job being cancelled (SIGTERM, SIGINT); returns the unsubscribe. */
  readonly onStop?: (listener: () => void) => () => void;
  /** The eyes reaction the shell already sent (src/early.ts), when it did. */
  readonly early?: Early | null;
}

export { realClock };

export async function run(env: Env, toolkit: Toolkit, deps: RunDeps = {}): Promise<void> {
  const input = inputReader(env);
  for (const name of ['netlify-token', 'github-token']) {
    const secret = input(name);
    if (secret) toolkit.mask(secret);
  }
  const clock = deps.clock ?? realClock;
  const log: Log = { info: (text) => toolkit.info(text), warning: (text) => toolkit.warning(text) };
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const raw = rawEvent(env);

  let settings: Settings;
  try {
    settings = readSettings(input);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return refuseConfiguration(error, env, toolkit, clock, raw, eventName);
  }
  const sentences = (event: CommentEvent | null): SentenceContext => ({
    prNumber: event?.prNumber ?? 0,
    words: settings.words,
    okToTestLabel: settings.trust.okToTestLabel,
    rebuildTrust: settings.trust.rebuildTrust,
  });

  let event: CommentEvent | null = null;
  try {
    if (eventName === 'issue_comment' || settings.handoff) event = readEvent(raw);
  } catch (error) {
    if (!(error instanceof EventError)) throw error;
    return refuse(toolkit, error.message, '');
  }

  if (settings.handoff) return followLater(settings, event as CommentEvent, env, toolkit, clock, deps, log, sentences);

  const screened = screenComment(eventName, () => event as CommentEvent, settings.words, settings.trust.apps);
  if (screened.kind === 'ignored' || !event) {
    const outcome: Outcome = {
      result: 'ignored',
      command: null,
      ignored: screened.kind === 'ignored' ? screened.ignored : { kind: 'event', eventName },
    };
    return finish(outcome, true, settings, toolkit, sentences(event));
  }
  const repository = repositoryOf(env, event);
  const sites = sitesFor(settings.sites, repository);
  if (!sites) {
    return finish(
      { result: 'ignored', command: null, ignored: { kind: 'repository', repository } },
      true,
      settings,
      toolkit,
      sentences(event),
    );
  }
  try {
    checkAgainstRepository(settings, event.repositoryIsPrivate);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return refuseConfiguration(error, env, toolkit, clock, raw, eventName);
  }

  const connect = deps.connect?.(settings, event) ?? httpConnect(settings, event, env, clock);
  const flowDeps: FlowDeps = { connect, clock, log };
  const runUrl = runUrlOf(env);
  const handled = await runCommand(
    { settings, event, lines: screened.lines, sites, runUrl, early: deps.early ?? null },
    flowDeps,
  );
  const startedAt = clock.now();
  let outcome = handled.outcome;
  const pending = sitesOf(outcome).some((site) => 'follow' in site && site.follow === 'pending');
  let handoff = '';
  if (pending && settings.follow === 'here') {
    outcome = await followWithStop(deps, (stop) =>
      followBuilds(
        {
          outcome,
          replyId: handled.reported.reply,
          ctx: replyContext(settings, event, runUrl),
          startedAt,
          followMinutes: settings.followMinutes,
          editMs: reportBudgetMs(settings.timeoutSeconds),
          stop,
        },
        flowDeps,
      ),
    );
  } else if (pending && settings.follow === 'next-job') {
    handoff = writeHandoff({ comment: event.commentNodeId, replyId: handled.reported.reply, startedAt, outcome });
  }
  return finish(outcome, handled.reported.shown, settings, toolkit, sentences(event), handoff, handled.reported.fix);
}

/** A later job follows what the command's job handed over. */
async function followLater(
  settings: Settings,
  event: CommentEvent,
  env: Env,
  toolkit: Toolkit,
  clock: Clock,
  deps: RunDeps,
  log: Log,
  sentences: (event: CommentEvent | null) => SentenceContext,
): Promise<void> {
  let handoff: Handoff;
  try {
    handoff = readHandoff(settings.handoff);
    if (handoff.comment !== event.commentNodeId) {
      throw new HandoffError(
        'Input handoff is about another comment than this event: pass the handoff output of this run.',
      );
    }
  } catch (error) {
    if (!(error instanceof HandoffError)) throw error;
    return refuse(toolkit, error.message, '');
  }
  const connect = deps.connect?.(settings, event) ?? httpConnect(settings, event, env, clock);
  const outcome = await followWithStop(deps, (stop) =>
    followBuilds(
      {
        outcome: handoff.outcome,
        replyId: handoff.replyId,
        ctx: replyContext(settings, event, runUrlOf(env)),
        startedAt: handoff.startedAt,
        followMinutes: settings.followMinutes,
        editMs: reportBudgetMs(settings.timeoutSeconds),
        stop,
      },
      { connect, clock, log },
    ),
  );
  return finish(outcome, true, settings, toolkit, sentences(event));
}

async function followWithStop<T>(deps: RunDeps, work: (stop: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const unsubscribe = deps.onStop?.(() => controller.abort()) ?? (() => undefined);
  try {
    return await work(controller.signal);
  } finally {
    unsubscribe();
  }
}

/**
 * A bad input, refused before any Netlify request. On a comment that holds a command, the PR hears of it
 * (a confused reaction and a reply naming the input, never its value) when the GitHub token works.
 */
async function refuseConfiguration(
  error: InputError,
  env: Env,
  toolkit: Toolkit,
  clock: Clock,
  raw: RawEvent,
  eventName: string,
): Promise<void> {
  const input = inputReader(env);
  let event: CommentEvent | null = null;
  try {
    event = eventName === 'issue_comment' ? readEvent(raw) : null;
  } catch {
    event = null;
  }
  const words = wordsDespiteErrors(input);
  let apps: string[] = [];
  try {
    apps = items(input('trusted-apps') ?? '');
  } catch {
    apps = [];
  }
  const screened = event ? screenComment(eventName, () => event as CommentEvent, words, apps) : null;
  const command = screened?.kind === 'command' ? chooseLine(screened.lines, []) : null;
  const name = command && command.kind !== 'none' ? command.command : null;
  const outcome: Outcome = {
    result: 'failed',
    command: name,
    sites: [],
    problem: { kind: 'input', input: error.input, message: error.message },
  };
  const token = input('github-token');
  if (event && name && token && !/\s/.test(token)) {
    const budget = reportBudgetMs(Number(INPUT_DEFAULTS['timeout-seconds']));
    const github = githubPort(githubOptions(token, event, env, clock), {
      endsAt: clock.now() + budget,
      requestMs: budget,
    });
    const body = renderReply(outcome, {
      login: event.commenterLogin,
      prNumber: event.prNumber,
      words,
      okToTestLabel: INPUT_DEFAULTS['ok-to-test-label'],
      rebuildTrust: 'commenter',
      okToTestOn: false,
      runUrl: runUrlOf(env),
      followMinutes: 0,
    });
    const reported = await github.report({ body, reactions: finalReactions(outcome) });
    for (const failure of reported.failures) toolkit.warning(`${failure.what}: ${failure.fix}.`);
  }
  refuse(toolkit, error.message, name ?? '');
}

/** A run stopped before any command could run (an input, the payload, a handoff): outputs, summary, failure. */
function refuse(toolkit: Toolkit, message: string, command: string): void {
  const outputs = { ...ignoredOutputs(message), result: 'failed', command };
  toolkit.setOutputs(outputs);
  toolkit.appendSummary(summaryOf(outputs, false));
  toolkit.fail(message);
}

/** Sets the outputs and the job summary, and fails the step when the command failed or went unseen. */
function finish(
  outcome: Outcome,
  shown: boolean,
  settings: Settings,
  toolkit: Toolkit,
  ctx: SentenceContext,
  handoff = '',
  reportFix: string | null = null,
): void {
  const outputs = outputsOf(outcome, ctx, handoff);
  toolkit.setOutputs(outputs);
  toolkit.info(
    `Result: ${outputs.result}. ${outputs.reason}${settings.dryRun ? ' (dry-run: nothing was changed)' : ''}`,
  );
  if (outcome.result !== 'ignored') toolkit.appendSummary(summaryOf(outputs, settings.dryRun));
  if (outcome.result === 'failed') {
    const fix = outcome.problem?.kind === 'input' ? null : (outcome.problem?.failure.fix ?? firstFix(outcome));
    toolkit.fail(
      outcome.problem
        ? `${problemText(outcome.problem)}${fix ? ` To fix: ${fix}.` : ''}`
        : `${outputs.reason}${fix ? ` To fix: ${fix}.` : ''}`,
    );
  } else if (!shown) {
    const fix =
      reportFix ?? 'give the job `permissions: issues: write` and `pull-requests: write`, or check github-token';
    const done = outcome.result === 'retried' ? 'The retry was requested, but nothing' : 'Nothing';
    toolkit.fail(
      `${done} could be shown on the pull request (result ${outcome.result}: ${outputs.reason}) To fix: ${fix}.`,
    );
  }
}

function firstFix(outcome: Outcome): string | null {
  for (const site of sitesOf(outcome)) if (site.result === 'failed') return siteFix(site);
  return null;
}

function inputReader(env: Env) {
  return (name: string): string | undefined => inputOf(env, name);
}

interface RawEvent {
  /** The payload, parsed on first use: null when it is not JSON; throws when there is no payload file. */
  readonly json: () => unknown;
}

function rawEvent(env: Env): RawEvent {
  let parsed: { value: unknown } | null = null;
  return {
    json: () => {
      if (parsed) return parsed.value;
      const path = env.GITHUB_EVENT_PATH;
      if (!path) throw new EventError('GITHUB_EVENT_PATH is not set: run this action in a GitHub Actions workflow.');
      try {
        parsed = { value: JSON.parse(readFileSync(path, 'utf8')) };
      } catch {
        parsed = { value: null };
      }
      return parsed.value;
    },
  };
}

function readEvent(raw: RawEvent): CommentEvent {
  const json = raw.json();
  if (json === null) throw new EventError('The event payload at GITHUB_EVENT_PATH is not JSON.');
  return readCommentEvent(json);
}

/** GITHUB_REPOSITORY, or the event's repository when it is not set. */
function repositoryOf(env: Env, event: CommentEvent): string {
  const repository = env.GITHUB_REPOSITORY;
  return repository && REPOSITORY.test(repository) ? repository : event.repository;
}

/** The workflow run's page, when the runner's variables make a plain https URL of it. */
function runUrlOf(env: Env): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  if (!server || !repo || !run) return null;
  if (
    !/^https:\/\/[A-Za-z0-9.-]+(?::\d+)?$/.test(server) ||
    !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repo) ||
    !/^\d+$/.test(run)
  ) {
    return null;
  }
  return `${server}/${repo}/actions/runs/${run}`;
}

function url(value: string | undefined, fallback: string): URL {
  return value && URL.canParse(value) ? new URL(value) : new URL(fallback);
}

function githubOptions(token: string, event: CommentEvent, env: Env, clock: Clock) {
  const apiUrl = url(env.GITHUB_API_URL, 'https://api.github.com');
  return {
    token,
    apiUrl,
    graphqlUrl: url(env.GITHUB_GRAPHQL_URL, `${apiUrl.href.replace(/\/+$/, '')}/graphql`),
    owner: event.owner,
    repo: event.repo,
    prNumber: event.prNumber,
    prNodeId: event.prNodeId,
    commentId: event.commentId,
    commentNodeId: event.commentNodeId,
    userAgent: USER_AGENT,
    clock,
    secrets: secretsOf(env),
  };
}

function httpConnect(settings: Settings, event: CommentEvent, env: Env, clock: Clock): Connect {
  const github = githubOptions(settings.githubToken, event, env, clock);
  const netlify = {
    token: settings.netlifyToken,
    apiUrl: settings.netlifyApiUrl,
    userAgent: USER_AGENT,
    clock,
    secrets: secretsOf(env),
  };
  return (deadline) => ({ github: githubPort(github, deadline), netlify: netlifyPort(netlify, deadline) });
}

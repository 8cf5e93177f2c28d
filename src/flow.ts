/**
 * The flow of one handled command: ask the core, call the adapters, in as few round trips as the
 * rules allow. It knows no API paths and does not touch @actions/core: main wires it.
 *
 *   round trip 1: eyes reaction, PR read, and either the first page of previews (trusted from the
 *                 payload) or the commenter's permission (when only that can decide)
 *   round trip 2: the retry (or, after a permission read, the first page)
 *   round trip 3: the reply and the final reaction, in one request
 *
 * The PR read only serves to note a preview built from an older commit (and to find an old PR's
 * preview), so the retry never waits for it when the preview is on the first page.
 */
import type { CommandName } from './core/command.js';
import { decide, isStale, type Outcome, retryReason, retryTookEffect, skipReason } from './core/decision.js';
import { choosePreview, type Deploy, mayFindOlder } from './core/preview.js';
import { finalReaction, renderReply } from './core/reply.js';
import { judgePermission, judgeTrust, type TrustVerdict } from './core/trust.js';
import type { CommentEvent } from './event.js';
import type { Settings } from './settings.js';
import type { GitHubPort, Pull, Reported } from './adapters/github.js';
import { ApiFailure } from './adapters/failure.js';
import { type NetlifyPort, PER_PAGE } from './adapters/netlify.js';

export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

export interface Ports {
  readonly github: GitHubPort;
  readonly netlify: NetlifyPort;
}

export interface FlowInput {
  readonly settings: Settings;
  readonly event: CommentEvent;
  readonly command: CommandName;
  readonly ports: Ports;
  readonly log: Log;
  readonly runUrl: string | null;
  /** Where the flow is, for main to report when the run's budget ends before the flow does. */
  readonly progress?: Progress;
}

/** What the flow has got to; main reads it when the budget ends first (a client that sleeps through a 429). */
export interface Progress {
  /** What the flow waits for, as the end of a sentence: "listing the deploy previews". */
  step: string;
  /** Whom it waits on. */
  service: 'Netlify' | 'GitHub';
  /** The outcome to report if the flow does not finish: set once the retry was sent or the result is known. */
  outcome: Outcome | null;
  /** Whether the eyes reaction was added (false until round trip 1 has started it). */
  acknowledged: Promise<boolean>;
}

/** Notes what the flow waits on next, and the outcome to report if the run's budget ends meanwhile. */
type WaitOn = (service: Progress['service'], step: string, fallback?: Outcome) => void;

export function startProgress(): Progress {
  return { step: 'starting', service: 'GitHub', outcome: null, acknowledged: Promise.resolve(false) };
}

export interface FlowResult {
  readonly outcome: Outcome;
  /** False when a picked-up command could not be shown on the PR at all. */
  readonly shown: boolean;
}

/** Decides and acts; never throws for API failures (they become a `failed` outcome). */
export async function decideAndAct(input: FlowInput): Promise<{ outcome: Outcome; acknowledged: Promise<boolean> }> {
  const { settings, event, command, ports, log } = input;
  const { github, netlify } = ports;
  const progress = input.progress ?? startProgress();
  const waitOn: WaitOn = (service, step, fallback) => {
    progress.service = service;
    progress.step = step;
    if (fallback) progress.outcome = fallback;
  };
  const verdict = judgeTrust(
    {
      commenterLogin: event.commenterLogin,
      commenterAssociation: event.commenterAssociation,
      prAuthorAssociation: event.prAuthorAssociation,
      labels: event.labels,
    },
    settings.trust,
  );
  log.info(
    `Command ${command} by @${event.commenterLogin} on PR #${event.prNumber}: trust ${describeVerdict(verdict)}.`,
  );

  // Round trip 1: everything that does not depend on another answer goes out together.
  const acknowledged = settings.dryRun ? Promise.resolve(true) : settle(github.react('eyes'), log);
  progress.acknowledged = acknowledged;
  if (verdict.kind === 'denied') return { outcome: denied(command, verdict.reason), acknowledged };

  const pull = github.readPull().then(
    (value): Pull | null => value,
    (error: unknown) => {
      log.warning(
        `Could not read the pull request, so the preview's commit is not compared with the head: ${messageOf(error)}`,
      );
      return null;
    },
  );
  const permission = verdict.kind === 'ask-permission' ? github.readPermission(event.commenterLogin) : null;
  let firstPage = verdict.kind === 'trusted' ? netlify.listPreviews({ page: 1 }) : null;
  firstPage?.catch(() => undefined); // awaited below; keeps an early rejection from going unhandled

  try {
    if (permission) {
      waitOn('GitHub', `reading @${event.commenterLogin}'s permission`);
      const granted = judgePermission(event.commenterLogin, await permission, settings.trust);
      log.info(`Trust after reading the permission: ${describeVerdict(granted)}.`);
      if (granted.kind !== 'trusted') return { outcome: denied(command, granted.reason), acknowledged };
      firstPage = netlify.listPreviews({ page: 1 });
    }
    waitOn('Netlify', 'listing the deploy previews');
    const preview = await findPreview(netlify, event.prNumber, await (firstPage as Promise<Deploy[]>), pull, log);
    const decision = decide(command, preview);
    let outcome: Outcome;
    if (decision.kind !== 'retry' || !preview) {
      const result = decision.kind === 'not-found' ? 'not-found' : 'skipped';
      outcome = { result, command, reason: skipReason(decision, preview, event.prNumber, settings.siteId), preview };
    } else if (settings.dryRun) {
      log.info('dry-run: the retry was not requested.');
      outcome = { result: 'retried', command, reason: retryReason(decision), preview };
    } else {
      waitOn('Netlify', 'sending the retry', unknown(command, null, preview));
      const base = { command, reason: retryReason(decision), prNumber: event.prNumber, siteId: settings.siteId };
      outcome = await retryOnce(netlify, preview, base, log, waitOn);
    }
    // The PR read only adds the note on a stale preview: it never holds up the decision or the retry.
    progress.outcome = outcome;
    waitOn('GitHub', 'reading the pull request');
    const head = await pull;
    const stale = preview && outcome.result !== 'failed' ? isStale(preview, head?.headSha ?? null) : undefined;
    return { outcome: stale ? { ...outcome, stale } : outcome, acknowledged };
  } catch (error) {
    return { outcome: failed(command, error), acknowledged };
  }
}

/**
 * The PR's newest preview: on the first page of the site's previews for an active PR; otherwise on
 * the page of the PR's head branch; otherwise by paging on until deploys are older than the PR.
 */
async function findPreview(
  netlify: NetlifyPort,
  prNumber: number,
  firstPage: Deploy[],
  pullRead: Promise<Pull | null>,
  log: Log,
): Promise<Deploy | null> {
  const found = choosePreview(firstPage, prNumber);
  if (found) return found;
  const pull = await pullRead;
  const since = pull?.createdAt ?? '1970-01-01T00:00:00Z';
  if (!mayFindOlder(firstPage, PER_PAGE, since)) return null;

  if (pull) {
    const onBranch = choosePreview(await netlify.listPreviews({ page: 1, branch: pull.headRef }), prNumber);
    if (onBranch) return onBranch;
    log.info(
      `No preview of PR #${prNumber} among the deploys of branch ${pull.headRef}; paging through the site's deploys.`,
    );
  }
  for (let page = 2; ; page++) {
    const deploys = await netlify.listPreviews({ page });
    const match = choosePreview(deploys, prNumber);
    if (match || !mayFindOlder(deploys, PER_PAGE, since)) return match;
  }
}

/** Sends the retry at most once; when its answer is lost, reads the deploy to learn whether it took. */
async function retryOnce(
  netlify: NetlifyPort,
  preview: Deploy,
  context: {
    readonly command: CommandName;
    readonly reason: string;
    readonly prNumber: number;
    readonly siteId: string;
  },
  log: Log,
  waitOn: WaitOn,
): Promise<Outcome> {
  const base = { command: context.command, reason: context.reason };
  try {
    await netlify.retry(preview.id);
    log.info(`Netlify accepted the retry of deploy ${preview.id}.`);
    return { ...base, result: 'retried', preview };
  } catch (error) {
    if (error instanceof ApiFailure && (error.status === 409 || error.status === 422)) {
      // Refused, perhaps because a build started since the deploy was read (a push, another command).
      log.info(
        `Netlify refused the retry (${error.message}); reading the deploy to see whether a build is running now.`,
      );
      waitOn('Netlify', 'reading the deploy after the retry was refused', failed(base.command, error, preview));
      const after = await readAgain(netlify, preview, log, 'the refused retry');
      if (!after) return failed(base.command, error, preview);
      const decision = decide(context.command, after);
      if (decision.kind === 'skip' && decision.because === 'in-progress') {
        const reason = skipReason(decision, after, context.prNumber, context.siteId);
        return {
          result: 'skipped',
          command: context.command,
          reason,
          preview: after,
          detail: 'A build started after the command was read, so Netlify refused a second one.',
        };
      }
      return failed(base.command, error, after);
    }
    if (!(error instanceof ApiFailure) || !error.mayHaveReached) return failed(base.command, error, preview);
    log.warning(`The retry's answer was lost (${error.message}); reading the deploy instead of sending it again.`);
    waitOn('Netlify', "reading the deploy after the retry's answer was lost", unknown(base.command, error, preview));
    const after = await readAgain(netlify, preview, log, 'the lost answer');
    if (!after) return unknown(base.command, error, preview);
    if (retryTookEffect(preview, after)) {
      return {
        ...base,
        result: 'retried',
        preview: after,
        detail: `Netlify's answer was lost, but the deploy is now ${after.state}.`,
      };
    }
    return failed(base.command, error, after);
  }
}

/** The deploy read again after an unclear retry answer, or null (with a warning) when that read fails too. */
async function readAgain(netlify: NetlifyPort, preview: Deploy, log: Log, after: string): Promise<Deploy | null> {
  try {
    return await netlify.getDeploy(preview.id);
  } catch (readError) {
    log.warning(`Reading the deploy after ${after} failed too: ${messageOf(readError)}`);
    return null;
  }
}

/** Posts what the PR shows (unless dry-run); returns whether the outcome is visible there. */
export async function report(input: FlowInput, outcome: Outcome, acknowledged: Promise<boolean>): Promise<FlowResult> {
  const { settings, log, ports } = input;
  const quiet = settings.quietRetest && outcome.command === 'retest';
  const body = quiet
    ? null
    : renderReply(outcome, {
        login: input.event.commenterLogin,
        words: settings.words,
        okToTestLabel: settings.trust.okToTestLabel,
        runUrl: input.runUrl,
      });
  const reaction = finalReaction(outcome.result);
  if (settings.dryRun) {
    log.info(
      `dry-run: would react ${reaction ?? '(no final reaction)'} and ${body === null ? 'post no reply' : `reply:\n${body}`}`,
    );
    return { outcome, shown: true };
  }
  let reported: Reported;
  try {
    reported = await ports.github.report({ body, reaction });
  } catch (error) {
    const failure =
      error instanceof ApiFailure
        ? error
        : new ApiFailure('GitHub', null, messageOf(error), 'try again later', true, true);
    reported = { replyUrl: null, reactionAdded: false, failures: [failure] };
  }
  for (const failure of reported.failures) log.warning(`${capitalize(failure.message)}: ${failure.fix}.`);
  if (reported.replyUrl) log.info(`Replied: ${reported.replyUrl}`);
  // The eyes reaction is waited for only when it is all the PR shows: a hung one must not hold up (nor
  // use up the deadline of) the reply.
  const nothingMore = body === null && reaction === null;
  const eyes = nothingMore && (await acknowledged);
  return { outcome, shown: reported.replyUrl !== null || reported.reactionAdded || eyes };
}

function denied(command: CommandName, reason: string): Outcome {
  return { result: 'denied', command, reason: `${reason}.`, preview: null, decidedBy: reason };
}

/** The retry may or may not have reached Netlify, and reading the deploy could not tell. */
function unknown(command: CommandName, error: ApiFailure | null, preview: Deploy): Outcome {
  const why = error
    ? `${capitalize(error.message)}, and the deploy could not be read again`
    : 'The run ended while the retry was being sent';
  return {
    result: 'failed',
    command,
    reason: `${why}: it is not known whether Netlify started the build.`,
    preview,
    fix: 'look at the deploy log before commenting again',
  };
}

function failed(command: CommandName | null, error: unknown, preview: Deploy | null = null, detail?: string): Outcome {
  const failure = error instanceof ApiFailure ? error : null;
  const reason = failure ? `${capitalize(failure.message)}.` : `Unexpected error: ${messageOf(error)}.`;
  return { result: 'failed', command, reason, preview, fix: failure?.fix, detail };
}

async function settle(work: Promise<void>, log: Log): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (error) {
    const failure = error instanceof ApiFailure ? error : null;
    log.warning(`Could not add the eyes reaction: ${messageOf(error)}${failure ? `: ${failure.fix}` : ''}.`);
    return false;
  }
}

function describeVerdict(verdict: TrustVerdict): string {
  if (verdict.kind === 'ask-permission') return 'not settled by the event, asking GitHub for the permission';
  return `${verdict.kind} (${verdict.reason})`;
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
  return 'unknown error';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Reporting a command on the PR: the reply and the final reactions in one request, with a deadline of
 * its own (the decision may have spent all of the budget), or, in a dry run, only in the log.
 */
import type { Outcome } from '../core/outcome.js';
import { finalReactions, type ReplyContext, renderReply } from '../core/reply.js';
import { capitalize } from '../core/sentences.js';
import type { CommentEvent } from '../event.js';
import type { Settings } from '../settings.js';
import type { FlowDeps } from './ports.js';

export interface Reported {
  /** Whether the outcome reached the PR at all (a reply, a reaction). */
  readonly shown: boolean;
  /** The reply's node id, for edits while following. */
  readonly reply: string | null;
  /** What to fix when the report failed. */
  readonly fix: string | null;
}

/** The report's own budget: half the run's, from 5 s to 15 s. */
export function reportBudgetMs(timeoutSeconds: number): number {
  return Math.min(15_000, Math.max(5_000, Math.floor((timeoutSeconds * 1000) / 2)));
}

export function replyContext(settings: Settings, event: CommentEvent, runUrl: string | null): ReplyContext {
  return {
    login: event.commenterLogin,
    prNumber: event.prNumber,
    words: settings.words,
    okToTestLabel: settings.trust.okToTestLabel,
    rebuildTrust: settings.trust.rebuildTrust,
    okToTestOn: settings.words.okToTest !== null,
    runUrl,
    followMinutes: settings.followMinutes,
  };
}

/** Whether the outcome gets a reply: not a quiet /retest, not a quiet denial. */
export function wantsReply(outcome: Outcome, settings: Settings): boolean {
  if (settings.quietRetest && outcome.command === 'retest') return false;
  if (!settings.denyReply && outcome.result === 'denied') return false;
  return true;
}

export async function report(
  outcome: Outcome,
  acknowledged: Promise<boolean>,
  input: { readonly settings: Settings; readonly event: CommentEvent; readonly runUrl: string | null },
  deps: FlowDeps,
): Promise<Reported> {
  const { settings, event, runUrl } = input;
  const { log, clock } = deps;
  const body = wantsReply(outcome, settings) ? renderReply(outcome, replyContext(settings, event, runUrl)) : null;
  const reactions = finalReactions(outcome);
  if (settings.dryRun) {
    log.info(
      `dry-run: would react ${reactions.join(' and ') || '(no final reaction)'} and ${body === null ? 'post no reply' : 'reply:'}`,
    );
    if (body !== null) for (const line of body.split('\n')) log.info(`  ${line}`);
    return { shown: true, reply: null, fix: null };
  }
  const budget = reportBudgetMs(settings.timeoutSeconds);
  const github = deps.connect({ endsAt: clock.now() + budget, requestMs: budget }).github;
  const reported = await github.report({ body, reactions });
  for (const failure of reported.failures)
    log.warning(`${capitalize(failure.what)}${failure.said ? ` (${failure.said})` : ''}: ${failure.fix}.`);
  if (reported.reply) log.info(`Replied: ${reported.reply.url}`);
  // The eyes reaction is waited for only when it is all the PR shows: a hung one must not hold up the reply.
  const nothingMore = body === null && reactions.length === 0;
  const eyes = nothingMore && (await acknowledged);
  return {
    shown: reported.reply !== null || reported.reactions.length > 0 || eyes,
    reply: reported.reply?.id ?? null,
    fix: reported.failures[0]?.fix ?? null,
  };
}

/**
 * Following the builds a command started (or found running) until each ends or the window closes, and
 * telling the PR: the reply is edited in place, one request per end (the edit and its reaction together).
 * The schedule is core/follow.ts; every wait is on the Clock, so tests control time.
 */
import { delayBefore, endOf, type RateLimit, rateWait } from '../core/follow.js';
import type { FollowEnd, Outcome, SiteOutcome } from '../core/outcome.js';
import { sitesOf, withSites } from '../core/outcome.js';
import type { Deploy } from '../core/preview.js';
import { endReactions, type ReplyContext, renderReply, shownDeploy } from '../core/reply.js';
import { capitalize } from '../core/sentences.js';
import type { FlowDeps } from './ports.js';

export interface FollowInput {
  /** The decided outcome; its sites to follow are marked `pending`. */
  readonly outcome: Outcome;
  /** The reply to edit, or null (a quiet /retest: then the reactions alone tell the end). */
  readonly replyId: string | null;
  readonly ctx: ReplyContext;
  /** When the builds were asked for (or following started), in ms since the epoch. */
  readonly startedAt: number;
  readonly followMinutes: number;
  /** Fires when the job is cancelled or times out. */
  readonly stop: AbortSignal;
  /** How long an edit may take: the report's budget (from timeout-seconds). */
  readonly editMs?: number;
}

/** An edit gets the report's budget (15 s when not given); one after a stop gets less, since the runner kills the step soon after. */
const EDIT_MS = 15_000;
const EDIT_AFTER_STOP_MS = 4_000;

/** Follows every pending build; returns the outcome with how each ended. */
export async function followBuilds(input: FollowInput, deps: FlowDeps): Promise<Outcome> {
  const { clock, log } = deps;
  const windowEnd = input.startedAt + input.followMinutes * 60_000;
  let sites = [...sitesOf(input.outcome)];
  const pending = sites.flatMap((site, i) => (isPending(site) ? [i] : []));
  if (pending.length === 0) return input.outcome;
  const netlify = deps.connect({ endsAt: windowEnd, signal: input.stop }).netlify;
  let edits = Promise.resolve();

  const show = (reactions: ReturnType<typeof endReactions>, editMs: number) => {
    const body = input.replyId === null ? null : renderReply(withSites(input.outcome, sites), input.ctx);
    const next = edits.then(async () => {
      const github = deps.connect({ endsAt: clock.now() + editMs, requestMs: editMs }).github;
      const reported = await github.edit({ replyId: input.replyId, body, reactions });
      for (const failure of reported.failures) log.warning(`${capitalize(failure.what)}: ${failure.fix}.`);
    });
    edits = next;
    return next;
  };

  const followOne = async (index: number): Promise<void> => {
    const site = sites[index] as SiteOutcome;
    const start = shownDeploy(site) as Deploy;
    // A retried deploy's state as found is that of the build before the retry: not known again until read.
    const end = await watch(start, site.result === 'retried' ? null : start, netlify, input, windowEnd, deps);
    sites[index] = { ...(site as Extract<SiteOutcome, { result: 'retried' | 'skipped' }>), follow: end };
    sites = [...sites];
    log.info(
      `Following ${start.id} on ${site.site.id} ended: ${end.end}${end.state ? ` (${end.state})` : ''} after ${end.seconds} s.`,
    );
    if (end.end !== 'stopped') await show(endReactions([sites[index] as SiteOutcome]), input.editMs ?? EDIT_MS);
  };

  await Promise.all(pending.map(followOne));
  // A stop ends every build still followed at once: one edit says so for all of them.
  if (input.stop.aborted) await show([], EDIT_AFTER_STOP_MS);
  await edits;
  return withSites(input.outcome, sites);
}

function isPending(site: SiteOutcome): boolean {
  return (site.result === 'retried' || site.result === 'skipped') && site.follow === 'pending';
}

/** Reads one deploy on the schedule until it ends, vanishes, the window closes, or the job stops. */
async function watch(
  start: Deploy,
  known: Deploy | null,
  netlify: ReturnType<FlowDeps['connect']>['netlify'],
  input: FollowInput,
  windowEnd: number,
  deps: FlowDeps,
): Promise<FollowEnd> {
  const { clock, log } = deps;
  const seconds = () => Math.max(0, Math.floor((clock.now() - input.startedAt) / 1000));
  let last: Deploy | null = known;
  let rate: RateLimit | null = null;
  let retryAt: number | null = null;
  for (let n = 0; ; n++) {
    const wait = delayBefore(n) + rateWait(rate, clock.now(), retryAt);
    retryAt = null;
    const left = windowEnd - clock.now();
    await clock.sleep(Math.min(wait, Math.max(0, left)), input.stop);
    if (input.stop.aborted) return { end: 'stopped', state: last?.state ?? '', seconds: seconds(), deploy: last };
    if (wait >= left) return { end: 'window', state: last?.state ?? '', seconds: seconds(), deploy: last };
    const poll = await netlify.pollDeploy(start.id);
    if (poll.kind === 'gone') return { end: 'gone', state: '', seconds: seconds(), deploy: null };
    if (poll.kind === 'failed') {
      // A failed read does not end the follow: the next one is on the schedule (later, when rate limited).
      log.warning(`Reading deploy ${start.id} failed while following it (${poll.failure.what}); trying again later.`);
      rate = poll.rate ?? rate;
      retryAt = poll.retryAt;
      continue;
    }
    rate = poll.rate;
    last = poll.deploy;
    const ended = endOf(poll.deploy);
    if (ended) return { end: ended, state: poll.deploy.state, seconds: seconds(), deploy: poll.deploy };
  }
}

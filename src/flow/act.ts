/**
 * Acting on one site's decision: the retry, sent at most once; for a stuck build, the cancel first. When
 * an answer is unclear, the deploy is read again instead of sending a second request.
 */
import type { CommandName } from '../core/command.js';
import { type DecisionContext, decide, retryTookEffect } from '../core/decision.js';
import type { Failure, RetryDecision, SiteOutcome } from '../core/outcome.js';
import type { Deploy, SiteRef } from '../core/preview.js';
import { type Log, type NetlifyPort, PortError, type Sent } from './ports.js';

export interface ActContext {
  readonly command: Exclude<CommandName, 'ok-to-test'>;
  readonly dryRun: boolean;
  readonly decision: DecisionContext;
  readonly log: Log;
}

/** Sends what the decision asks for and says what became of it. */
export async function act(
  netlify: NetlifyPort,
  site: SiteRef,
  preview: Deploy,
  decision: RetryDecision,
  ctx: ActContext,
): Promise<SiteOutcome> {
  const retried = (lostAnswer: Deploy | null): SiteOutcome => ({
    result: 'retried',
    site,
    preview,
    decision,
    dryRun: ctx.dryRun,
    lostAnswer,
    stale: null,
    follow: null,
  });
  if (ctx.dryRun) {
    ctx.log.info(
      `dry-run: the ${decision.kind === 'restart' ? 'cancel and the retry were' : 'retry was'} not requested for deploy ${preview.id}.`,
    );
    return retried(null);
  }
  if (decision.kind === 'restart') {
    const canceled = await netlify.cancel(preview.id);
    if (canceled.kind !== 'accepted') {
      return { result: 'failed', site, preview, step: 'cancel', failure: canceled.failure };
    }
    ctx.log.info(
      `Netlify canceled the stuck build of deploy ${preview.id} (${decision.stuckMinutes} minutes without a change).`,
    );
  }
  const sent = await netlify.retry(preview.id);
  return answered(netlify, site, preview, sent, ctx, retried);
}

async function answered(
  netlify: NetlifyPort,
  site: SiteRef,
  preview: Deploy,
  sent: Sent,
  ctx: ActContext,
  retried: (lostAnswer: Deploy | null) => SiteOutcome,
): Promise<SiteOutcome> {
  const failed = (failure: Failure, step: 'retry' | 'unclear', deploy: Deploy | null = preview): SiteOutcome => ({
    result: 'failed',
    site,
    preview: deploy,
    step,
    failure,
  });
  switch (sent.kind) {
    case 'accepted':
      ctx.log.info(`Netlify accepted the retry of deploy ${preview.id}.`);
      return retried(null);
    case 'refused':
      return failed(sent.failure, 'retry');
    case 'conflict': {
      // Refused, perhaps because a build started since the deploy was read (a push, another command).
      ctx.log.info(
        `Netlify refused the retry of deploy ${preview.id}; reading it to see whether a build is running now.`,
      );
      const after = await readAgain(netlify, preview, ctx.log, 'the refused retry');
      if (!after) return failed(sent.failure, 'retry');
      const now = decide(ctx.command, after, ctx.decision);
      if (now.kind === 'skip' && now.because === 'in-progress') {
        return { result: 'skipped', site, preview, decision: now, raced: after, stale: null, follow: null };
      }
      return failed(sent.failure, 'retry', after);
    }
    case 'unclear': {
      ctx.log.warning(
        `The retry's answer was lost (${sent.failure.what}); reading the deploy instead of sending it again.`,
      );
      const after = await readAgain(netlify, preview, ctx.log, 'the lost answer');
      if (!after) return failed(sent.failure, 'unclear');
      if (retryTookEffect(preview, after)) return retried(after);
      return failed(sent.failure, 'retry', after);
    }
  }
}

/** The deploy read again after an unclear retry answer, or null (with a warning) when that read fails too. */
async function readAgain(netlify: NetlifyPort, preview: Deploy, log: Log, after: string): Promise<Deploy | null> {
  try {
    return await netlify.readDeploy(preview.id);
  } catch (error) {
    log.warning(
      `Reading the deploy after ${after} failed too: ${error instanceof PortError ? error.failure.what : 'unexpected error'}.`,
    );
    return null;
  }
}

/**
 * Choosing the action for a preview's state, and the outcome a run reports.
 */
import type { CommandName } from './command.js';
import type { Deploy } from './preview.js';

/** States in which Netlify is still working on the deploy: a retry now would waste or race a build. */
export const IN_PROGRESS_STATES: ReadonlySet<string> = new Set([
  'new',
  'enqueued',
  'building',
  'uploading',
  'uploaded',
  'preparing',
  'prepared',
  'processing',
  'processed',
  'retrying',
]);

export type Decision =
  | { readonly kind: 'retry'; readonly because: 'failed' | 'forced' }
  | { readonly kind: 'skip'; readonly because: 'ready' | 'in-progress' | 'other-state' }
  | { readonly kind: 'not-found' };

export function decide(command: CommandName, preview: Deploy | null): Decision {
  if (!preview) return { kind: 'not-found' };
  const state = preview.state;
  if (state === 'error') return { kind: 'retry', because: 'failed' };
  if (IN_PROGRESS_STATES.has(state)) return { kind: 'skip', because: 'in-progress' };
  if (state === 'ready') {
    return command === 'rebuild' ? { kind: 'retry', because: 'forced' } : { kind: 'skip', because: 'ready' };
  }
  return { kind: 'skip', because: 'other-state' };
}

/**
 * After a retry request whose answer was lost (a timeout, a reset, a 5xx), the deploy is read again
 * instead of sending a second request: if Netlify is building it now, the retry took effect.
 */
export function retryTookEffect(before: Deploy, after: Deploy): boolean {
  // A fast build may already have ended: any change of state means a new attempt ran.
  return IN_PROGRESS_STATES.has(after.state) || after.state !== before.state;
}

export type Result = 'ignored' | 'denied' | 'retried' | 'skipped' | 'not-found' | 'failed';

/** What a run ended with: everything the reply, the outputs and the summary are made from. */
export interface Outcome {
  readonly result: Result;
  readonly command: CommandName | null;
  /** One short sentence, the `reason` output. */
  readonly reason: string;
  readonly preview: Deploy | null;
  /** Why the outcome is what it is, in more words for the reply (may be empty). */
  readonly detail?: string;
  /** For `failed`: what a maintainer should fix. */
  readonly fix?: string;
  /** Set when the preview was built from another commit than the PR's head. */
  readonly stale?: { readonly built: string; readonly head: string };
  /** For `denied`: the trust verdict's reason. */
  readonly decidedBy?: string;
}

export function isStale(preview: Deploy, headSha: string | null): Outcome['stale'] {
  if (!headSha || !preview.commitRef || preview.commitRef === headSha) return undefined;
  return { built: preview.commitRef, head: headSha };
}

/** The reason sentence for a decision that sends no retry. */
export function skipReason(decision: Decision, preview: Deploy | null, prNumber: number, siteLabel: string): string {
  if (decision.kind === 'not-found' || !preview) {
    return `PR #${prNumber} has no deploy preview on site ${siteLabel}.`;
  }
  if (decision.kind === 'skip' && decision.because === 'ready') {
    return 'The deploy preview is ready, so it was not retried.';
  }
  if (decision.kind === 'skip' && decision.because === 'in-progress') {
    return `A build of the deploy preview is already in progress (${preview.state}).`;
  }
  return `The deploy preview is in state ${preview.state}, which is not retried.`;
}

export function retryReason(decision: Decision & { kind: 'retry' }): string {
  return decision.because === 'failed'
    ? 'The deploy preview had failed, so a retry was requested.'
    : 'A rebuild of the deploy preview was requested.';
}

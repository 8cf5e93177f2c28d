/**
 * The action for a preview's state: what each command does with it, and why. The state alone does not
 * tell it all: a canceled build is reported as `error`, an approval gate holds contributors' previews,
 * and a build in progress can be stuck.
 */
import type { CommandName } from './command.js';
import type { Deploy } from './preview.js';

/** States in which Netlify is still working on the deploy: a retry now would waste or race a build. */
const IN_PROGRESS = [
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
] as const;
export const IN_PROGRESS_STATES: ReadonlySet<string> = new Set(IN_PROGRESS);

/** Netlify's approval gate: a team member must approve (or has rejected) a contributor's preview. */
export const APPROVAL_STATES: ReadonlySet<string> = new Set(['pending_review', 'accepted', 'rejected']);

/** Every state Netlify's spec lists for a deploy. */
export const SPEC_STATES = [
  'new',
  'pending_review',
  'accepted',
  'rejected',
  'enqueued',
  'building',
  'uploading',
  'uploaded',
  'preparing',
  'prepared',
  'processing',
  'processed',
  'ready',
  'error',
  'retrying',
] as const;

/** How a canceled build was canceled: by a person, or by Netlify's ignore rule (nothing to build). */
export type Canceled = 'by-person' | 'no-change';

export type Decision =
  | { readonly kind: 'retry'; readonly because: 'failed' | 'forced' | 'canceled' }
  /** A stuck build: cancel it, then retry. */
  | { readonly kind: 'restart'; readonly stuckMinutes: number }
  | {
      readonly kind: 'skip';
      readonly because: 'ready' | 'in-progress' | 'pending-review' | 'rejected' | 'unknown-state';
    }
  | { readonly kind: 'skip'; readonly because: 'canceled'; readonly canceled: Canceled }
  | { readonly kind: 'skip'; readonly because: 'stuck'; readonly stuckMinutes: number }
  | { readonly kind: 'not-found' };

export type Skip = Extract<Decision, { kind: 'skip' }>;

export interface DecisionContext {
  /** Now, in ms since the epoch. */
  readonly now: number;
  /** A build in progress whose last change is older than this is stuck; 0: never. */
  readonly stuckMinutes: number;
}

/** Whether a failed build's message says it was canceled, and how. */
export function canceledHow(errorMessage: string | null): Canceled | null {
  if (!errorMessage || !/cancell?ed/i.test(errorMessage)) return null;
  return /no content change/i.test(errorMessage) ? 'no-change' : 'by-person';
}

/** Whole minutes since the deploy last changed, when it is in progress and stuck; else null. */
export function stuckFor(deploy: Deploy, context: DecisionContext): number | null {
  if (context.stuckMinutes === 0 || !IN_PROGRESS_STATES.has(deploy.state)) return null;
  const changed = Date.parse(deploy.updatedAt);
  if (Number.isNaN(changed)) return null;
  const minutes = Math.floor((context.now - changed) / 60_000);
  return minutes >= context.stuckMinutes ? minutes : null;
}

export function decide(
  command: Exclude<CommandName, 'ok-to-test'>,
  preview: Deploy | null,
  context: DecisionContext,
): Decision {
  if (!preview) return { kind: 'not-found' };
  const { state } = preview;
  if (state === 'error') {
    const canceled = canceledHow(preview.errorMessage);
    if (!canceled) return { kind: 'retry', because: 'failed' };
    return command === 'rebuild'
      ? { kind: 'retry', because: 'canceled' }
      : { kind: 'skip', because: 'canceled', canceled };
  }
  if (state === 'ready') {
    return command === 'rebuild' ? { kind: 'retry', because: 'forced' } : { kind: 'skip', because: 'ready' };
  }
  // The approval gate is never got around, stuck or not: only a Netlify team member can release it.
  if (state === 'pending_review') return { kind: 'skip', because: 'pending-review' };
  if (state === 'rejected') return { kind: 'skip', because: 'rejected' };
  if (state === 'accepted') return { kind: 'skip', because: 'in-progress' };
  if (IN_PROGRESS_STATES.has(state)) {
    const stuck = stuckFor(preview, context);
    if (stuck === null) return { kind: 'skip', because: 'in-progress' };
    return command === 'rebuild'
      ? { kind: 'restart', stuckMinutes: stuck }
      : { kind: 'skip', because: 'stuck', stuckMinutes: stuck };
  }
  return { kind: 'skip', because: 'unknown-state' };
}

/**
 * After a retry request whose answer was lost (a timeout, a reset, a 5xx), the deploy is read again
 * instead of sending a second request: if Netlify is building it now, the retry took effect.
 */
export function retryTookEffect(before: Deploy, after: Deploy): boolean {
  // A fast build may already have ended: any change of state, or of its last change, means a new attempt ran.
  return IN_PROGRESS_STATES.has(after.state) || after.state !== before.state || after.updatedAt !== before.updatedAt;
}

/** Whether a state ends a build: following stops there. */
export function isFinal(state: string): boolean {
  return state === 'ready' || state === 'error';
}

/**
 * Every state, in one table: what each command does, and what the reply says. The README's state table
 * is this table (test/docs holds them together), and the decision's table tests run each row.
 */
export interface StateRow {
  /** The state as Netlify reports it, or a description of the case (`error`, canceled by a person…). */
  readonly state: string;
  /** A deploy in this case, for the tests: the state, and its error message or age. */
  readonly example: { readonly state: string; readonly errorMessage?: string; readonly stuck?: boolean };
  readonly retest: Decision['kind'];
  readonly rebuild: Decision['kind'];
  /** What the reply says, in short. */
  readonly reply: string;
}

const inProgressRow = (state: string): StateRow => ({
  state,
  example: { state },
  retest: 'skip',
  rebuild: 'skip',
  reply: 'A build is already in progress; the reply links it.',
});

export const STATE_TABLE: readonly StateRow[] = [
  {
    state: 'error',
    example: { state: 'error', errorMessage: 'Build script returned non-zero exit code: 2' },
    retest: 'retry',
    rebuild: 'retry',
    reply: 'The preview had failed, so a retry was requested.',
  },
  {
    state: 'error, canceled by a person (`Canceled build`)',
    example: { state: 'error', errorMessage: 'Canceled build' },
    retest: 'skip',
    rebuild: 'retry',
    reply: 'The build was canceled, not failed; `/rebuild-preview` builds it anyway.',
  },
  {
    state: 'error, canceled by the ignore rule (`Canceled build due to no content change`)',
    example: {
      state: 'error',
      errorMessage: "Failed during stage 'checking build content for changes': Canceled build due to no content change",
    },
    retest: 'skip',
    rebuild: 'retry',
    reply: "Netlify's ignore rule found nothing to build; `/rebuild-preview` builds it anyway.",
  },
  {
    state: 'ready',
    example: { state: 'ready' },
    retest: 'skip',
    rebuild: 'retry',
    reply: 'The preview is ready; `/rebuild-preview` forces a rebuild.',
  },
  {
    state: 'pending_review',
    example: { state: 'pending_review' },
    retest: 'skip',
    rebuild: 'skip',
    reply: 'A Netlify team member must approve this deploy; the reply links its page in the Netlify app.',
  },
  {
    state: 'accepted',
    example: { state: 'accepted' },
    retest: 'skip',
    rebuild: 'skip',
    reply: 'Approved: the build is about to start (in progress).',
  },
  {
    state: 'rejected',
    example: { state: 'rejected' },
    retest: 'skip',
    rebuild: 'skip',
    reply: 'A Netlify team member rejected this deploy.',
  },
  ...IN_PROGRESS.map(inProgressRow),
  {
    state: 'in progress, unchanged for `stuck-minutes` (stuck)',
    example: { state: 'building', stuck: true },
    retest: 'skip',
    rebuild: 'restart',
    reply: 'How long it has been stuck; `/rebuild-preview` cancels it and builds again.',
  },
  {
    state: 'any other state',
    example: { state: 'old' },
    retest: 'skip',
    rebuild: 'skip',
    reply: 'The state is named; nothing is retried.',
  },
  {
    state: 'no preview of the PR',
    example: { state: '' },
    retest: 'not-found',
    rebuild: 'not-found',
    reply: 'The PR has no deploy preview on the site yet.',
  },
];

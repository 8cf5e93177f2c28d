/**
 * What a command ended with: everything the reply, the outputs and the summary are made from. Plain data,
 * discriminated by `result`; the sentences for each are built in core/sentences.ts.
 */
import type { CommandName } from './command.js';
import type { Decision, Skip } from './decision.js';
import type { Deploy, SiteRef } from './preview.js';
import type { Denial } from './trust.js';

export type Result = 'ignored' | 'denied' | 'retried' | 'skipped' | 'not-found' | 'failed' | 'labeled';

/** A request that did not get a usable answer, in words that are safe to print. */
export interface Failure {
  readonly service: 'Netlify' | 'GitHub';
  /** HTTP status, or null when no answer came. */
  readonly status: number | null;
  /** Our own words for what failed, without the API's text: "Netlify rejected the token". */
  readonly what: string;
  /** What the API said, one scrubbed and bounded line (may be empty). Data, never markup. */
  readonly said: string;
  /** What a maintainer should do about it. */
  readonly fix: string;
}

/** Why a comment is not acted on at all. */
export type Ignored =
  | { readonly kind: 'event'; readonly eventName: string }
  | { readonly kind: 'action'; readonly action: string }
  | { readonly kind: 'issue' }
  | { readonly kind: 'closed' }
  | { readonly kind: 'bot'; readonly login: string }
  | { readonly kind: 'no-command' }
  | { readonly kind: 'unknown-site'; readonly word: string }
  /** The word may name a site whose name only Netlify knows, which is not asked for an untrusted commenter. */
  | { readonly kind: 'unresolved-site'; readonly word: string }
  | { readonly kind: 'repository'; readonly repository: string };

/** How following a build ended. */
export interface FollowEnd {
  readonly end: 'ready' | 'error' | 'window' | 'gone' | 'stopped';
  /** The deploy's state when following ended (empty when it is gone). */
  readonly state: string;
  /** Whole seconds from the retry (or the start of following) to the end. */
  readonly seconds: number;
  /** The deploy as last read, if any. */
  readonly deploy: Deploy | null;
}

export type RetryDecision = Extract<Decision, { kind: 'retry' | 'restart' }>;

/** A build started from an older commit than the PR's head: a retry rebuilds that commit. */
export interface Stale {
  readonly built: string;
  readonly head: string;
}

export type SiteOutcome =
  | {
      readonly result: 'retried';
      readonly site: SiteRef;
      /** The preview as found, before the retry. */
      readonly preview: Deploy;
      readonly decision: RetryDecision;
      readonly dryRun: boolean;
      /** Set when Netlify's answer was lost but the deploy, read again, shows a new build. */
      readonly lostAnswer: Deploy | null;
      readonly stale: Stale | null;
      /** Whether the build is to be followed, and how following ended once it has. */
      readonly follow: FollowEnd | 'pending' | null;
    }
  | {
      readonly result: 'skipped';
      readonly site: SiteRef;
      readonly preview: Deploy;
      readonly decision: Skip;
      /** Set when Netlify refused the retry because a build had started meanwhile: the deploy now. */
      readonly raced: Deploy | null;
      readonly stale: Stale | null;
      readonly follow: FollowEnd | 'pending' | null;
    }
  | {
      readonly result: 'not-found';
      readonly site: SiteRef;
      /** Set when the search stopped short of the PR's first deploy: at the page limit, or after this many pages when Netlify repeated one. */
      readonly pageLimit: number | null;
    }
  | {
      readonly result: 'failed';
      readonly site: SiteRef;
      readonly preview: Deploy | null;
      readonly step: 'lookup' | 'malformed' | 'cancel' | 'retry' | 'unclear';
      readonly failure: Failure;
    };

/** Something that stopped the command before any site was looked at. */
export type Problem =
  | { readonly kind: 'input'; readonly input: string; readonly message: string }
  | { readonly kind: 'failure'; readonly failure: Failure };

type Acting = Exclude<CommandName, 'ok-to-test'>;

export type Outcome =
  | { readonly result: 'ignored'; readonly command: null; readonly ignored: Ignored }
  | { readonly result: 'denied'; readonly command: CommandName; readonly denial: Denial }
  | { readonly result: 'labeled'; readonly command: 'ok-to-test'; readonly label: string; readonly dryRun: boolean }
  | { readonly result: 'retried'; readonly command: Acting; readonly sites: readonly SiteOutcome[] }
  | {
      readonly result: 'skipped';
      readonly command: CommandName;
      readonly sites: readonly SiteOutcome[];
      /** Set when nothing was done for the whole command: the PR closed since, or already labeled. */
      readonly whole:
        | { readonly kind: 'closed'; readonly merged: boolean }
        | { readonly kind: 'labeled'; readonly label: string }
        | null;
    }
  | { readonly result: 'not-found'; readonly command: Acting; readonly sites: readonly SiteOutcome[] }
  | {
      readonly result: 'failed';
      readonly command: CommandName | null;
      readonly sites: readonly SiteOutcome[];
      readonly problem: Problem | null;
    };

/** The strongest result over the sites: failed, then retried, then skipped, then not-found. */
export function strongest(sites: readonly SiteOutcome[]): 'failed' | 'retried' | 'skipped' | 'not-found' {
  for (const result of ['failed', 'retried', 'skipped'] as const) {
    if (sites.some((site) => site.result === result)) return result;
  }
  return 'not-found';
}

/** The command's outcome from its sites' outcomes. */
export function fromSites(command: Acting, sites: readonly SiteOutcome[]): Outcome {
  const result = strongest(sites);
  if (result === 'failed') return { result, command, sites, problem: null };
  if (result === 'skipped') return { result, command, sites, whole: null };
  return { result, command, sites };
}

/** The sites of an outcome (none for a denial, an ignored comment or a label). */
export function sitesOf(outcome: Outcome): readonly SiteOutcome[] {
  return 'sites' in outcome ? outcome.sites : [];
}

/** The deploy a site's outcome is about, if any. */
export function previewOf(site: SiteOutcome): Deploy | null {
  return site.result === 'not-found' ? null : site.preview;
}

/** Replaces the sites of an outcome (after following), keeping everything else. */
export function withSites(outcome: Outcome, sites: readonly SiteOutcome[]): Outcome {
  return 'sites' in outcome ? ({ ...outcome, sites } as Outcome) : outcome;
}

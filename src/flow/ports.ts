/**
 * What the flow needs from the world, declared by the flow itself. The adapters (src/adapters/) implement
 * these and answer in the flow's words; the tests implement them in memory (test/lib/memory.ts).
 */
import type { RateLimit } from '../core/follow.js';
import type { Failure } from '../core/outcome.js';
import type { Deploy, DeployPage } from '../core/preview.js';
import type { Reaction } from '../core/reply.js';
import type { PermissionLevel } from '../core/trust.js';

/** Thrown by a port when a request got no usable answer: the failure says what and what to fix. */
export class PortError extends Error {
  override readonly name = 'PortError';
  constructor(readonly failure: Failure) {
    super(failure.what);
  }
}

/** The pull request, as read once trust is settled. */
export interface Pull {
  readonly headSha: string;
  readonly headRef: string;
  readonly createdAt: string;
  readonly open: boolean;
  readonly merged: boolean;
  /** Its head is in another repository (or one that was deleted): Netlify may build it from pull/N/head. */
  readonly fork: boolean;
}

export interface Report {
  /** The reply's Markdown, or null for none. */
  readonly body: string | null;
  readonly reactions: readonly Reaction[];
}

export interface Edit {
  /** The reply to edit (its node id), or null when there is none (a quiet /retest). */
  readonly replyId: string | null;
  readonly body: string | null;
  readonly reactions: readonly Reaction[];
}

/** What became of a report or an edit: each part can fail on its own. */
export interface Reported {
  readonly reply: { readonly id: string; readonly url: string } | null;
  readonly reactions: readonly Reaction[];
  readonly failures: readonly Failure[];
}

/** GitHub, for one command comment on one pull request. */
export interface GitHubPort {
  /** Reacts on the command comment. */
  react(content: Reaction): Promise<void>;
  readPull(): Promise<Pull>;
  /** The commenter's permission on the repository: `none` for someone who is no collaborator. */
  readPermission(login: string): Promise<PermissionLevel>;
  /** Adds a label to the pull request (GitHub creates the label when the repository has none). */
  addLabel(label: string): Promise<void>;
  /** Posts the reply and the reactions, together. Never throws. */
  report(report: Report): Promise<Reported>;
  /** Edits the reply and adds reactions, together. Never throws. */
  edit(edit: Edit): Promise<Reported>;
}

/** What became of a request that changes something (a retry, a cancel). */
export type Sent =
  | { readonly kind: 'accepted' }
  /** Refused in a way that may mean a build is running now: read the deploy to know. */
  | { readonly kind: 'conflict'; readonly failure: Failure }
  /** Refused, or never sent: nothing changed. */
  | { readonly kind: 'refused'; readonly failure: Failure }
  /** No clear answer: it may have reached Netlify. */
  | { readonly kind: 'unclear'; readonly failure: Failure };

/** One read of a followed deploy: made once, never repeated by the adapter (the schedule is the retry). */
export type Poll =
  | { readonly kind: 'deploy'; readonly deploy: Deploy; readonly rate: RateLimit | null }
  | { readonly kind: 'gone' }
  | {
      readonly kind: 'failed';
      readonly failure: Failure;
      readonly rate: RateLimit | null;
      readonly retryAt: number | null;
    };

/** Netlify, with one token. */
export interface NetlifyPort {
  /** The site's name (`docs`), or null when Netlify gave none. */
  siteName(siteId: string): Promise<string | null>;
  /** One page (from 1) of a site's deploy previews, newest first; `branch` narrows it to one branch. */
  listPreviews(siteId: string, query: { readonly page: number; readonly branch?: string }): Promise<DeployPage>;
  /** One deploy, tried again on transient failures. */
  readDeploy(id: string): Promise<Deploy>;
  pollDeploy(id: string): Promise<Poll>;
  /** Asks Netlify to build the deploy again. Sent at most once. */
  retry(id: string): Promise<Sent>;
  /** Cancels a build in progress. Sent at most once. */
  cancel(id: string): Promise<Sent>;
}

export interface Ports {
  readonly github: GitHubPort;
  readonly netlify: NetlifyPort;
}

/** When a phase of the run must end, in ms since the epoch: every request keeps it by itself. */
export interface Deadline {
  readonly endsAt: number;
  /** Ends the phase early (the job was cancelled): requests in flight are aborted. */
  readonly signal?: AbortSignal;
  /**
   * How long one request may take; by default a third of the phase, so that a hung request leaves time to try
   * again. A report is not tried again after a timeout (it may have been posted), so its request gets it all.
   */
  readonly requestMs?: number;
}

/** Ports whose every request keeps the deadline. */
export type Connect = (deadline: Deadline) => Ports;

export interface Log {
  info(text: string): void;
  warning(text: string): void;
}

export interface Clock {
  now(): number;
  /** Waits `ms`, or less when `signal` aborts (it then resolves, never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The flow's dependencies. */
export interface FlowDeps {
  readonly connect: Connect;
  readonly clock: Clock;
  readonly log: Log;
}

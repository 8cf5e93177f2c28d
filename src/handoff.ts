/**
 * The handoff from the command's job to a later job that follows the builds (`follow: next-job`): the
 * decided outcome, the reply to edit, and when the builds were asked for. It passes through job outputs
 * into the `handoff` input, so it is read back like any input: through zod, into typed values, or refused.
 */
import * as z from 'zod/mini';
import type { Outcome } from './core/outcome.js';
import type { Deploy } from './core/preview.js';
import { BRANCH, COMMIT, DEPLOY_ID, HTTPS_URL, STATE_WORD } from './patterns.js';

export interface Handoff {
  /** The command comment the outcome is about (its node id): a handoff is only followed on its own event. */
  readonly comment: string;
  readonly replyId: string | null;
  readonly startedAt: number;
  readonly outcome: Outcome;
}

/** The schema, built on first use: only a run that reads a handoff needs it. */
let built: ReturnType<typeof buildSchema> | null = null;

function buildSchema() {
  const nullableString = (pattern: RegExp) => z.nullable(z.string().check(z.regex(pattern)));
  const date = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date'));

  const deploy: z.ZodMiniType<Deploy> = z.object({
    id: z.string().check(z.regex(DEPLOY_ID)),
    siteName: nullableString(/^[a-z0-9][a-z0-9-]{0,62}$/),
    state: z.string().check(z.regex(STATE_WORD)),
    context: nullableString(/^[a-z-]{1,40}$/),
    reviewId: z.nullable(z.int()),
    commitRef: nullableString(COMMIT),
    branch: nullableString(BRANCH),
    url: nullableString(HTTPS_URL),
    logUrl: nullableString(HTTPS_URL),
    createdAt: date,
    updatedAt: date,
    errorMessage: z.nullable(z.string().check(z.maxLength(2_000))),
  });

  const site = z.object({
    id: z.string().check(z.regex(/^[A-Za-z0-9.-]{1,253}$/)),
    name: nullableString(/^[a-z0-9][a-z0-9-]{0,62}$/),
  });
  const stale = z.nullable(
    z.object({
      built: z.string().check(z.regex(COMMIT)),
      head: z.string().check(z.regex(COMMIT)),
    }),
  );
  const minutes = z.int().check(z.nonnegative());
  const failure = z.object({
    service: z.enum(['Netlify', 'GitHub']),
    status: z.nullable(z.int()),
    what: z.string().check(z.maxLength(400)),
    said: z.string().check(z.maxLength(400)),
    fix: z.string().check(z.maxLength(400)),
  });

  const siteOutcome = z.discriminatedUnion('result', [
    z.object({
      result: z.literal('retried'),
      site,
      preview: deploy,
      decision: z.union([
        z.object({ kind: z.literal('retry'), because: z.enum(['failed', 'forced', 'canceled']) }),
        z.object({ kind: z.literal('restart'), stuckMinutes: minutes }),
      ]),
      dryRun: z.literal(false),
      lostAnswer: z.nullable(deploy),
      stale,
      follow: z.nullable(z.literal('pending')),
    }),
    z.object({
      result: z.literal('skipped'),
      site,
      preview: deploy,
      decision: z.union([
        z.object({
          kind: z.literal('skip'),
          because: z.enum(['ready', 'in-progress', 'pending-review', 'rejected', 'unknown-state']),
        }),
        z.object({
          kind: z.literal('skip'),
          because: z.literal('canceled'),
          canceled: z.enum(['by-person', 'no-change']),
        }),
        z.object({ kind: z.literal('skip'), because: z.literal('stuck'), stuckMinutes: minutes }),
      ]),
      raced: z.nullable(deploy),
      stale,
      follow: z.nullable(z.literal('pending')),
    }),
    z.object({ result: z.literal('not-found'), site, pageLimit: z.nullable(z.int()) }),
    z.object({
      result: z.literal('failed'),
      site,
      preview: z.nullable(deploy),
      step: z.enum(['lookup', 'malformed', 'cancel', 'retry', 'unclear']),
      failure,
    }),
  ]);

  const command = z.enum(['retest', 'rebuild']);
  const outcome = z.union([
    z.object({ result: z.literal('retried'), command, sites: z.array(siteOutcome).check(z.maxLength(20)) }),
    z.object({
      result: z.literal('skipped'),
      command,
      sites: z.array(siteOutcome).check(z.maxLength(20)),
      whole: z.null(),
    }),
    z.object({
      result: z.literal('failed'),
      command,
      sites: z.array(siteOutcome).check(z.maxLength(20)),
      problem: z.null(),
    }),
  ]);

  return z.object({
    v: z.literal(1),
    comment: z.string().check(z.regex(/^[A-Za-z0-9_=-]{1,100}$/)),
    replyId: z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_=-]{1,100}$/))),
    startedAt: z.int().check(z.positive()),
    outcome,
  });
}

export class HandoffError extends Error {
  override readonly name = 'HandoffError';
}

export function writeHandoff(value: Handoff): string {
  return JSON.stringify({ v: 1, ...value });
}

export function readHandoff(text: string): Handoff {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HandoffError('Input handoff is not JSON: set it to the handoff output of the job that ran the command.');
  }
  built ??= buildSchema();
  const parsed = z.safeParse(built, json);
  if (!parsed.success) {
    throw new HandoffError(
      "Input handoff is not a handoff of this action's: set it to the handoff output of the job that ran the command, unchanged.",
    );
  }
  const { v: _version, ...rest } = parsed.data;
  return rest as Handoff;
}

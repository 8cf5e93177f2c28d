/**
 * One request of an adapter within a phase's deadline, and the retry policy for those that are safe to
 * repeat (plain data: how many tries, how long to wait after which trouble).
 */
import type { Clock, Deadline } from '../flow/ports.js';
import { PortError } from '../flow/ports.js';
import { problemTrouble, type ServiceWords, type Trouble } from './failure.js';
import { type HttpAnswer, HttpProblem, type HttpRequest, requestSignal, send } from './http.js';

/** A request gets at most this long, and at most a third of its phase, so that a hung one leaves time to try again. */
const REQUEST_MS = 15_000;
const MIN_REQUEST_MS = 1_000;

export interface Transport {
  readonly clock: Clock;
  readonly deadline: Deadline;
  readonly words: ServiceWords;
  /** Both tokens: removed from every text an API sends back. */
  readonly secrets: readonly string[];
  /** How long one request may take in this phase. */
  readonly requestMs: number;
}

/** The request timeout for a phase of `phaseMs`. */
export function requestMsFor(phaseMs: number): number {
  return Math.min(REQUEST_MS, Math.max(MIN_REQUEST_MS, Math.floor(phaseMs / 3)));
}

export function remaining(t: Transport): number {
  return t.deadline.endsAt - t.clock.now();
}

export type Exchanged =
  | { readonly ok: true; readonly answer: HttpAnswer }
  | { readonly ok: false; readonly trouble: Trouble };

/** Sends one request; an answer of any status comes back, no answer becomes a Trouble. */
export async function exchange(t: Transport, request: Omit<HttpRequest, 'signal'>, doing: string): Promise<Exchanged> {
  const left = remaining(t);
  if (left <= 0) return { ok: false, trouble: problemTrouble(t.words, new HttpProblem('timeout', '', false), doing) };
  try {
    const answer = await send({ ...request, signal: requestSignal(Math.min(t.requestMs, left), t.deadline.signal) });
    return { ok: true, answer };
  } catch (error) {
    return { ok: false, trouble: problemTrouble(t.words, error, doing) };
  }
}

/** A retry policy: tries in all, and the wait after a trouble (null: do not try again). */
export interface RetryPolicy {
  readonly tries: number;
  readonly waitMs: (trouble: Trouble) => number | null;
}

/** For reads: transient troubles are tried again, after what the API asked for, or a second. */
export const READ_POLICY: RetryPolicy = {
  tries: 3,
  waitMs: (trouble) => {
    if (!trouble.transient) return null;
    if (trouble.retryAfterMs !== null) return Math.max(500, trouble.retryAfterMs);
    return trouble.failure.status === null ? 500 : 1_000;
  },
};

/** Runs `attempt` under the policy while the deadline allows the wait; throws a PortError with the last failure. */
export async function withRetries<T>(
  t: Transport,
  policy: RetryPolicy,
  attempt: () => Promise<{ ok: true; value: T } | { ok: false; trouble: Trouble }>,
): Promise<T> {
  for (let n = 1; ; n++) {
    const result = await attempt();
    if (result.ok) return result.value;
    const wait = n < policy.tries ? policy.waitMs(result.trouble) : null;
    // Only a wait that leaves a second for the next try is worth it.
    if (wait === null || wait >= remaining(t) - 1_000) throw new PortError(result.trouble.failure);
    await t.clock.sleep(wait);
  }
}

/** JSON of an answer, or undefined when it is not JSON. */
export function json(answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return undefined;
  }
}

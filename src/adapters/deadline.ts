/**
 * Deadlines: every request gets a signal that fires at its own timeout or when the run's budget is
 * spent, whichever comes first; retries wait only while the budget lasts.
 */

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A request may take at most this share of the budget, so that one that never answers leaves time
 * to try it again and to go on: with timeout-seconds 5 a request gets 1.7 s, from 45 s on it gets 15 s.
 */
const REQUEST_SHARE = 3;

export class Deadline {
  readonly #budget: AbortSignal;
  readonly #endsAt: number;
  readonly #requestMs: number;

  constructor(budget: AbortSignal, endsAt: number, requestMs = REQUEST_TIMEOUT_MS) {
    this.#budget = budget;
    this.#endsAt = endsAt;
    this.#requestMs = requestMs;
  }

  static after(ms: number): Deadline {
    return new Deadline(AbortSignal.timeout(ms), Date.now() + ms, requestTimeout(ms));
  }

  /** The signal for one request: its own timeout, or the end of the budget, whichever comes first. */
  request(timeoutMs = this.#requestMs): AbortSignal {
    return AbortSignal.any([this.#budget, AbortSignal.timeout(Math.max(1, Math.min(timeoutMs, this.remaining())))]);
  }

  get expired(): boolean {
    return this.#budget.aborted || this.remaining() <= 0;
  }

  remaining(): number {
    return this.#endsAt - Date.now();
  }

  /** Waits `ms` if the budget allows it; returns false (at once) when it does not. */
  async pause(ms: number): Promise<boolean> {
    if (ms >= this.remaining() - 1_000) return false;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return !this.expired;
  }
}

/** Each request's own timeout within a budget of `budgetMs`. */
function requestTimeout(budgetMs: number): number {
  return Math.min(REQUEST_TIMEOUT_MS, Math.max(1_000, Math.floor(budgetMs / REQUEST_SHARE)));
}

/**
 * Runs `attempt` up to `tries` times while the failure is transient and the budget lasts, waiting
 * `waitMs(failure, n)` between tries. Only for requests that are safe to repeat.
 */
export async function withRetries<T>(
  deadline: Deadline,
  tries: number,
  attempt: () => Promise<T>,
  retryable: (error: unknown) => number | null,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const wait = n < tries ? retryable(error) : null;
      if (wait === null || !(await deadline.pause(wait))) throw error;
    }
  }
}

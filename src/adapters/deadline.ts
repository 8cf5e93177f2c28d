/**
 * Deadlines: every request gets a signal that fires at its own timeout or when the run's budget is
 * spent, whichever comes first; retries wait only while the budget lasts.
 */

export const REQUEST_TIMEOUT_MS = 15_000;

export class Deadline {
  readonly #budget: AbortSignal;
  readonly #endsAt: number;

  constructor(budget: AbortSignal, endsAt: number) {
    this.#budget = budget;
    this.#endsAt = endsAt;
  }

  static after(ms: number): Deadline {
    return new Deadline(AbortSignal.timeout(ms), Date.now() + ms);
  }

  /** The signal for one request. */
  request(timeoutMs = REQUEST_TIMEOUT_MS): AbortSignal {
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

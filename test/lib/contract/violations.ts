/**
 * The contract checks waiting for the test that made them (see test/setup.ts), and their violations. The fakes
 * only queue what they received and served; the checks run when the violations are taken, so that checking
 * never delays an answer (the request-count tests read round trips from the fakes' timings). Kept apart from
 * the checks themselves so that the setup file loads no spec.
 */
export type ViolationKind = 'request' | 'response' | 'event';

export interface Violation {
  readonly kind: ViolationKind;
  /** Who: `Netlify fake`, `GitHub fake`, `event payload`. */
  readonly source: string;
  /** What: `GET /api/v1/deploys/x`, or `issue_comment created`. */
  readonly subject: string;
  readonly problems: readonly string[];
}

/** A queued check: returns the violation it found, or null. */
export type DeferredCheck = () => Violation | null;

const pending: (Violation | DeferredCheck)[] = [];

export function recordViolation(violation: Violation): void {
  pending.push(violation);
}

/** Queues a check to run when the violations are next taken. */
export function deferCheck(check: DeferredCheck): void {
  pending.push(check);
}

/**
 * Runs the queued checks, then returns and forgets the violations: all of them, those of one kind, or those a
 * predicate picks (e.g. `(v) => v.source === 'Netlify fake'`). The rest stay, and fail the test (setup.ts).
 */
export function takeViolations(filter?: ViolationKind | ((violation: Violation) => boolean)): Violation[] {
  const wanted =
    filter === undefined
      ? () => true
      : typeof filter === 'function'
        ? filter
        : (violation: Violation) => violation.kind === filter;
  for (let i = 0; i < pending.length; ) {
    const entry = pending[i] as Violation | DeferredCheck;
    if (typeof entry !== 'function') {
      i++;
      continue;
    }
    const found = entry();
    if (found) pending[i++] = found;
    else pending.splice(i, 1);
  }
  const taken: Violation[] = [];
  for (let i = 0; i < pending.length; ) {
    const violation = pending[i] as Violation;
    if (wanted(violation)) {
      taken.push(violation);
      pending.splice(i, 1);
    } else {
      i++;
    }
  }
  return taken;
}

export function formatViolations(violations: readonly Violation[]): string {
  const lines = violations.flatMap((v) => [
    `${v.source}: ${v.kind} ${v.subject}`,
    ...v.problems.map((p) => `  - ${p}`),
  ]);
  return `Contract violations (GitHub's and Netlify's published specs; see test/lib/contract/exceptions.ts):\n${lines.join('\n')}`;
}

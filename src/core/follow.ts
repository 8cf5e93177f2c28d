/**
 * Following a build: when to read the deploy next, as plain numbers. The token is shared by every
 * repository of the Netlify team, so the reads are few and back off when the rate limit runs low.
 */
import { isFinal } from './decision.js';
import type { Deploy } from './preview.js';

export const FOLLOW_POLICY = {
  /** The first read, after the retry (at most 5 s, as promised). */
  firstMs: 4_000,
  /** Any two reads are at least this far apart. */
  minGapMs: 5_000,
  /** And at most this far, once the build has run a while. */
  maxGapMs: 30_000,
  /** Below this many requests left in Netlify's window, wait for the window to reset. */
  lowRemaining: 50,
} as const;

/** The gaps between reads, in seconds, after the first; the last repeats. */
const GAPS_S = [5, 5, 8, 10, 15, 20, 25, 30] as const;

/** Milliseconds to wait before read number `n` (0 is the first read after the retry). */
export function delayBefore(n: number): number {
  if (n === 0) return FOLLOW_POLICY.firstMs;
  const gap = GAPS_S[Math.min(n - 1, GAPS_S.length - 1)] as number;
  return Math.min(FOLLOW_POLICY.maxGapMs, Math.max(FOLLOW_POLICY.minGapMs, gap * 1000));
}

/** What Netlify's answer said of its rate limit. */
export interface RateLimit {
  readonly remaining: number | null;
  /** When the window resets, in ms since the epoch. */
  readonly resetAt: number | null;
}

/**
 * How much longer than the schedule to wait before the next read, given the rate limit: until the reset
 * when few requests are left (or a 429 said when to come back), else nothing.
 */
export function rateWait(rate: RateLimit | null, now: number, retryAt: number | null = null): number {
  if (retryAt !== null && retryAt > now) return retryAt - now;
  if (!rate || rate.remaining === null || rate.remaining >= FOLLOW_POLICY.lowRemaining) return 0;
  if (rate.resetAt === null || rate.resetAt <= now) return 0;
  return rate.resetAt - now;
}

/** The end a read shows, or null while the build goes on. */
export function endOf(deploy: Deploy): 'ready' | 'error' | null {
  if (!isFinal(deploy.state)) return null;
  return deploy.state === 'ready' ? 'ready' : 'error';
}

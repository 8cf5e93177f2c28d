import { describe, expect, test } from 'vitest';
import { delayBefore, endOf, type RateLimit, rateWait } from '../../src/core/follow.js';
import { deploy } from './fixtures.js';

const reads = Array.from({ length: 60 }, (_, n) => n);

describe('delayBefore: the schedule of reads', () => {
  test('the first read comes within 5 s of the retry', () => {
    expect(delayBefore(0)).toBeGreaterThan(0);
    expect(delayBefore(0)).toBeLessThanOrEqual(5_000);
  });

  test.each(reads.slice(1))('the gap before read %i is 5 to 30 s, and no shorter than the one before', (n) => {
    expect(delayBefore(n)).toBeGreaterThanOrEqual(5_000);
    expect(delayBefore(n)).toBeLessThanOrEqual(30_000);
    expect(delayBefore(n)).toBeGreaterThanOrEqual(delayBefore(n - 1));
  });

  test('a 10-minute build is followed to its end in at most 40 reads', () => {
    let elapsed = 0;
    let count = 0;
    while (elapsed < 10 * 60_000) elapsed += delayBefore(count++);
    expect(count).toBeLessThanOrEqual(40);
  });

  test('the schedule reaches its longest gap: a long build is not read every 5 s', () => {
    expect(delayBefore(100)).toBe(30_000);
  });
});

describe('rateWait: backing off a shared token', () => {
  const now = 1_800_000_000_000;
  // [what, rate limit, 429 retry time, wait]
  const table: [string, RateLimit | null, number | null, number][] = [
    ['no rate limit known', null, null, 0],
    ['plenty left', { remaining: 400, resetAt: now + 30_000 }, null, 0],
    ['exactly 50 left', { remaining: 50, resetAt: now + 30_000 }, null, 0],
    ['49 left: wait for the reset', { remaining: 49, resetAt: now + 30_000 }, null, 30_000],
    ['none left', { remaining: 0, resetAt: now + 5_000 }, null, 5_000],
    ['few left, the reset already past', { remaining: 3, resetAt: now - 1_000 }, null, 0],
    ['few left, no reset time', { remaining: 3, resetAt: null }, null, 0],
    ['remaining unknown', { remaining: null, resetAt: now + 30_000 }, null, 0],
    ['a 429 said when to come back', { remaining: 400, resetAt: now + 60_000 }, now + 7_000, 7_000],
    ['a 429 with no rate limit read', null, now + 2_000, 2_000],
    ['a 429 time already past', { remaining: 10, resetAt: now + 4_000 }, now - 1, 4_000],
  ];
  test.each(table)('%s → %i ms', (_what, rate, retryAt, wait) => {
    expect(rateWait(rate, now, retryAt)).toBe(wait);
  });
});

test.each([
  ['ready', 'ready'],
  ['error', 'error'],
  ['building', null],
  ['enqueued', null],
])('endOf a %s deploy → %s', (state, end) => {
  expect(endOf(deploy({ state }))).toBe(end);
});

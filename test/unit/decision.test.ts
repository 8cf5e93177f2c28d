import { describe, expect, test } from 'vitest';
import {
  canceledHow,
  type Decision,
  type DecisionContext,
  decide,
  isFinal,
  retryTookEffect,
  SPEC_STATES,
  STATE_TABLE,
} from '../../src/core/decision.js';
import { deploy } from './fixtures.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const context = (stuckMinutes = 30): DecisionContext => ({ now: NOW, stuckMinutes });

describe('every row of STATE_TABLE is what decide does', () => {
  test.each(STATE_TABLE.map((row) => [row.state, row] as const))('%s', (_state, row) => {
    const { example } = row;
    const preview =
      example.state === ''
        ? null
        : deploy({
            state: example.state,
            errorMessage: example.errorMessage ?? null,
            // A stuck example has not changed for two hours; any other changed a minute ago.
            updatedAt: ago(example.stuck ? 120 : 1),
          });
    expect({
      retest: decide('retest', preview, context()).kind,
      rebuild: decide('rebuild', preview, context()).kind,
    }).toEqual({
      retest: row.retest,
      rebuild: row.rebuild,
    });
  });

  test("the table has a row for every state in Netlify's spec", () => {
    const rows = new Set(STATE_TABLE.map((row) => row.example.state));
    expect(SPEC_STATES.filter((state) => !rows.has(state))).toEqual([]);
  });

  test('the table says what the reply says for each row', () => {
    expect(STATE_TABLE.filter((row) => row.reply.trim() === '')).toEqual([]);
  });
});

describe('a canceled build is reported as error', () => {
  const noChange = "Failed during stage 'checking build content for changes': Canceled build due to no content change";
  // [error_message, how it was canceled]
  const table: [string | null, 'by-person' | 'no-change' | null][] = [
    ['Canceled build', 'by-person'],
    ['Cancelled build', 'by-person'],
    ['CANCELED BUILD', 'by-person'],
    ['build was cAnCeLlEd by alice', 'by-person'],
    [noChange, 'no-change'],
    ['canceled: No Content Change', 'no-change'],
    ['Build script returned non-zero exit code: 2', null],
    ['cancel requested', null],
    ['', null],
    [null, null],
  ];

  test.each(table)('%j → %s', (message, how) => {
    expect(canceledHow(message)).toBe(how);
    const preview = deploy({ state: 'error', errorMessage: message });
    const retest = decide('retest', preview, context());
    const rebuild = decide('rebuild', preview, context());
    if (how === null) {
      expect([retest, rebuild]).toEqual([
        { kind: 'retry', because: 'failed' },
        { kind: 'retry', because: 'failed' },
      ]);
    } else {
      // /retest retries failures only; /rebuild-preview builds it anyway.
      expect(retest).toEqual({ kind: 'skip', because: 'canceled', canceled: how });
      expect(rebuild).toEqual({ kind: 'retry', because: 'canceled' });
    }
  });
});

describe("Netlify's approval gate is never got around", () => {
  // [state, minutes since its last change, what both commands do]
  const table: [string, number, Decision][] = [
    ['pending_review', 1, { kind: 'skip', because: 'pending-review' }],
    ['pending_review', 600, { kind: 'skip', because: 'pending-review' }],
    ['rejected', 1, { kind: 'skip', because: 'rejected' }],
    ['rejected', 600, { kind: 'skip', because: 'rejected' }],
    ['accepted', 1, { kind: 'skip', because: 'in-progress' }],
    ['accepted', 300, { kind: 'skip', because: 'in-progress' }],
  ];

  test.each(table)('%s, unchanged for %i minutes', (state, minutes, expected) => {
    const preview = deploy({ state, updatedAt: ago(minutes) });
    expect(decide('retest', preview, context())).toEqual(expected);
    expect(decide('rebuild', preview, context())).toEqual(expected);
  });
});

describe('a build in progress, and a stuck one', () => {
  // [state, minutes since its last change, stuck-minutes, retest, rebuild]
  const inProgress: Decision = { kind: 'skip', because: 'in-progress' };
  const table: [string, number, number, Decision, Decision][] = [
    ['building', 1, 30, inProgress, inProgress],
    ['building', 29, 30, inProgress, inProgress],
    ['building', 30, 30, { kind: 'skip', because: 'stuck', stuckMinutes: 30 }, { kind: 'restart', stuckMinutes: 30 }],
    [
      'building',
      125,
      30,
      { kind: 'skip', because: 'stuck', stuckMinutes: 125 },
      { kind: 'restart', stuckMinutes: 125 },
    ],
    ['enqueued', 61, 60, { kind: 'skip', because: 'stuck', stuckMinutes: 61 }, { kind: 'restart', stuckMinutes: 61 }],
    ['uploading', 5, 1, { kind: 'skip', because: 'stuck', stuckMinutes: 5 }, { kind: 'restart', stuckMinutes: 5 }],
    ['new', 1440, 0, inProgress, inProgress],
    ['retrying', 2000, 0, inProgress, inProgress],
  ];

  test.each(table)(
    '%s, unchanged for %i minutes, stuck-minutes %i',
    (state, minutes, stuckMinutes, retest, rebuild) => {
      const preview = deploy({ state, updatedAt: ago(minutes) });
      expect(decide('retest', preview, context(stuckMinutes))).toEqual(retest);
      expect(decide('rebuild', preview, context(stuckMinutes))).toEqual(rebuild);
    },
  );

  test('a last change that is no date is not stuck', () => {
    expect(decide('rebuild', deploy({ state: 'building', updatedAt: 'yesterday' }), context())).toEqual(inProgress);
  });

  test.each([
    ['ready', { kind: 'skip', because: 'ready' }, { kind: 'retry', because: 'forced' }],
    ['error', { kind: 'retry', because: 'failed' }, { kind: 'retry', because: 'failed' }],
  ] as [string, Decision, Decision][])('a %s deploy unchanged for hours is not stuck', (state, retest, rebuild) => {
    const preview = deploy({ state, updatedAt: ago(600) });
    expect(decide('retest', preview, context())).toEqual(retest);
    expect(decide('rebuild', preview, context())).toEqual(rebuild);
  });
});

describe('the other states', () => {
  test.each(['old', 'current', 'unknown', 'deleted'])('%s is skipped as unknown', (state) => {
    for (const command of ['retest', 'rebuild'] as const) {
      expect(decide(command, deploy({ state }), context())).toEqual({ kind: 'skip', because: 'unknown-state' });
    }
  });

  test('no preview: not found', () => {
    expect(decide('retest', null, context())).toEqual({ kind: 'not-found' });
    expect(decide('rebuild', null, context())).toEqual({ kind: 'not-found' });
  });

  test.each([
    ['ready', true],
    ['error', true],
    ['building', false],
    ['pending_review', false],
    ['accepted', false],
  ])('isFinal(%s) → %s', (state, final) => {
    expect(isFinal(state)).toBe(final);
  });
});

describe('retryTookEffect: the deploy read again after a lost answer', () => {
  const before = deploy({ state: 'error', updatedAt: '2026-12-01T11:00:00Z' });
  // [what, the deploy now, whether a new build ran]
  const table: [string, Partial<ReturnType<typeof deploy>>, boolean][] = [
    ['unchanged: the retry did not arrive', {}, false],
    ['building now', { state: 'building' }, true],
    ['enqueued now, same time', { state: 'enqueued' }, true],
    ['ready already', { state: 'ready', updatedAt: '2026-12-01T11:02:00Z' }, true],
    ['ready, its last change not reported', { state: 'ready' }, true],
    ['failed again, later', { updatedAt: '2026-12-01T11:03:00Z' }, true],
  ];
  test.each(table)('%s → %s', (_what, now, tookEffect) => {
    expect(retryTookEffect(before, { ...before, ...now })).toBe(tookEffect);
  });
});

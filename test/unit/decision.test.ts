import { describe, expect, test } from 'vitest';
import type { CommandName } from '../../src/core/command.js';
import { type Decision, decide, isStale, retryTookEffect, skipReason } from '../../src/core/decision.js';
import type { Deploy } from '../../src/core/preview.js';

const preview = (state: string, over: Partial<Deploy> = {}): Deploy => ({
  id: 'd1',
  siteName: 'docs',
  state,
  context: 'deploy-preview',
  reviewId: 7,
  commitRef: 'a'.repeat(40),
  branch: 'pr-7',
  url: 'https://deploy-preview-7--docs.netlify.app',
  createdAt: '2026-11-01T00:00:00Z',
  errorMessage: null,
  ...over,
});

const IN_PROGRESS = [
  'new',
  'enqueued',
  'building',
  'uploading',
  'uploaded',
  'preparing',
  'prepared',
  'processing',
  'processed',
  'retrying',
];
const OTHER = ['pending_review', 'accepted', 'rejected', 'old', 'current', 'some_future_state'];

describe('decide: the table of issue 2, every state, both commands', () => {
  const table: [string, CommandName, Decision][] = [
    ['error', 'retest', { kind: 'retry', because: 'failed' }],
    ['error', 'rebuild', { kind: 'retry', because: 'failed' }],
    ['ready', 'retest', { kind: 'skip', because: 'ready' }],
    ['ready', 'rebuild', { kind: 'retry', because: 'forced' }],
    ...IN_PROGRESS.flatMap((state): [string, CommandName, Decision][] => [
      [state, 'retest', { kind: 'skip', because: 'in-progress' }],
      [state, 'rebuild', { kind: 'skip', because: 'in-progress' }],
    ]),
    ...OTHER.flatMap((state): [string, CommandName, Decision][] => [
      [state, 'retest', { kind: 'skip', because: 'other-state' }],
      [state, 'rebuild', { kind: 'skip', because: 'other-state' }],
    ]),
  ];
  test.each(table)('%s + %s', (state, command, expected) => {
    expect(decide(command, preview(state))).toEqual(expected);
  });

  test.each<CommandName>(['retest', 'rebuild'])('no preview + %s → not-found', (command) => {
    expect(decide(command, null)).toEqual({ kind: 'not-found' });
  });
});

describe('skipReason', () => {
  test('names the state and the PR', () => {
    expect(skipReason({ kind: 'not-found' }, null, 7, 'site-1')).toBe('PR #7 has no deploy preview on site site-1.');
    expect(skipReason({ kind: 'skip', because: 'in-progress' }, preview('building'), 7, 's')).toBe(
      'A build of the deploy preview is already in progress (building).',
    );
    expect(skipReason({ kind: 'skip', because: 'other-state' }, preview('pending_review'), 7, 's')).toBe(
      'The deploy preview is in state pending_review, which is not retried.',
    );
  });
});

describe('isStale', () => {
  test.each([
    ['same commit', 'a'.repeat(40), 'a'.repeat(40), false],
    ['head moved on', 'a'.repeat(40), 'b'.repeat(40), true],
    ['head unknown', 'a'.repeat(40), null, false],
    ['preview commit unknown', null, 'b'.repeat(40), false],
  ])('%s', (_name, built, head, stale) => {
    expect(Boolean(isStale(preview('error', { commitRef: built }), head))).toBe(stale);
  });
});

describe('retryTookEffect: reading the deploy after a lost answer', () => {
  test.each([
    ['error', 'enqueued', true],
    ['error', 'building', true],
    ['error', 'error', false],
    ['ready', 'ready', false],
    ['ready', 'new', true],
    ['error', 'ready', true],
  ])('%s then %s → %s', (before, after, expected) => {
    expect(retryTookEffect(preview(before), preview(after))).toBe(expected);
  });
});

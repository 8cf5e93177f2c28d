import { describe, expect, test } from 'vitest';
import type { Outcome } from '../../src/core/outcome.js';
import { type Handoff, HandoffError, readHandoff, writeHandoff } from '../../src/handoff.js';
import { deploy, failed, notFound, ofSites, retried, skipped } from './fixtures.js';

const handoff = (outcome: Outcome, over: Partial<Handoff> = {}): Handoff => ({
  comment: 'IC_kwDOABCD',
  replyId: 'IC_kwDOREPLY',
  startedAt: 1_800_000_000_000,
  outcome,
  ...over,
});

describe('writeHandoff → readHandoff', () => {
  // [what, handoff]
  const table: [string, Handoff][] = [
    ['a retry to follow', handoff(ofSites('retest', retried({ follow: 'pending' })))],
    [
      'a restart, answer lost, stale',
      handoff(
        ofSites(
          'rebuild',
          retried({
            decision: { kind: 'restart', stuckMinutes: 45 },
            lostAnswer: deploy({ state: 'building' }),
            stale: { built: 'a'.repeat(40), head: 'b'.repeat(40) },
            follow: 'pending',
          }),
        ),
      ),
    ],
    [
      'a build in progress to follow',
      handoff(
        ofSites(
          'retest',
          skipped(
            { kind: 'skip', because: 'in-progress' },
            { preview: deploy({ state: 'building' }), follow: 'pending' },
          ),
        ),
      ),
    ],
    [
      'a raced retry',
      handoff(
        ofSites(
          'retest',
          skipped(
            { kind: 'skip', because: 'in-progress' },
            { raced: deploy({ state: 'enqueued' }), follow: 'pending' },
          ),
        ),
      ),
    ],
    [
      'a canceled skip',
      handoff(ofSites('retest', skipped({ kind: 'skip', because: 'canceled', canceled: 'no-change' }))),
    ],
    ['a stuck skip', handoff(ofSites('retest', skipped({ kind: 'skip', because: 'stuck', stuckMinutes: 31 })))],
    [
      'several sites, one failed, one not found',
      handoff(ofSites('retest', retried({ follow: 'pending' }), failed(), notFound({ pageLimit: 30 }))),
    ],
    ['no reply to edit', handoff(ofSites('retest', retried({ follow: 'pending' })), { replyId: null })],
    [
      'nulls in the deploy',
      handoff(
        ofSites(
          'retest',
          retried({
            preview: deploy({
              siteName: null,
              url: null,
              logUrl: null,
              commitRef: null,
              branch: null,
              errorMessage: null,
              context: null,
              reviewId: null,
            }),
          }),
        ),
      ),
    ],
  ];
  test.each(table)('%s round-trips', (_what, value) => {
    expect(readHandoff(writeHandoff(value))).toEqual(value);
  });
});

describe('a handoff that is not one is refused', () => {
  const good = JSON.parse(writeHandoff(handoff(ofSites('retest', retried({ follow: 'pending' }))))) as Record<
    string,
    any
  >;
  const spoiled = (spoil: (h: any) => void) => {
    const copy = structuredClone(good);
    spoil(copy);
    return JSON.stringify(copy);
  };
  // [what, text]
  const table: [string, string][] = [
    ['not JSON', 'not json'],
    ['cut short', writeHandoff(handoff(ofSites('retest', retried()))).slice(0, -10)],
    ['empty', ''],
    ['foreign JSON', '{"result":"retried","deploy-id":"x"}'],
    ['an array', '[]'],
    ['another version', spoiled((h) => (h.v = 2))],
    ['no version', spoiled((h) => delete h.v)],
    ['a comment id with markup', spoiled((h) => (h.comment = '<img src=x>'))],
    ['a start time that is no number', spoiled((h) => (h.startedAt = 'now'))],
    [
      'a denied outcome',
      spoiled(
        (h) =>
          (h.outcome = {
            result: 'denied',
            command: 'retest',
            denial: { login: 'x', permission: null, prTrusted: null },
          }),
      ),
    ],
    ['an ok-to-test command', spoiled((h) => (h.outcome.command = 'ok-to-test'))],
    ['a dry-run retry', spoiled((h) => (h.outcome.sites[0].dryRun = true))],
    ['a state with markup', spoiled((h) => (h.outcome.sites[0].preview.state = '<b>ready</b>'))],
    ['a URL that is not https', spoiled((h) => (h.outcome.sites[0].preview.url = 'javascript:alert(1)'))],
    ['a URL with a space', spoiled((h) => (h.outcome.sites[0].preview.logUrl = 'https://x.example/a b'))],
    ['a deploy id with a slash', spoiled((h) => (h.outcome.sites[0].preview.id = '../../admin'))],
    ['a commit that is not hex', spoiled((h) => (h.outcome.sites[0].preview.commitRef = 'zzzzzzz'))],
    ['a date that is no date', spoiled((h) => (h.outcome.sites[0].preview.createdAt = 'soon'))],
    ['an unknown decision', spoiled((h) => (h.outcome.sites[0].decision = { kind: 'retry', because: 'bored' }))],
    [
      'a follow that ended already',
      spoiled((h) => (h.outcome.sites[0].follow = { end: 'ready', state: 'ready', seconds: 1, deploy: null })),
    ],
    ['a site id with a space', spoiled((h) => (h.outcome.sites[0].site.id = 'a b'))],
    ['21 sites', spoiled((h) => (h.outcome.sites = Array.from({ length: 21 }, () => h.outcome.sites[0])))],
    ['an error message too long', spoiled((h) => (h.outcome.sites[0].preview.errorMessage = 'x'.repeat(2_001)))],
  ];
  test.each(table)('%s', (_what, text) => {
    expect(() => readHandoff(text)).toThrow(HandoffError);
    expect(() => readHandoff(text)).toThrow(/^Input handoff is not/);
  });
});

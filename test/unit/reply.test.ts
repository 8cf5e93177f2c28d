import { describe, expect, test } from 'vitest';
import { type CommandName, parseCommand } from '../../src/core/command.js';
import type { Outcome, Result } from '../../src/core/decision.js';
import type { Deploy } from '../../src/core/preview.js';
import { finalReaction, REPLY_MARKER, renderReply } from '../../src/core/reply.js';

const ctx = {
  login: 'alice',
  words: { retest: '/retest', rebuild: '/rebuild-preview' },
  okToTestLabel: 'ok-to-test',
  runUrl: 'https://github.com/o/r/actions/runs/1',
};

const preview: Deploy = {
  id: '64ab',
  siteName: 'docs-site',
  state: 'error',
  context: 'deploy-preview',
  reviewId: 7,
  commitRef: '0123456789abcdef0123456789abcdef01234567',
  branch: 'pr-7',
  url: 'https://deploy-preview-7--docs-site.netlify.app',
  createdAt: '2026-11-01T00:00:00Z',
  errorMessage: 'Build script returned non-zero exit code: 2',
};

const outcome = (result: Result, over: Partial<Outcome> = {}): Outcome => ({
  result,
  command: 'retest' as CommandName,
  reason: 'Because.',
  preview,
  ...over,
});

describe('renderReply', () => {
  test('a retry names the commenter and links the preview and its deploy log', () => {
    const text = renderReply(
      outcome('retried', { reason: 'The deploy preview had failed, so a retry was requested.' }),
      ctx,
    );
    expect(text.startsWith('@alice The deploy preview had failed, so a retry was requested.')).toBe(true);
    expect(text).toContain('- Preview: https://deploy-preview-7--docs-site.netlify.app');
    expect(text).toContain('- Deploy log: https://app.netlify.com/sites/docs-site/deploys/64ab');
    expect(text).toContain('built from `0123456`');
    expect(text.endsWith(REPLY_MARKER)).toBe(true);
  });

  test('a ready preview tells how to force a rebuild, inline so the reply holds no command line', () => {
    const text = renderReply(outcome('skipped', { preview: { ...preview, state: 'ready' } }), ctx);
    expect(text).toContain('Comment `/rebuild-preview` to force a rebuild.');
    expect(parseCommand(text, ctx.words)).toBeNull();
  });

  test('a denial says who can unblock it and shows no deploy', () => {
    const reason = '@alice is not trusted to run commands on this PR';
    const text = renderReply(outcome('denied', { reason: `${reason}.`, decidedBy: reason, preview: null }), ctx);
    expect(text.startsWith('@alice is not trusted to run commands on this PR, so `/retest` was not run.')).toBe(true);
    expect(text).toContain('adding the `ok-to-test` label');
    expect(text).not.toContain('Preview:');
  });

  test('a failure says the retry could not be requested, what to fix, and links the run', () => {
    const text = renderReply(
      outcome('failed', { reason: 'Netlify rejected the token (401).', fix: 'set the netlify-token secret' }),
      ctx,
    );
    expect(text).toContain('The retry could not be requested. Netlify rejected the token (401).');
    expect(text).toContain('To fix: set the netlify-token secret.');
    expect(text).toContain('[workflow run](https://github.com/o/r/actions/runs/1)');
  });

  test('a stale preview says which commit it was built from and what the head is', () => {
    const text = renderReply(
      outcome('retried', { stale: { built: preview.commitRef as string, head: 'f'.repeat(40) } }),
      ctx,
    );
    expect(text).toContain("built from `0123456`, not from the PR's head `fffffff`");
  });

  test('no reply of any result holds a command line', () => {
    for (const result of ['retried', 'skipped', 'not-found', 'denied', 'failed'] as Result[]) {
      expect(parseCommand(renderReply(outcome(result), ctx), ctx.words)).toBeNull();
    }
  });
});

test.each([
  ['retried', 'rocket'],
  ['denied', 'confused'],
  ['failed', 'confused'],
  ['skipped', null],
  ['not-found', null],
  ['ignored', null],
] as const)('finalReaction(%s) → %s', (result, reaction) => {
  expect(finalReaction(result)).toBe(reaction);
});

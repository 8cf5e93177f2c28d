import { expect, test } from 'vitest';
import { type CommentFacts, screenComment } from '../../src/core/screen.js';

const words = { retest: '/retest', rebuild: '/rebuild-preview' };
const base: CommentFacts = {
  action: 'created',
  isPullRequest: true,
  prState: 'open',
  body: '/retest',
  commenterLogin: 'alice',
  commenterType: 'User',
};

test.each<[string, string, Partial<CommentFacts>, string]>([
  ['a command on an open PR', 'issue_comment', {}, 'command'],
  ['another event', 'pull_request', {}, 'ignored'],
  ['an edited comment', 'issue_comment', { action: 'edited' }, 'ignored'],
  ['a deleted comment', 'issue_comment', { action: 'deleted' }, 'ignored'],
  ['a comment on an issue', 'issue_comment', { isPullRequest: false }, 'ignored'],
  ['a closed PR', 'issue_comment', { prState: 'closed' }, 'ignored'],
  ['no command', 'issue_comment', { body: 'thanks!' }, 'ignored'],
  ['a bot', 'issue_comment', { commenterLogin: 'dependabot[bot]', commenterType: 'Bot' }, 'ignored'],
  ['a bot without a type', 'issue_comment', { commenterLogin: 'dependabot[bot]', commenterType: undefined }, 'ignored'],
  [
    'a Bot-typed account without the suffix',
    'issue_comment',
    { commenterLogin: 'some-bot', commenterType: 'Bot' },
    'ignored',
  ],
  ['a trusted app', 'issue_comment', { commenterLogin: 'renovate[bot]', commenterType: 'Bot' }, 'command'],
])('%s → %s', (_name, eventName, over, expected) => {
  expect(screenComment(eventName, () => ({ ...base, ...over }), words, ['renovate']).kind).toBe(expected);
});

test('does not read the payload of another event', () => {
  const read = () => {
    throw new Error('read');
  };
  expect(screenComment('push', read, words, [])).toEqual({
    kind: 'ignored',
    reason: 'The event is push, not issue_comment.',
  });
});

import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { EventError, readCommentEvent } from '../../src/event.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, any>[];
}[];

/** GitHub's recorded `issue_comment` (created) payload, as sent: a comment on an issue, by an owner. */
function recorded(): Record<string, any> {
  const example = examples.find((e) => e.name === 'issue_comment')?.examples.findLast((e) => e.action === 'created');
  if (!example) throw new Error('no recorded issue_comment example');
  return structuredClone(example);
}

/** The recorded payload made a comment on PR 42 of octo-org/docs. */
function onPullRequest(): Record<string, any> {
  const payload = recorded();
  payload.repository.name = 'docs';
  payload.repository.owner.login = 'octo-org';
  payload.issue.number = 42;
  payload.issue.node_id = 'PR_kwDOABCD42';
  payload.issue.pull_request = {
    url: 'https://api.github.com/repos/octo-org/docs/pulls/42',
    html_url: 'https://github.com/octo-org/docs/pull/42',
    diff_url: 'https://github.com/octo-org/docs/pull/42.diff',
    patch_url: 'https://github.com/octo-org/docs/pull/42.patch',
    merged_at: null,
  };
  payload.issue.author_association = 'CONTRIBUTOR';
  payload.issue.labels = [
    {
      id: 1,
      node_id: 'LA_1',
      url: 'https://x',
      name: 'OK-To-Test',
      color: 'ededed',
      default: false,
      description: null,
    },
  ];
  payload.comment.id = 1_234_567;
  payload.comment.node_id = 'IC_kwDOABCD';
  payload.comment.body = '/retest';
  payload.comment.user.login = 'alice';
  payload.comment.user.type = 'User';
  payload.comment.author_association = 'MEMBER';
  return payload;
}

describe('readCommentEvent', () => {
  test('reads the facts of a PR comment', () => {
    expect(readCommentEvent(onPullRequest())).toEqual({
      action: 'created',
      isPullRequest: true,
      prNumber: 42,
      prState: 'open',
      prNodeId: 'PR_kwDOABCD42',
      prAuthorAssociation: 'CONTRIBUTOR',
      labels: ['OK-To-Test'],
      commentId: 1_234_567,
      commentNodeId: 'IC_kwDOABCD',
      body: '/retest',
      commenterLogin: 'alice',
      commenterType: 'User',
      commenterAssociation: 'MEMBER',
      owner: 'octo-org',
      repo: 'docs',
      repository: 'octo-org/docs',
      repositoryIsPrivate: false,
    });
  });

  test('the recorded payload as GitHub sent it is a comment on an issue', () => {
    const event = readCommentEvent(recorded());
    expect(event.isPullRequest).toBe(false);
    expect(event.commenterAssociation).toBe('OWNER');
  });

  // [what, change to the payload, what is read]
  const table: [string, (p: any) => void, Record<string, unknown>][] = [
    ['a null user is the ghost', (p) => (p.comment.user = null), { commenterLogin: 'ghost', commenterType: undefined }],
    ['a user without a type', (p) => delete p.comment.user.type, { commenterLogin: 'alice', commenterType: undefined }],
    [
      'an app',
      (p) => Object.assign(p.comment.user, { login: 'renovate[bot]', type: 'Bot' }),
      { commenterLogin: 'renovate[bot]', commenterType: 'Bot' },
    ],
    ['a null body', (p) => (p.comment.body = null), { body: '' }],
    ['no body', (p) => delete p.comment.body, { body: '' }],
    ['null labels', (p) => (p.issue.labels = null), { labels: [] }],
    ['no labels', (p) => delete p.issue.labels, { labels: [] }],
    ['labels as names', (p) => (p.issue.labels = ['a', 'b']), { labels: ['a', 'b'] }],
    ['a null pull_request: an issue', (p) => (p.issue.pull_request = null), { isPullRequest: false }],
    ['a private repository', (p) => (p.repository.private = true), { repositoryIsPrivate: true }],
    ['private absent: taken as public', (p) => delete p.repository.private, { repositoryIsPrivate: false }],
    ['a closed PR', (p) => (p.issue.state = 'closed'), { prState: 'closed' }],
    ['an edited comment', (p) => (p.action = 'edited'), { action: 'edited' }],
  ];
  test.each(table)('%s', (_what, change, expected) => {
    const payload = onPullRequest();
    change(payload);
    expect(readCommentEvent(payload)).toMatchObject(expected);
  });

  // [what, change, the field the error names]
  const bad: [string, (p: any) => void, string][] = [
    ['a number as a string', (p) => (p.issue.number = '42'), 'issue.number'],
    ['a number that is 0', (p) => (p.issue.number = 0), 'issue.number'],
    ['no comment', (p) => delete p.comment, 'comment'],
    ['no comment association', (p) => delete p.comment.author_association, 'comment.author_association'],
    ['an empty node id', (p) => (p.issue.node_id = ''), 'issue.node_id'],
    ['a login with a space', (p) => (p.comment.user.login = 'alice smith'), 'comment.user.login'],
    ['a login with a newline', (p) => (p.comment.user.login = 'alice\n::add-mask::x'), 'comment.user.login'],
    ['a login with markup', (p) => (p.comment.user.login = '<img>'), 'comment.user.login'],
    ['a login of 40 characters', (p) => (p.comment.user.login = 'a'.repeat(40)), 'comment.user.login'],
    ['a login starting with -', (p) => (p.comment.user.login = '-alice'), 'comment.user.login'],
    ['an owner with [bot]', (p) => (p.repository.owner.login = 'octo[bot]'), 'repository.owner.login'],
    ['a null owner', (p) => (p.repository.owner = null), 'repository.owner'],
    ['a repository name with a slash', (p) => (p.repository.name = 'docs/x'), 'repository.name'],
    ['private as a string', (p) => (p.repository.private = 'true'), 'repository.private'],
  ];
  test.each(bad)('%s is refused, naming %s', (_what, spoil, field) => {
    const payload = onPullRequest();
    spoil(payload);
    expect(() => readCommentEvent(payload)).toThrow(EventError);
    expect(() => readCommentEvent(payload)).toThrow(`malformed at ${field} (`);
  });

  test.each([null, 'text', [], {}])('%j is no payload', (json) => {
    expect(() => readCommentEvent(json)).toThrow(/^The issue_comment event payload is malformed at /);
  });
});

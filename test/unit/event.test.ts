import { describe, expect, test } from 'vitest';
import { EventError, readCommentEvent } from '../../src/event.js';
import { commentPayload, recordedCommentPayload } from '../lib/support/payloads.js';

describe('readCommentEvent', () => {
  test('reads the facts from a PR comment payload derived from a recorded one', () => {
    const payload = commentPayload({
      body: '/retest',
      login: 'alice',
      association: 'MEMBER',
      labels: ['docs'],
      prNumber: 9,
    });
    expect(readCommentEvent(payload)).toMatchObject({
      action: 'created',
      isPullRequest: true,
      prNumber: 9,
      prState: 'open',
      labels: ['docs'],
      body: '/retest',
      commenterLogin: 'alice',
      commenterType: 'User',
      commenterAssociation: 'MEMBER',
      owner: 'octo-org',
      repo: 'docs',
    });
  });

  test('the recorded payload itself is a comment on an issue, not a PR', () => {
    const event = readCommentEvent(recordedCommentPayload());
    expect(event.isPullRequest).toBe(false);
    expect(event.commenterAssociation).toBe('OWNER');
  });

  test('accepts what the webhook schema allows: a null user, no user type, null body, no labels', () => {
    const payload = commentPayload({ body: 'x' });
    payload.comment.user = null;
    payload.comment.body = null;
    delete payload.issue.labels;
    const event = readCommentEvent(payload);
    expect(event.commenterLogin).toBe('ghost');
    expect(event.body).toBe('');
    expect(event.labels).toEqual([]);
  });

  test.each([
    ['issue.number', (p: any) => (p.issue.number = '42')],
    ['comment', (p: any) => delete p.comment],
    ['comment.author_association', (p: any) => delete p.comment.author_association],
    ['repository.owner', (p: any) => (p.repository.owner = null)],
  ])('a malformed payload names the field: %s', (field, spoil) => {
    const payload = commentPayload({ body: '/retest' });
    spoil(payload);
    expect(() => readCommentEvent(payload)).toThrow(EventError);
    expect(() => readCommentEvent(payload)).toThrow(`malformed at ${field}`);
  });
});

/**
 * The issue_comment payloads the tests feed the action, held to GitHub's webhook schema
 * (@octokit/openapi-webhooks), and the action's reading of them held to what that schema allows.
 */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { ASSOCIATIONS } from '../../src/core/trust.js';
import { readCommentEvent } from '../../src/event.js';
import { type CommentSpec, commentPayload, recordedCommentPayload } from '../lib/support/payloads.js';
import { checkCommentPayload } from '../lib/contract/specs.js';

const require = createRequire(import.meta.url);
const webhooks = require('@octokit/openapi-webhooks/generated/api.github.com.json') as {
  components: { schemas: Record<string, any> };
};
const recorded = (
  require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: any[] }[]
).find((e) => e.name === 'issue_comment')?.examples as any[];

const VARIANTS: [string, CommentSpec][] = [
  ['a command on a PR', { body: '/retest' }],
  ['edited', { body: '/retest', action: 'edited' }],
  ['deleted', { body: '/retest', action: 'deleted' }],
  ['by a bot', { body: '/retest', login: 'dependabot[bot]', userType: 'Bot' }],
  ['by an organization', { body: '/retest', login: 'octo-org', userType: 'Organization' }],
  ['with labels', { body: '/retest', labels: ['ok-to-test', 'docs'] }],
  ['on an issue', { body: '/retest', onPullRequest: false }],
  ['on a closed PR', { body: '/retest', state: 'closed' }],
  ['in a private repository', { body: '/retest', privateRepo: true }],
  [
    'a first-time contributor',
    { body: '/retest', association: 'FIRST_TIME_CONTRIBUTOR', prAuthorAssociation: 'FIRST_TIMER' },
  ],
];

describe("the payloads are GitHub's", () => {
  test.each(VARIANTS)('%s: valid against the webhook schema', (_name, spec) => {
    expect(checkCommentPayload(commentPayload(spec))).toEqual([]);
  });

  test.each(['created', 'edited', 'deleted'] as const)(
    '%s: derived from a recorded payload, every recorded field kept',
    (action) => {
      const original = recordedCommentPayload(action);
      expect(recorded.some((example) => JSON.stringify(example) === JSON.stringify(original))).toBe(true);
      const derived = commentPayload({ body: '/retest', action });
      // The only fields added to the recording are those of issue.pull_request (the recordings are on issues).
      const added = keyPaths(derived).filter((path) => !keyPaths(original).includes(path));
      expect(added.every((path) => path.startsWith('issue.pull_request'))).toBe(true);
      expect(keyPaths(original).filter((path) => !keyPaths(derived).includes(path))).toEqual([]);
    },
  );

  test('privateRepo sets repository.private and visibility; the default is a public repository', () => {
    const secret = commentPayload({ body: '/retest', privateRepo: true }).repository;
    const open = commentPayload({ body: '/retest' }).repository;
    expect([secret.private, secret.visibility, open.private, open.visibility]).toEqual([
      true,
      'private',
      false,
      'public',
    ]);
  });

  test('the first recorded `created` example is older than the schema, which is why it is not used', () => {
    const oldest = recorded.find((e) => e.action === 'created');
    expect(checkCommentPayload(oldest)).toContain(
      'issue_comment created payload/comment is missing required reactions',
    );
  });
});

describe('payloads the webhook schema rejects', () => {
  const cases: [string, (p: any) => void, string][] = [
    [
      'an unknown user type',
      (p) => (p.comment.user.type = 'Robot'),
      'issue_comment created payload/comment/user/type must be equal to one of the allowed values (["Bot","User","Organization"])',
    ],
    [
      'a comment id that is text',
      (p) => (p.comment.id = '1234'),
      'issue_comment created payload/comment/id must be integer',
    ],
    [
      'no author_association',
      (p) => delete p.comment.author_association,
      'issue_comment created payload/comment is missing required author_association',
    ],
    [
      'an unknown association',
      (p) => (p.issue.author_association = 'STRANGER'),
      'issue_comment created payload/issue/author_association must be equal to one of the allowed values (["COLLABORATOR","CONTRIBUTOR","FIRST_TIMER","FIRST_TIME_CONTRIBUTOR","MANNEQUIN","MEMBER","NONE","OWNER"])',
    ],
    [
      'a state GitHub does not have',
      (p) => (p.issue.state = 'merged'),
      'issue_comment created payload/issue/state must be equal to one of the allowed values (["open","closed"])',
    ],
    ['no repository', (p) => delete p.repository, 'issue_comment created payload is missing required repository'],
  ];
  test.each(cases)('%s', (_name, change, problem) => {
    const payload = commentPayload({ body: '/retest' });
    change(payload);
    expect(checkCommentPayload(payload)).toContain(problem);
  });

  test('an action issue_comment does not have', () => {
    expect(checkCommentPayload({ ...commentPayload({ body: '/retest' }), action: 'updated' })).toEqual([
      'issue_comment payload: action "updated" is none of created, edited, deleted',
    ]);
  });
});

describe('the action reads whatever the webhook schema allows', () => {
  /** The fields src/event.ts reads. */
  const READ = [
    'issue.number',
    'issue.state',
    'issue.node_id',
    'issue.pull_request',
    'issue.labels',
    'issue.author_association',
    'comment.id',
    'comment.node_id',
    'comment.body',
    'comment.user',
    'comment.user.login',
    'comment.user.type',
    'comment.author_association',
    'repository.name',
    'repository.owner.login',
  ];
  const variants = READ.flatMap((path) => [
    [`${path} absent`, path, undefined],
    [`${path} null`, path, null],
  ]) as [string, string, null | undefined][];

  /** The variants GitHub's schema allows: each one must be read without an error. */
  const allowed = variants.filter(([, path, value]) => {
    const payload = commentPayload({ body: '/retest', labels: ['docs'] });
    set(payload, path, value);
    return checkCommentPayload(payload).length === 0;
  });

  test('the schema allows comment.user to be null, comment.user.type and issue.pull_request to be absent', () => {
    expect(allowed.map(([name]) => name)).toEqual([
      'issue.pull_request absent',
      'comment.user null',
      'comment.user.type absent',
    ]);
  });

  test.each(allowed)('%s: the schema allows it, and so does the action', (_name, path, value) => {
    const payload = commentPayload({ body: '/retest', labels: ['docs'] });
    set(payload, path, value);
    expect(() => readCommentEvent(payload)).not.toThrow();
  });

  test('a comment whose author was deleted is read as by @ghost', () => {
    const ghost = commentPayload({ body: '/retest' });
    ghost.comment.user = null;
    expect(readCommentEvent(ghost)).toMatchObject({ commenterLogin: 'ghost', commenterType: undefined });
  });

  test("the associations the action knows are exactly the schema's", () => {
    const created = webhooks.components.schemas['webhook-issue-comment-created'];
    expect([...created.properties.comment.properties.author_association.enum].sort()).toEqual([...ASSOCIATIONS].sort());
  });
});

function keyPaths(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...keyPaths(child, path)];
  });
}

function set(target: any, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((node, key) => node?.[key], target);
  if (!parent) return;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

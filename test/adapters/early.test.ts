/**
 * The shell's early 👀 (src/early.ts), against the fake GitHub: it goes out exactly when the comment is a
 * command whatever the rest of the action decides, and never otherwise.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { realClock } from '../../src/clock.js';
import { acknowledgeEarly } from '../../src/early.js';
import { FakeGitHub } from '../lib/fakes/github.js';
import { type CommentSpec, commentPayload } from '../lib/support/payloads.js';
import { GITHUB_TOKEN, NETLIFY_TOKEN, OWNER, REPO } from '../lib/support/sandbox.js';

let github: FakeGitHub;
let dir: string;
let next = 7_000_000;

beforeAll(async () => {
  github = new FakeGitHub(OWNER, REPO, GITHUB_TOKEN);
  await github.start();
  dir = mkdtempSync(join(tmpdir(), 'npr-early-'));
});
afterAll(async () => {
  await github.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The runner's environment for a comment: action.yml's defaults for the inputs read here, then `inputs`. */
function environment(payload: unknown, inputs: Record<string, string> = {}, eventName = 'issue_comment') {
  const path = join(dir, `event-${next}.json`);
  writeFileSync(path, JSON.stringify(payload));
  const values: Record<string, string> = {
    'github-token': GITHUB_TOKEN,
    'netlify-token': NETLIFY_TOKEN,
    'site-id': '3f1e2d4c-5b6a-4789-9abc-def012345678',
    'retest-command': '/retest',
    'rebuild-command': '/rebuild-preview',
    'ok-to-test-command': '',
    'trusted-apps': '',
    'dry-run': 'false',
    handoff: '',
    ...inputs,
  };
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_API_URL: github.apiUrl,
  };
  for (const [name, value] of Object.entries(values)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** Runs the early acknowledgement on a comment; returns whether a 👀 reached GitHub, and the failure if any. */
async function early(
  spec: Partial<CommentSpec> & { body: string },
  inputs?: Record<string, string>,
  edit?: (p: Record<string, any>) => void,
  eventName?: string,
) {
  const commentId = next++;
  const payload = commentPayload({
    association: 'MEMBER',
    ...spec,
    commentId,
    commentNodeId: github.commentNodeId(commentId),
  });
  edit?.(payload);
  const from = github.requests.length;
  const sent = acknowledgeEarly(environment(payload, inputs, eventName), realClock, 'test');
  const failure = sent ? await sent : undefined;
  return {
    sent: sent !== null,
    failure,
    reactions: github.reactionsOn(commentId),
    requests: github.requests.length - from,
  };
}

describe('sent when the comment is a command, whatever the rest decides', () => {
  test.each([
    ['/retest', {}],
    ['/rebuild-preview', {}],
    ['The build flaked.\n\n/ReTest', {}],
    ['/netlify-rebuild', { 'rebuild-command': '/netlify-rebuild' }],
    ['/ok-to-test', { 'ok-to-test-command': '/ok-to-test' }],
  ] as const)('%j', async (body, inputs) => {
    const seen = await early({ body }, inputs);
    expect(seen).toEqual({ sent: true, failure: null, reactions: ['eyes'], requests: 1 });
  });

  test("a trusted app's command, and a stranger's (who is then denied: 👀 and 😕)", async () => {
    expect(
      (await early({ body: '/retest', login: 'renovate[bot]', userType: 'Bot' }, { 'trusted-apps': 'renovate' })).sent,
    ).toBe(true);
    expect((await early({ body: '/retest', login: 'stranger', association: 'NONE' })).sent).toBe(true);
  });

  test('a GitHub that refuses it: the failure comes back to be logged, nothing is thrown', async () => {
    github.forbidWrites = true;
    try {
      const seen = await early({ body: '/retest' });
      expect(seen.sent).toBe(true);
      expect(seen.failure).toMatchObject({ service: 'GitHub', status: 403 });
    } finally {
      github.forbidWrites = false;
    }
  });
});

describe('not sent when the comment may not be a command for the action', () => {
  test.each<
    [
      string,
      Partial<CommentSpec> & { body: string },
      Record<string, string>?,
      ((p: Record<string, any>) => void)?,
      string?,
    ]
  >([
    ['no command', { body: 'Looks good!' }],
    ['a command with a site word (the site names are the rest’s to check)', { body: '/retest docs' }],
    ['a command in a code block', { body: '    /retest' }],
    ['an edited comment', { body: '/retest', action: 'edited' }],
    ['a comment on an issue', { body: '/retest', onPullRequest: false }],
    ['a closed PR', { body: '/retest', state: 'closed' }],
    ['a bot not in trusted-apps', { body: '/retest', login: 'dependabot[bot]', userType: 'Bot' }],
    ['a dry run', { body: '/retest' }, { 'dry-run': 'true' }],
    ['a handoff to follow', { body: '/retest' }, { handoff: '{"v":1}' }],
    [
      'an organization map, which may have no line for the repository',
      { body: '/retest' },
      { 'site-id': 'octo-org/blog: blog.netlify.app' },
    ],
    ['no github-token', { body: '/retest' }, { 'github-token': '' }],
    ['a github-token with white space', { body: '/retest' }, { 'github-token': `${GITHUB_TOKEN} x` }],
    ['a command word that is not one', { body: '/retest' }, { 'rebuild-command': 'rebuild' }],
    ['a trusted-apps list that is not one', { body: '/retest' }, { 'trusted-apps': 'my app' }],
    [
      'a payload the event schema refuses (issue.number)',
      { body: '/retest' },
      undefined,
      (p) => {
        p.issue.number = 'forty-two';
      },
    ],
    [
      'a payload without a comment node id',
      { body: '/retest' },
      undefined,
      (p) => {
        p.comment.node_id = '';
      },
    ],
    [
      'a login that is not one',
      { body: '/retest' },
      undefined,
      (p) => {
        p.comment.user.login = 'a b';
      },
    ],
    ['another event', { body: '/retest' }, undefined, undefined, 'pull_request_review_comment'],
  ])('%s', async (_name, spec, inputs, edit, eventName) => {
    expect(await early(spec, inputs, edit, eventName)).toEqual({
      sent: false,
      failure: undefined,
      reactions: [],
      requests: 0,
    });
  });
});

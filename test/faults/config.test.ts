/**
 * Bad configuration, in-process: every bad input is refused before any Netlify request, with one line that
 * names the input and says what it accepts, on a comment that would otherwise retry a failed preview. The
 * PR hears of it when the GitHub token works: a 😕 reaction and a reply that names the input, never its value.
 */
import { describe, expect, test } from 'vitest';
import { NETLIFY_TOKEN, type Sandbox } from '../lib/support/sandbox.js';
import {
  assertInvariants,
  errorLines,
  explain,
  type Played,
  Pool,
  play,
  retryPosts,
  shown,
  TOKENS,
} from './harness.js';

interface BadInput {
  /** What is wrong, in words. */
  readonly what: string;
  readonly inputs: Record<string, string>;
  /** The input(s) the message must start with, as it names them. */
  readonly names: string;
  /** What the message must say is accepted (or how to set it). */
  readonly says: RegExp;
  /** The input the reply names (default: `names`). */
  readonly input?: string;
  /** Without a usable GitHub token nothing can be said on the PR. */
  readonly noGitHub?: boolean;
  /** Seeds the sandbox beyond the PR and its failed preview. */
  readonly setup?: (sandbox: Sandbox) => void;
}

const URL_ACCEPTS = /accepts an http\(s\) URL without credentials, query or fragment/;
const COMMAND_ACCEPTS = /accepts one word that starts with a slash/;
const NOT_A_SITE = /is not a site: give the site's API ID .* not a URL or a path/;

const BAD_INPUTS: readonly BadInput[] = [
  {
    what: 'an empty Netlify token',
    inputs: { 'netlify-token': '' },
    names: 'netlify-token',
    says: /is empty: set it to a Netlify personal access token/,
  },
  {
    what: 'a Netlify token of white space',
    inputs: { 'netlify-token': ' \t ' },
    names: 'netlify-token',
    says: /is empty: set it to/,
  },
  {
    what: 'a Netlify token with white space inside (two secrets pasted together)',
    inputs: { 'netlify-token': `${NETLIFY_TOKEN} ${NETLIFY_TOKEN}` },
    names: 'netlify-token',
    says: /contains white space: set it to/,
  },
  {
    what: 'an empty GitHub token',
    inputs: { 'github-token': '' },
    names: 'github-token',
    says: /is empty: set it to a GitHub token/,
    noGitHub: true,
  },
  {
    what: 'a GitHub token with white space inside',
    inputs: { 'github-token': 'ghs_one ghs_two' },
    names: 'github-token',
    says: /contains white space/,
    noGitHub: true,
  },
  {
    what: 'an empty site id',
    inputs: { 'site-id': '' },
    names: 'site-id',
    says: /is empty: set it to the Netlify site's API ID/,
  },
  {
    what: 'a bare site name',
    inputs: { 'site-id': 'octo-docs' },
    names: 'site-id',
    says: /"octo-docs" is a site name, which the Netlify API does not take: use its domain octo-docs\.netlify\.app/,
  },
  { what: 'a site id with slashes', inputs: { 'site-id': 'octo-org/docs' }, names: 'site-id', says: NOT_A_SITE },
  {
    what: 'a site id that is a URL',
    inputs: { 'site-id': 'https://app.netlify.com/sites/octo-docs' },
    names: 'site-id',
    says: NOT_A_SITE,
  },
  { what: 'a site id that climbs a path', inputs: { 'site-id': '../../accounts' }, names: 'site-id', says: NOT_A_SITE },
  {
    what: 'an unknown association name',
    inputs: { 'trusted-associations': 'OWNER, MAINTAINER' },
    names: 'trusted-associations',
    says: /"MAINTAINER" is not an author association: use OWNER, MEMBER, COLLABORATOR/,
  },
  {
    what: 'associations separated by semicolons',
    inputs: { 'trusted-associations': 'OWNER;MEMBER' },
    names: 'trusted-associations',
    says: /"OWNER;MEMBER" is not an author association/,
  },
  {
    what: 'an unknown permission level',
    inputs: { 'trusted-permission': 'superuser' },
    names: 'trusted-permission',
    says: /accepts one of none, read, triage, write, maintain, admin/,
  },
  {
    what: "GitHub's legacy permission name push",
    inputs: { 'trusted-permission': 'push' },
    names: 'trusted-permission',
    says: /accepts one of none, read, triage, write/,
  },
  {
    what: 'trusted-permission read on a public repository (GitHub reports read for everyone there)',
    inputs: { 'trusted-permission': 'read' },
    names: 'trusted-permission',
    says: /is read, which on a public repository trusts everyone.*use triage or higher/,
  },
  {
    what: '`maybe` for a boolean',
    inputs: { 'quiet-retest': 'maybe' },
    names: 'quiet-retest',
    says: /accepts true or false/,
  },
  { what: '`yes` for dry-run', inputs: { 'dry-run': 'yes' }, names: 'dry-run', says: /accepts true or false/ },
  { what: '`no` for deny-reply', inputs: { 'deny-reply': 'no' }, names: 'deny-reply', says: /accepts true or false/ },
  {
    what: 'an unknown follow mode',
    inputs: { follow: 'always' },
    names: 'follow',
    says: /accepts true, false or next-job/,
  },
  {
    what: 'an unknown rebuild-trust',
    inputs: { 'rebuild-trust': 'anyone' },
    names: 'rebuild-trust',
    says: /accepts commenter or pr/,
  },
  {
    what: 'a non-http(s) API URL',
    inputs: { 'netlify-api-url': 'ftp://api.netlify.com/api/v1' },
    names: 'netlify-api-url',
    says: URL_ACCEPTS,
  },
  {
    what: 'a malformed API URL',
    inputs: { 'netlify-api-url': 'https//api.netlify.com' },
    names: 'netlify-api-url',
    says: URL_ACCEPTS,
  },
  {
    what: 'an API URL with credentials',
    inputs: { 'netlify-api-url': 'https://user:secret@api.netlify.com/api/v1' },
    names: 'netlify-api-url',
    says: URL_ACCEPTS,
  },
  {
    what: 'an API URL with a query',
    inputs: { 'netlify-api-url': 'https://api.netlify.com/api/v1?token=x' },
    names: 'netlify-api-url',
    says: URL_ACCEPTS,
  },
  { what: 'an empty command word', inputs: { 'retest-command': '' }, names: 'retest-command', says: COMMAND_ACCEPTS },
  {
    what: 'a command word without the slash',
    inputs: { 'rebuild-command': 'rebuild-preview' },
    names: 'rebuild-command',
    says: COMMAND_ACCEPTS,
  },
  {
    what: 'a command of two words',
    inputs: { 'rebuild-command': '/re build' },
    names: 'rebuild-command',
    says: COMMAND_ACCEPTS,
  },
  {
    what: 'a command word with a look-alike slash',
    inputs: { 'rebuild-command': '\u2215rebuild' },
    names: 'rebuild-command',
    says: COMMAND_ACCEPTS,
  },
  {
    what: 'the same word for both commands',
    inputs: { 'retest-command': '/retest', 'rebuild-command': '/retest' },
    names: 'retest-command and rebuild-command',
    says: /must be different words/,
    input: 'rebuild-command',
  },
  {
    what: 'the same word for both commands but for its case',
    inputs: { 'retest-command': '/retest', 'rebuild-command': '/RETEST' },
    names: 'retest-command and rebuild-command',
    says: /must be different words/,
    input: 'rebuild-command',
  },
  {
    what: 'an ok-to-test word that is the retest word',
    inputs: { 'ok-to-test-command': '/retest' },
    names: 'ok-to-test-command',
    says: /must be a word other than retest-command and rebuild-command/,
  },
  {
    what: 'a timeout of zero',
    inputs: { 'timeout-seconds': '0' },
    names: 'timeout-seconds',
    says: /accepts a whole number of seconds from 5 to 3600/,
  },
  {
    what: 'a timeout above an hour',
    inputs: { 'timeout-seconds': '21600' },
    names: 'timeout-seconds',
    says: /from 5 to 3600/,
  },
  {
    what: 'a timeout with a unit',
    inputs: { 'timeout-seconds': '120s' },
    names: 'timeout-seconds',
    says: /from 5 to 3600/,
  },
  {
    what: 'a fractional timeout',
    inputs: { 'timeout-seconds': '7.5' },
    names: 'timeout-seconds',
    says: /from 5 to 3600/,
  },
  {
    what: 'stuck-minutes out of range',
    inputs: { 'stuck-minutes': '100000' },
    names: 'stuck-minutes',
    says: /accepts a whole number of minutes from 0 to 1440/,
  },
  {
    what: 'a trusted user written with @ (a mention, if it were repeated on the PR)',
    inputs: { 'trusted-users': '@stranger' },
    names: 'trusted-users',
    says: /"@stranger" is not a login: drop the @/,
  },
  {
    what: 'trusted users separated by spaces',
    inputs: { 'trusted-users': 'alice bob' },
    names: 'trusted-users',
    says: /"alice bob" is not a GitHub login/,
  },
  {
    what: 'an app name with a space',
    inputs: { 'trusted-apps': 'my app' },
    names: 'trusted-apps',
    says: /"my app" is not a GitHub App name such as renovate/,
  },
  {
    what: 'a label name of 51 characters',
    inputs: { 'ok-to-test-label': 'x'.repeat(51) },
    names: 'ok-to-test-label',
    says: /accepts the name of a label of 1 to 50 characters/,
  },
];

const PR = 42;
const pool = new Pool(24);

function seed(sandbox: Sandbox): void {
  sandbox.addPull(PR);
  sandbox.addPreview(PR, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
}

const run = (inputs: Record<string, string>, setup: (sandbox: Sandbox) => void = () => undefined) =>
  pool.run(() =>
    play(
      (sandbox) => {
        seed(sandbox);
        setup(sandbox);
      },
      {
        body: '/retest',
        prNumber: PR,
        login: 'alice',
        association: 'MEMBER',
        inputs: { 'timeout-seconds': '5', ...inputs },
      },
    ),
  );

describe('bad configuration is refused before any Netlify request, and said on the PR', () => {
  test('the table holds at least 30 bad inputs', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  // The same comment with a good configuration retries, so a refusal below is the input's doing.
  const control = run({});
  test('control: the same comment with good inputs retries', async () => {
    const played = await control;
    explain(played, () => {
      expect(played.run.outputs.result).toBe('retried');
      expect(retryPosts(played.netlify)).toHaveLength(1);
      assertInvariants(played, { kind: 'command' });
    });
  });

  const privateRead = run({ 'trusted-permission': 'read' }, (sandbox) => {
    sandbox.github.privateRepo = true;
  });
  test('trusted-permission read is allowed on a private repository (payload repository.private: true)', async () => {
    const played = await privateRead;
    explain(played, () => {
      expect(played.run.outputs.result).toBe('retried');
      expect(errorLines(played.run)).toEqual([]);
      assertInvariants(played, { kind: 'command' });
    });
  });

  for (const bad of BAD_INPUTS) {
    const played = run(bad.inputs, bad.setup);
    test(bad.what, { timeout: 60_000 }, async () => {
      const result = await played;
      explain(result, () => refused(result, bad));
    });
  }
});

function refused(played: Played, bad: BadInput): void {
  const { run } = played;
  expect(played.netlify).toEqual([]);
  expect(run.code).toBe(1);
  expect(run.outputs.result).toBe('failed');

  const errors = errorLines(run);
  expect(errors).toHaveLength(1);
  const line = (errors[0] as string).slice('::error::'.length);
  // One line (the runner's command escapes a newline as %0A), naming the input, saying what it accepts.
  expect(line).not.toMatch(/%0A|%0D/);
  expect(line.startsWith(`Input${bad.names.includes(' and ') ? 's' : ''} ${bad.names}`)).toBe(true);
  expect(line).toMatch(bad.says);
  expect(line.length).toBeLessThan(300);
  expect(run.outputs.reason).toBe(line);
  expect(run.outputs.command).toBe('retest');
  // The refused value of a token is not repeated back.
  expect(shown(run.everything)).not.toContain(NETLIFY_TOKEN);

  if (bad.noGitHub) {
    expect(played.github).toEqual([]);
    expect(played.replies).toEqual([]);
    expect(run.reactions).toEqual([]);
  } else {
    const input = bad.input ?? bad.names;
    expect(run.reactions).toEqual(['confused']);
    expect(played.replies).toHaveLength(1);
    const reply = (played.replies[0] as string).replace(/\[workflow run\]\([^)]*\)/, '');
    expect(reply).toContain(`the workflow's input \`${input}\` is not valid`);
    // Never the value: it may be a secret, or a mention (@stranger).
    for (const value of Object.values(bad.inputs))
      if (value.trim().length >= 4) expect(reply).not.toContain(value.trim());
    expect(reply).not.toMatch(/@stranger/);
  }
  const masks = ['netlify-token', 'github-token'].map((name) => bad.inputs[name]?.trim() ?? '').filter(Boolean);
  assertInvariants(played, { kind: 'config', masks: [...TOKENS, ...masks] });
}

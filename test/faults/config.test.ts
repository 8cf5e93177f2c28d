/**
 * Bad configuration: every bad input is refused before any request, with one line that names the
 * input and says what it accepts, on a comment that would otherwise retry a failed preview.
 */
import { describe, expect, test } from 'vitest';
import { NETLIFY_TOKEN, type Sandbox } from '../lib/support/sandbox.js';
import { assertInvariants, errorLines, explain, type Played, Pool, play, retryPosts } from './harness.js';

interface BadInput {
  /** What is wrong, in words. */
  readonly what: string;
  readonly inputs: Record<string, string>;
  /** The input(s) the message must name, as it names them. */
  readonly names: string;
  /** What the message must say is accepted (or how to set it). */
  readonly says: RegExp;
}

const URL_ACCEPTS = /accepts an http\(s\) URL/;
const COMMAND_ACCEPTS = /accepts one word that starts with a slash/;

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
  },
  {
    what: 'an empty site id',
    inputs: { 'site-id': '' },
    names: 'site-id',
    says: /is empty: set it to the Netlify site's API ID/,
  },
  {
    what: 'a site id with slashes',
    inputs: { 'site-id': 'octo-org/docs' },
    names: 'site-id',
    says: /accepts the Netlify site's API ID \(a UUID\)/,
  },
  {
    what: 'a site id that is a URL',
    inputs: { 'site-id': 'https://app.netlify.com/sites/octo-docs' },
    names: 'site-id',
    says: /not a URL or a path/,
  },
  {
    what: 'a site id that climbs a path',
    inputs: { 'site-id': '../../accounts' },
    names: 'site-id',
    says: /not a URL or a path/,
  },
  {
    what: 'an unknown association name',
    inputs: { 'trusted-associations': 'OWNER, MAINTAINER' },
    names: 'trusted-associations',
    says: /accepts a comma-separated list of OWNER, MEMBER, COLLABORATOR/,
  },
  {
    what: 'associations separated by semicolons',
    inputs: { 'trusted-associations': 'OWNER;MEMBER' },
    names: 'trusted-associations',
    says: /accepts a comma-separated list/,
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
    what: '`maybe` for a boolean',
    inputs: { 'quiet-retest': 'maybe' },
    names: 'quiet-retest',
    says: /accepts true or false/,
  },
  { what: '`yes` for dry-run', inputs: { 'dry-run': 'yes' }, names: 'dry-run', says: /accepts true or false/ },
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
    inputs: { 'retest-command': '/re test' },
    names: 'retest-command',
    says: COMMAND_ACCEPTS,
  },
  {
    what: 'a command word with a look-alike slash',
    inputs: { 'retest-command': '\u2215retest' },
    names: 'retest-command',
    says: COMMAND_ACCEPTS,
  },
  {
    what: 'the same word for both commands',
    inputs: { 'retest-command': '/retest', 'rebuild-command': '/retest' },
    names: 'retest-command and rebuild-command',
    says: /must be different words/,
  },
  {
    what: 'the same word for both commands but for its case',
    inputs: { 'retest-command': '/Retest', 'rebuild-command': '/RETEST' },
    names: 'retest-command and rebuild-command',
    says: /must be different words/,
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
    what: 'a trusted user written with @',
    inputs: { 'trusted-users': '@alice' },
    names: 'trusted-users',
    says: /accepts a comma-separated list of GitHub logins/,
  },
  {
    what: 'trusted users separated by spaces',
    inputs: { 'trusted-users': 'alice bob' },
    names: 'trusted-users',
    says: /accepts a comma-separated list of GitHub logins/,
  },
  {
    what: 'an app name with a space',
    inputs: { 'trusted-apps': 'my app' },
    names: 'trusted-apps',
    says: /accepts a comma-separated list of GitHub App names/,
  },
  {
    what: 'a label name of 51 characters',
    inputs: { 'ok-to-test-label': 'x'.repeat(51) },
    names: 'ok-to-test-label',
    says: /accepts the name of a label of 1 to 50 characters/,
  },
];

const PR = 42;
const pool = new Pool(8);

function seed(sandbox: Sandbox): void {
  sandbox.addPull(PR);
  sandbox.addPreview(PR, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
}

const run = (inputs: Record<string, string>) =>
  pool.run(() =>
    play(seed, {
      body: '/retest',
      prNumber: PR,
      login: 'alice',
      association: 'MEMBER',
      inputs: { 'timeout-seconds': '5', ...inputs },
    }),
  );

describe('bad configuration is refused before any request', () => {
  test('the table holds at least 20 bad inputs', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(20);
  });

  // The same comment with a good configuration retries, so a refusal below is the input's doing.
  const control = run({});
  test('control: the same comment with good inputs retries', async () => {
    const played = await control;
    explain(played, () => {
      expect(played.run.outputs.result).toBe('retried');
      expect(retryPosts(played.netlify)).toHaveLength(1);
      assertInvariants(played, { pickedUp: true, githubFaulted: false });
    });
  });

  for (const bad of BAD_INPUTS) {
    const played = run(bad.inputs);
    test(bad.what, { timeout: 120_000 }, async () => {
      const result = await played;
      explain(result, () => refusedBeforeAnyRequest(result, bad));
    });
  }
});

function refusedBeforeAnyRequest(played: Played, bad: BadInput): void {
  const { run } = played;
  expect(played.netlify).toEqual([]);
  expect(played.github).toEqual([]);
  expect(played.replies).toEqual([]);
  expect(run.reactions).toEqual([]);
  expect(run.code).toBe(1);
  expect(run.outputs.result).toBe('failed');

  const errors = errorLines(run);
  expect(errors).toHaveLength(1);
  const line = (errors[0] as string).slice('::error::'.length);
  // One line (the runner's command escapes a newline as %0A), naming the input, saying what it accepts.
  expect(line).not.toMatch(/%0A|%0D/);
  expect(line.startsWith(`Input${bad.names.includes(' and ') ? 's' : ''} ${bad.names} `)).toBe(true);
  expect(line).toMatch(bad.says);
  expect(line.length).toBeLessThan(300);
  expect(run.outputs.reason).toBe(line);
  expect(run.stderr).toBe('');
  // The refused value of a token is not repeated back.
  expect(run.everything.replace(/^::add-mask::.*$/gm, '')).not.toContain(NETLIFY_TOKEN);
  assertInvariants(played, { pickedUp: false, githubFaulted: false });
}

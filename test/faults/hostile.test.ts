/**
 * Attacks, one test per hole, each reproduced end to end through the built bundle (runAction spawns
 * dist/index.js as the runner does), so that it can be shown to fail against an earlier release:
 *   NPR_DIST=/tmp/old-dist/index.js vitest run test/faults/hostile.test.ts
 * runs the same tests against another bundle (SECURITY.md lists what each covers).
 */
import { describe, expect, test } from 'vitest';
import { parseCommands } from '../../src/core/command.js';
import { FakeServer } from '../lib/fakes/server.js';
import type { Fault } from '../lib/http.js';
import { GITHUB_TOKEN, type Sandbox, SITE } from '../lib/support/sandbox.js';
import { HOSTILE_TEXT } from './catalogue.js';
import {
  assertInvariants,
  errorLines,
  explain,
  MAX_REPLY,
  type Played,
  Pool,
  play,
  retryPosts,
  shown,
  strayCommands,
  tokenFragments,
} from './harness.js';

const PR = 42;
const LIST = /^\/api\/v1\/sites\/[^/]+\/deploys$/;
const PERMISSION = /^\/repos\/[^/]+\/[^/]+\/collaborators\/[^/]+\/permission$/;
const WORDS = { retest: '/retest', rebuild: '/rebuild-preview', okToTest: '/ok-to-test' };
const pool = new Pool(6);

// The other port a redirect points at: it must never see a request, let alone the token.
const trap = new FakeServer('redirect target');
await trap.start();

type Spec = Parameters<typeof play>[1];
const member = { prNumber: PR, login: 'alice', association: 'MEMBER' } as const;

/** Plays a case through the bundle, started now (many at once), awaited by its test. */
function attack(setup: (sandbox: Sandbox) => void | Promise<void>, spec: Spec): Promise<Played> {
  return pool.run(() =>
    play(setup, { killAfterMs: 30_000, ...spec, inputs: { 'timeout-seconds': '10', ...spec.inputs } }, 'bundle'),
  );
}

/** The fake serves what the spec forbids on purpose: its answers go unchecked (its requests still are). */
function answersUnchecked(sandbox: Sandbox): void {
  const hook = sandbox.netlify.contract;
  if (hook) sandbox.netlify.contract = { request: (r) => hook.request(r), response: () => undefined };
}

/** A PR with a failed preview; `raw` overrides fields of the preview as served. */
function failedPreview(raw?: Record<string, unknown>) {
  return (sandbox: Sandbox) => {
    sandbox.addPull(PR);
    const preview = sandbox.addPreview(PR, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    if (raw) sandbox.netlify.malform(preview.id, raw);
  };
}

/** Markdown outside code spans (a code span is a run of backticks closed by a run of the same length). */
function outsideCodeSpans(markdown: string): string {
  let out = '';
  let at = 0;
  while (at < markdown.length) {
    const tick = markdown.indexOf('`', at);
    if (tick < 0) return out + markdown.slice(at);
    out += markdown.slice(at, tick);
    let end = tick;
    while (markdown[end] === '`') end++;
    const fence = markdown.slice(tick, end);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
    close.lastIndex = end;
    const found = close.exec(markdown);
    if (!found) return out + markdown.slice(tick);
    at = found.index + fence.length;
  }
  return out;
}

/** Nothing in a reply renders as more than our own words: no mention but the commenter's, no image, no HTML. */
function assertInert(reply: string): void {
  const text = outsideCodeSpans(reply).replace('<!-- netlify-preview-retry -->', '');
  expect([...text.matchAll(/@[A-Za-z0-9][\w/-]*/g)].map((m) => m[0]).filter((m) => m !== '@alice')).toEqual([]);
  expect(text).not.toMatch(/!\[|<img|<[a-z]/i);
  expect(parseCommands(reply, WORDS)).toEqual([]);
}

const hiddenCommands = [
  '    /retest',
  '\t/retest',
  '<pre>\n/retest\n</pre>',
  '<details>\n<summary>Log</summary>\n/retest\n</details>',
];

const cases = {
  stateCommands: attack(failedPreview({ state: 'error\n::add-mask::x\n::stop-commands::y' }), {
    body: '/retest',
    ...member,
  }),
  urlCommands: attack(
    failedPreview({
      deploy_ssl_url: 'https://deploy-preview-42--octo-docs.netlify.app\n::stop-commands::pwned',
      deploy_url: 'http://deploy-preview-42--octo-docs.netlify.app\n::stop-commands::pwned2',
    }),
    { body: '/retest', ...member, inputs: { 'dry-run': 'true' } },
  ),
  permissionKey: attack(
    (sandbox) => {
      failedPreview()(sandbox);
      const fault: Fault = {
        kind: 'status',
        status: 200,
        body: {
          permission: 'write',
          role_name: 'write',
          user: {
            login: 'dana',
            id: 5,
            permissions: { push: true, '\n::stop-commands::pwned\n': 'yes', 'x\n::add-mask::y': {} },
          },
        },
      };
      sandbox.github.inject({ path: PERMISSION, fault });
    },
    { body: '/retest', prNumber: PR, login: 'dana', association: 'CONTRIBUTOR', prAuthorAssociation: 'CONTRIBUTOR' },
  ),
  markup: attack(
    (sandbox) => {
      // A fork's branch named like a team mention, and a Netlify error text full of markup.
      sandbox.addPull(PR, { head: { sha: 'b'.repeat(40), ref: '@octo-org/maintainers<img/src=x>', fork: true } });
      sandbox.addPreview(PR, { state: 'error', createdAt: '2026-11-20T12:00:00Z' });
      for (let i = 0; i < 100; i++) {
        const at = new Date(Date.parse('2026-11-21T00:00:00Z') + i * 60_000).toISOString();
        sandbox.netlify.addDeploy(SITE.id, { pr: 500 + i, state: 'ready', createdAt: at, commit: 'c'.repeat(40) });
      }
      sandbox.netlify.inject({
        path: LIST,
        when: (r) => Boolean(r.query.branch),
        fault: { kind: 'status', status: 500, body: { code: 500, message: HOSTILE_TEXT } },
      });
    },
    { body: '/retest', ...member },
  ),
  huge: attack(failedPreview({ state: `error ${'x'.repeat(100_000)}`, error_message: 'y'.repeat(100_000) }), {
    body: '/retest',
    ...member,
  }),
  summary: attack(
    failedPreview({
      state: 'error\n\n<img src=x onerror=alert(1)>\n\n# heading',
      deploy_ssl_url: 'https://a.netlify.app\n\n<img src=y>',
    }),
    {
      body: '/retest',
      ...member,
      inputs: { 'dry-run': 'true' },
    },
  ),
  redirect: attack(
    (sandbox) => {
      failedPreview()(sandbox);
      sandbox.netlify.inject({
        path: LIST,
        fault: {
          kind: 'status',
          status: 307,
          headers: { Location: `${trap.origin}/api/v1/sites/${SITE.id}/deploys` },
          body: {},
        },
      });
    },
    { body: '/retest', ...member },
  ),
  otherToken: attack(
    (sandbox) => {
      failedPreview()(sandbox);
      // The cut of an excerpt (160 characters) falls inside the GitHub token that Netlify's text quotes.
      const message = `${'The gateway refused the credentials it was given. '.repeat(3).slice(0, 140)}${GITHUB_TOKEN} and more`;
      sandbox.netlify.inject({ path: LIST, fault: { kind: 'status', status: 400, body: { code: 400, message } } });
    },
    { body: '/retest', ...member },
  ),
  ignoredPage: attack(
    (sandbox) => {
      sandbox.addPull(PR, { created_at: '2026-10-01T00:00:00Z' });
      for (let i = 0; i < 250; i++) {
        const at = new Date(Date.parse('2026-11-21T00:00:00Z') - i * 60_000).toISOString();
        sandbox.netlify.addDeploy(SITE.id, { pr: 500 + i, state: 'ready', createdAt: at, commit: 'c'.repeat(40) });
      }
      sandbox.netlify.ignorePage = true;
      // No preview of the PR at all, and the PR's branch has none either: only paging could find one.
    },
    { body: '/retest', ...member },
  ),
  oneBadDeploy: attack(
    (sandbox) => {
      answersUnchecked(sandbox);
      failedPreview()(sandbox);
      const other = sandbox.netlify.addDeploy(SITE.id, { pr: 77, state: 'ready', createdAt: '2026-11-21T11:00:00Z' });
      sandbox.netlify.malform(other.id, { state: null });
    },
    { body: '/retest', ...member },
  ),
  shortPage: attack(
    (sandbox) => {
      sandbox.addPull(PR, { created_at: '2026-11-20T10:00:00Z' });
      sandbox.addPreview(PR, { state: 'error', createdAt: '2026-11-20T12:00:00Z' });
      for (let i = 0; i < 60; i++) {
        const at = new Date(Date.parse('2026-11-21T00:00:00Z') + i * 60_000).toISOString();
        sandbox.netlify.addDeploy(SITE.id, { pr: 500 + i, state: 'ready', createdAt: at, commit: 'c'.repeat(40) });
      }
      sandbox.netlify.shortPages = 30;
    },
    { body: '/retest', ...member },
  ),
  hidden: hiddenCommands.map((body) => attack(failedPreview(), { body: `The build failed:\n\n${body}\n`, ...member })),
  forbidden: attack(
    (sandbox) => {
      failedPreview()(sandbox);
      sandbox.github.forbidWrites = true;
    },
    { body: '/retest', ...member },
  ),
  emptyToken: attack(failedPreview(), { body: '/retest', ...member, inputs: { 'netlify-token': '' } }),
  legacyCommand: attack(
    (sandbox) => {
      failedPreview()(sandbox);
      sandbox.netlify.inject({
        path: LIST,
        fault: {
          kind: 'status',
          status: 502,
          body: { code: 502, message: 'Bad gateway ##[stop-commands]pwned ##[add-mask]z' },
        },
      });
    },
    { body: '/retest', ...member },
  ),
};

const check = async (played: Promise<Played>, assertions: (played: Played) => void) => {
  const result = await played;
  explain(result, () => assertions(result));
};

describe('workflow commands from API data', () => {
  test('a deploy state holding `\\n::add-mask::x\\n::stop-commands::y` writes no workflow command', () =>
    check(cases.stateCommands, (played) => {
      expect(strayCommands(played.run.stdout)).toEqual([]);
      expect(played.run.outputs['deploy-state']).not.toMatch(/\n|::/);
      assertInvariants(played, { kind: 'command' });
    }));

  test('a line break in deploy_ssl_url, in a dry run (the reply goes to the log), writes no workflow command', () =>
    check(cases.urlCommands, (played) => {
      expect(strayCommands(played.run.stdout)).toEqual([]);
      expect(played.run.outputs['deploy-url']).not.toMatch(/\n|::/);
      assertInvariants(played, { kind: 'command', dryRun: true });
    }));

  test("a crafted key in the permission answer's user.permissions writes no workflow command", () =>
    check(cases.permissionKey, (played) => {
      expect(strayCommands(played.run.stdout)).toEqual([]);
      expect(played.run.outputs.result).toBe('retried');
      assertInvariants(played, { kind: 'command' });
    }));

  test('`##[stop-commands]` in an API error text is no legacy command in the log', () =>
    check(cases.legacyCommand, (played) => {
      expect(strayCommands(played.run.stdout)).toEqual([]);
      assertInvariants(played, { kind: 'command' });
    }));
});

describe('the reply', () => {
  test('markup from API data (a team mention, an image, HTML, a command line) never renders in it', () =>
    check(cases.markup, (played) => {
      expect(played.replies).toHaveLength(1);
      assertInert(played.replies[0] as string);
      assertInvariants(played, { kind: 'command' });
    }));

  test('a 100 KB state and error text: the reply stays within 65,536 characters', () =>
    check(cases.huge, (played) => {
      expect(played.replies).toHaveLength(1);
      expect((played.replies[0] as string).length).toBeLessThanOrEqual(MAX_REPLY);
      for (const value of Object.values(played.run.outputs)) expect(value.length).toBeLessThan(10_000);
      assertInvariants(played, { kind: 'command' });
    }));
});

test('blank lines and HTML in API data do not break out of the job summary table', () =>
  check(cases.summary, (played) => {
    const { summary } = played.run;
    const table = summary.slice(summary.indexOf('<table>'), summary.indexOf('</table>')).trimEnd();
    expect(table).not.toBe('');
    expect(table.split(/\r\n|\r|\n/).filter((line) => line.trim() === '')).toEqual([]);
    expect(summary).not.toMatch(/<img|<h1|^#/m);
    assertInvariants(played, { kind: 'command', dryRun: true });
  }));

test('a redirect to another port: the Netlify token is not sent again, the target sees nothing', () =>
  check(cases.redirect, (played) => {
    expect(trap.requests).toEqual([]);
    expect(played.run.outputs.result).toBe('failed');
    expect(errorLines(played.run).join('\n')).toMatch(/redirect.*To fix: check that netlify-api-url/);
    assertInvariants(played, { kind: 'command' });
  }));

test("Netlify's error text quoting the GitHub token, cut in the middle of it: no piece of it anywhere", () =>
  check(cases.otherToken, (played) => {
    const written = [
      shown(played.run.stdout),
      played.run.summary,
      ...Object.values(played.run.outputs),
      ...played.bodies,
    ];
    for (const text of written) expect(tokenFragments(text)).toEqual([]);
    assertInvariants(played, { kind: 'command' });
  }));

test('a Netlify that ignores `page`: at most 30 list requests, and the reason says why paging stopped', () =>
  check(cases.ignoredPage, (played) => {
    const lists = played.netlify.filter((r) => r.method === 'GET' && LIST.test(r.path));
    expect(lists.length).toBeLessThanOrEqual(30);
    expect(played.run.outputs.result).toBe('not-found');
    expect(played.run.outputs.reason).toMatch(/paging stopped|at most 30 pages/);
    assertInvariants(played, { kind: 'command' });
  }));

test("one unrelated deploy with `state: null` does not fail another PR's command", () =>
  check(cases.oneBadDeploy, (played) => {
    expect(played.run.outputs.result).toBe('retried');
    expect(retryPosts(played.netlify)).toHaveLength(1);
    assertInvariants(played, { kind: 'command' });
  }));

test('a first page shorter than asked (with a next page) still leads to the branch lookup, which finds the preview', () =>
  check(cases.shortPage, (played) => {
    expect(played.run.outputs.result).toBe('retried');
    expect(played.netlify.some((r) => LIST.test(r.path) && r.query.branch === `pr-${PR}`)).toBe(true);
    assertInvariants(played, { kind: 'command' });
  }));

test('commands in an indented code block (4 spaces, a tab), <pre> and an HTML block (<details>) do not run', async () => {
  for (const [i, played] of cases.hidden.entries()) {
    await check(played, (result) => {
      expect(result.run.outputs.result, hiddenCommands[i]).toBe('ignored');
      expect(retryPosts(result.netlify)).toEqual([]);
      assertInvariants(result, { kind: 'ignored' });
    });
  }
});

test('without the write permissions, a successful retry fails the step, naming the permissions', () =>
  check(cases.forbidden, (played) => {
    const { run } = played;
    expect(run.outputs.result).toBe('retried');
    expect(retryPosts(played.netlify)).toHaveLength(1);
    expect(run.code).toBe(1);
    expect(errorLines(run).join('\n')).toMatch(
      /The retry was requested, but nothing could be shown on the pull request.*issues: write.*pull-requests: write/,
    );
    assertInvariants(played, { kind: 'command' });
  }));

test('an empty netlify-token on a comment with /retest: 😕 and a reply naming the input', () =>
  check(cases.emptyToken, (played) => {
    const { run } = played;
    expect(run.code).toBe(1);
    expect(played.netlify).toEqual([]);
    expect(run.reactions).toContain('confused');
    expect(played.replies).toHaveLength(1);
    expect(played.replies[0]).toMatch(/`netlify-token`/);
    assertInvariants(played, { kind: 'config' });
  }));

import { describe, expect, test } from 'vitest';
import { parseCommands } from '../../src/core/command.js';
import {
  fromSites,
  type Outcome,
  previewOf,
  type SiteOutcome,
  sitesOf,
  strongest,
  withSites,
} from '../../src/core/outcome.js';
import { endReactions, finalReactions, MAX_REPLY, type Reaction, renderReply } from '../../src/core/reply.js';
import { reasonOf } from '../../src/core/sentences.js';
import {
  COMMIT,
  DEPLOY_ID,
  deploy,
  failed,
  followEnd,
  LOG_URL,
  MARKER,
  notFound,
  ofSites,
  PREVIEW_URL,
  RUN_URL,
  replyContext,
  retried,
  SITE_ID,
  skipped,
  WORDS,
} from './fixtures.js';

const ctx = replyContext();
const links = (state: string) =>
  `- Preview: https://deploy-preview-42--octo-docs.netlify.app\n` +
  `- Deploy log: https://app.netlify.com/sites/octo-docs/deploys/6000000000000000000000a9\n` +
  `- Deploy \`6000000000000000000000a9\`: state \`${state}\` when checked, built from \`520c0ff\``;

describe("the single-site reply is the previous release's, byte for byte", () => {
  // [what, outcome, login, the reply]
  const table: [string, Outcome, string, string][] = [
    [
      'a failed preview retried',
      ofSites('retest', retried()),
      'alice',
      `@alice The deploy preview had failed, so a retry was requested.\n\n${links('error')}\n\n${MARKER}`,
    ],
    [
      'a ready preview',
      ofSites('retest', skipped({ kind: 'skip', because: 'ready' }, { preview: deploy({ state: 'ready' }) })),
      'alice',
      '@alice The deploy preview is ready, so it was not retried. Comment `/rebuild-preview` to force a rebuild.\n\n' +
        `${links('ready')}\n\n${MARKER}`,
    ],
    [
      'a build in progress',
      ofSites('retest', skipped({ kind: 'skip', because: 'in-progress' }, { preview: deploy({ state: 'building' }) })),
      'alice',
      `@alice A build of the deploy preview is already in progress (building).\n\n${links('building')}\n\n${MARKER}`,
    ],
    [
      'no preview',
      ofSites('retest', notFound()),
      'alice',
      '@alice PR #42 has no deploy preview on site 3f1e2d4c-5b6a-4789-9abc-def012345678. ' +
        `Netlify may not have started building it yet; nothing was retried.\n\n${MARKER}`,
    ],
    [
      'a denied retest',
      { result: 'denied', command: 'retest', denial: { login: 'stranger', permission: null, prTrusted: null } },
      'stranger',
      '@stranger is not trusted to run commands on this PR, so `/retest` was not run. ' +
        `A maintainer can allow commands on this PR by adding the \`ok-to-test\` label.\n\n${MARKER}`,
    ],
    [
      'a denial after the permission was read',
      {
        result: 'denied',
        command: 'retest',
        denial: { login: 'reader', permission: { granted: 'read', required: 'write' }, prTrusted: null },
      },
      'reader',
      '@reader has read permission on the repository, and write is required, so `/retest` was not run. ' +
        `A maintainer can allow commands on this PR by adding the \`ok-to-test\` label.\n\n${MARKER}`,
    ],
    [
      'a retry Netlify refused',
      ofSites('retest', failed()),
      'alice',
      '@alice The retry could not be requested. Netlify refused the retry (422: `Build is already done`).\n\n' +
        `${links('error')}\n\nTo fix: look at the deploy log.\n\n` +
        `Details are in the [workflow run](https://github.com/octo-org/docs/actions/runs/987654321).\n\n${MARKER}`,
    ],
    [
      'a forced rebuild',
      ofSites(
        'rebuild',
        retried({ preview: deploy({ state: 'ready' }), decision: { kind: 'retry', because: 'forced' } }),
      ),
      'alice',
      `@alice A rebuild of the deploy preview was requested.\n\n${links('ready')}\n\n${MARKER}`,
    ],
    [
      'a stale preview',
      ofSites(
        'retest',
        retried({
          preview: deploy({ commitRef: 'd'.repeat(40) }),
          stale: { built: 'd'.repeat(40), head: 'e'.repeat(40) },
        }),
      ),
      'alice',
      '@alice The deploy preview had failed, so a retry was requested.\n\n' +
        '- Preview: https://deploy-preview-42--octo-docs.netlify.app\n' +
        '- Deploy log: https://app.netlify.com/sites/octo-docs/deploys/6000000000000000000000a9\n' +
        '- Deploy `6000000000000000000000a9`: state `error` when checked, built from `ddddddd`\n\n' +
        "Note: this preview was built from `ddddddd`, not from the PR's head `eeeeeee`. A retry rebuilds the same commit; " +
        `Netlify builds the head in a new deploy preview of its own.\n\n${MARKER}`,
    ],
  ];
  test.each(table)('%s', (_what, outcome, login, expected) => {
    expect(renderReply(outcome, replyContext({ login }))).toBe(expected);
  });

  test('the fixture is the pinned one', () => {
    expect([SITE_ID, DEPLOY_ID, PREVIEW_URL, LOG_URL, COMMIT.slice(0, 7), RUN_URL.startsWith('https://')]).toEqual([
      '3f1e2d4c-5b6a-4789-9abc-def012345678',
      '6000000000000000000000a9',
      'https://deploy-preview-42--octo-docs.netlify.app',
      'https://app.netlify.com/sites/octo-docs/deploys/6000000000000000000000a9',
      '520c0ff',
      true,
    ]);
  });
});

const docs = { id: 'octo-docs.netlify.app', name: 'octo-docs' };
const blog = { id: '11111111-2222-4333-8444-555555555555', name: 'blog' };
const blogDeploy = deploy({
  id: '6000000000000000000000b7',
  state: 'ready',
  siteName: 'blog',
  url: 'https://deploy-preview-42--blog.netlify.app',
  logUrl: 'https://app.netlify.com/sites/blog/deploys/6000000000000000000000b7',
});
const twoSites = ofSites(
  'retest',
  retried({ site: docs }),
  skipped({ kind: 'skip', because: 'ready' }, { site: blog, preview: blogDeploy }),
);

describe('reasonOf: the reason output, plain text', () => {
  // [what, outcome, reason]
  const table: [string, Outcome, string][] = [
    ['a retry', ofSites('retest', retried()), 'The deploy preview had failed, so a retry was requested.'],
    [
      'a retry in a dry run',
      ofSites('retest', retried({ dryRun: true })),
      'The deploy preview had failed, so a retry would be requested.',
    ],
    [
      'a forced rebuild in a dry run',
      ofSites('rebuild', retried({ dryRun: true, decision: { kind: 'retry', because: 'forced' } })),
      'A rebuild of the deploy preview would be requested.',
    ],
    [
      'a ready preview',
      ofSites('retest', skipped({ kind: 'skip', because: 'ready' })),
      'The deploy preview is ready, so it was not retried.',
    ],
    ['no preview', ofSites('retest', notFound()), `PR #42 has no deploy preview on site ${SITE_ID}.`],
    [
      'a denial',
      { result: 'denied', command: 'retest', denial: { login: 'stranger', permission: null, prTrusted: null } },
      '@stranger is not trusted to run commands on this PR.',
    ],
    [
      'an ignored comment',
      { result: 'ignored', command: null, ignored: { kind: 'no-command' } },
      'The comment holds no command.',
    ],
    [
      'a label added',
      { result: 'labeled', command: 'ok-to-test', label: 'ok-to-test', dryRun: false },
      'The ok-to-test label was added: anyone may now run /retest on this PR.',
    ],
    [
      'the PR merged since',
      { result: 'skipped', command: 'retest', sites: [], whole: { kind: 'closed', merged: true } },
      'The PR was merged after the command was written, so nothing was retried.',
    ],
    [
      'a bad input',
      {
        result: 'failed',
        command: 'retest',
        sites: [],
        problem: { kind: 'input', input: 'site-id', message: 'Input site-id is empty.' },
      },
      'Input site-id is empty.',
    ],
    [
      'several sites: name, then sentence',
      twoSites,
      'octo-docs: The deploy preview had failed, so a retry was requested. blog: The deploy preview is ready, so it was not retried.',
    ],
  ];
  test.each(table)('%s', (_what, outcome, reason) => {
    expect(reasonOf(outcome, ctx)).toBe(reason);
  });

  test('a search stopped at the page limit says so', () => {
    const reason = reasonOf(ofSites('retest', notFound({ pageLimit: 30 })), ctx);
    expect(reason).toContain('3,000');
    expect(reason).toContain('30 pages');
  });
});

/** The lines of a reply, for checks on their meaning. */
const reply = (outcome: Outcome, over = {}) => renderReply(outcome, replyContext(over));
const headline = (text: string) => text.split('\n')[0] as string;

describe('the new texts say what happened', () => {
  const canceled = (how: 'by-person' | 'no-change') =>
    ofSites(
      'retest',
      skipped(
        { kind: 'skip', because: 'canceled', canceled: how },
        { preview: deploy({ errorMessage: 'Canceled build' }) },
      ),
    );
  const stuck = (minutes: number) =>
    ofSites(
      'retest',
      skipped({ kind: 'skip', because: 'stuck', stuckMinutes: minutes }, { preview: deploy({ state: 'building' }) }),
    );
  const restart = (dryRun: boolean) =>
    ofSites(
      'rebuild',
      retried({ preview: deploy({ state: 'enqueued' }), decision: { kind: 'restart', stuckMinutes: 45 }, dryRun }),
    );

  // [what, reply, what it must contain, what it must not]
  const table: [string, string, string[], string[]][] = [
    [
      'canceled by a person',
      headline(reply(canceled('by-person'))),
      ['canceled, not failed', 'Comment `/rebuild-preview` to build it anyway.'],
      ['had failed'],
    ],
    [
      'canceled by the ignore rule',
      headline(reply(canceled('no-change'))),
      ['ignore rule found nothing to build', 'canceled, not failed', 'Comment `/rebuild-preview` to build it anyway.'],
      ['had failed'],
    ],
    [
      'a canceled build rebuilt',
      headline(reply(ofSites('rebuild', retried({ decision: { kind: 'retry', because: 'canceled' } })))),
      ['canceled', 'a rebuild was requested'],
      ['had failed'],
    ],
    [
      'awaiting approval',
      headline(
        reply(
          ofSites(
            'retest',
            skipped({ kind: 'skip', because: 'pending-review' }, { preview: deploy({ state: 'pending_review' }) }),
          ),
        ),
      ),
      ['A Netlify team member must approve this deploy', LOG_URL],
      ['retry was requested'],
    ],
    [
      'rejected',
      headline(
        reply(
          ofSites(
            'rebuild',
            skipped({ kind: 'skip', because: 'rejected' }, { preview: deploy({ state: 'rejected' }) }),
          ),
        ),
      ),
      ['rejected', 'not retried'],
      ['must approve'],
    ],
    [
      'stuck for 45 minutes',
      headline(reply(stuck(45))),
      ['building for 45 minutes', 'stuck', 'Comment `/rebuild-preview` to cancel it and build again.'],
      [],
    ],
    ['stuck for 1 minute', headline(reply(stuck(1))), ['for 1 minute without'], ['1 minutes']],
    ['stuck for hours', headline(reply(stuck(150))), ['for 2 hours 30 minutes'], []],
    [
      'a stuck build restarted: both steps and the minutes',
      headline(reply(restart(false))),
      ['enqueued for 45 minutes', 'was canceled', 'a retry was requested'],
      [],
    ],
    [
      'a restart in a dry run',
      reasonOf(restart(true), ctx),
      ['would be canceled', 'a retry would be requested'],
      ['was canceled'],
    ],
    [
      'a rebuild denied when only the PR is trusted',
      reply(
        {
          result: 'denied',
          command: 'rebuild',
          denial: { login: 'bob', permission: null, prTrusted: { kind: 'label', label: 'ok-to-test' } },
        },
        { login: 'bob' },
      ),
      [
        '@bob',
        'only the PR is trusted',
        'the PR carries the `ok-to-test` label',
        'Comment `/retest` to retry a failed preview.',
        '`/rebuild-preview` was not run',
      ],
      [],
    ],
    [
      'a rebuild denied when the PR author is trusted',
      reply(
        {
          result: 'denied',
          command: 'rebuild',
          denial: { login: 'bob', permission: null, prTrusted: { kind: 'author', association: 'MEMBER' } },
        },
        { login: 'bob' },
      ),
      ["the PR's author is a member of the repository", 'Comment `/retest`'],
      [],
    ],
    [
      'a rebuild denied, nothing trusted',
      reply(
        { result: 'denied', command: 'rebuild', denial: { login: 'bob', permission: null, prTrusted: null } },
        { login: 'bob' },
      ),
      ['Only a trusted commenter can rebuild a preview', 'adding the `ok-to-test` label'],
      ['only the PR is trusted'],
    ],
    [
      'a denial with /ok-to-test on points to it',
      reply(
        { result: 'denied', command: 'retest', denial: { login: 'bob', permission: null, prTrusted: null } },
        { login: 'bob', okToTestOn: true, words: { ...WORDS, okToTest: '/ok-to-test' } },
      ),
      ['adding the `ok-to-test` label or commenting `/ok-to-test`'],
      [],
    ],
    [
      'ok-to-test denied',
      reply(
        { result: 'denied', command: 'ok-to-test', denial: { login: 'bob', permission: null, prTrusted: null } },
        { login: 'bob', words: { ...WORDS, okToTest: '/ok-to-test' } },
      ),
      ['not trusted to mark this PR ok to test', 'Only a trusted commenter can mark a PR ok to test'],
      [],
    ],
    [
      'labeled',
      headline(reply({ result: 'labeled', command: 'ok-to-test', label: 'ok-to-test', dryRun: false })),
      ['@alice Added the `ok-to-test` label: anyone may now comment `/retest` on this PR'],
      ['rebuild'],
    ],
    [
      'labeled in a dry run, rebuild-trust pr',
      headline(
        reply({ result: 'labeled', command: 'ok-to-test', label: 'ok-to-test', dryRun: true }, { rebuildTrust: 'pr' }),
      ),
      ['Would add the `ok-to-test` label', '(or `/rebuild-preview` to rebuild it)'],
      ['Added'],
    ],
    [
      'already labeled',
      headline(
        reply({ result: 'skipped', command: 'ok-to-test', sites: [], whole: { kind: 'labeled', label: 'ok-to-test' } }),
      ),
      ['already carries the `ok-to-test` label'],
      [],
    ],
    [
      'the PR closed since',
      headline(reply({ result: 'skipped', command: 'retest', sites: [], whole: { kind: 'closed', merged: false } })),
      ['@alice The PR was closed after the command was written, so nothing was retried.'],
      [],
    ],
    [
      'the PR merged since',
      headline(reply({ result: 'skipped', command: 'retest', sites: [], whole: { kind: 'closed', merged: true } })),
      ['was merged after the command was written'],
      [],
    ],
    [
      'a bad input names it, not its value',
      reply({
        result: 'failed',
        command: 'retest',
        sites: [],
        problem: { kind: 'input', input: 'site-id', message: 'Input site-id: "x y" is not a site.' },
      }),
      ['`site-id` is not valid', 'To fix:', RUN_URL],
      ['x y'],
    ],
    [
      'a failure before any site',
      reply({
        result: 'failed',
        command: 'retest',
        sites: [],
        problem: {
          kind: 'failure',
          failure: {
            service: 'Netlify',
            status: 401,
            what: 'Netlify rejected the token',
            said: '',
            fix: 'set the netlify-token secret',
          },
        },
      }),
      ['@alice The command could not run. Netlify rejected the token (401).', 'To fix: set the netlify-token secret.'],
      [],
    ],
    [
      'a lost answer, the deploy building now',
      reply(ofSites('retest', retried({ lostAnswer: deploy({ state: 'building' }) }))),
      ["Netlify's answer was lost, but the deploy is now `building`.", 'state `building` when checked'],
      [],
    ],
    [
      'a build that started meanwhile',
      reply(
        ofSites('retest', skipped({ kind: 'skip', because: 'in-progress' }, { raced: deploy({ state: 'building' }) })),
      ),
      ['A build started after the command was read', 'already in progress (building)'],
      [],
    ],
    [
      'following',
      reply(ofSites('retest', retried({ follow: 'pending' }))),
      ['Following the build: this comment will say how it ends.'],
      [],
    ],
    [
      'followed to ready',
      reply(ofSites('retest', retried({ follow: followEnd('ready', { seconds: 125 }) }))),
      [`**Ready:** the preview is ready again: ${PREVIEW_URL} (built in 2 min 5 s).`],
      [],
    ],
    [
      'followed to a failure',
      reply(
        ofSites(
          'retest',
          retried({
            follow: followEnd('error', { deploy: deploy({ errorMessage: 'npm ERR! missing script\nmore' }) }),
          }),
        ),
      ),
      ['**Failed again:** `npm ERR! missing script`.', `Deploy log: ${LOG_URL}`],
      ['more'],
    ],
    [
      'a search stopped at the page limit',
      reply(ofSites('retest', notFound({ pageLimit: 30 }))),
      ['among the newest 3,000 deploys of site', 'Netlify may not have started building it yet'],
      [],
    ],
  ];
  test.each(table)('%s', (_what, text, contains, lacks) => {
    for (const part of contains) expect(text).toContain(part);
    for (const part of lacks) expect(text).not.toContain(part);
  });

  test('several sites: one section per site, each with its own links', () => {
    const text = reply(twoSites);
    const [head, ...sections] = text.split('\n### ');
    expect(head).toBe('@alice `/retest` on 2 sites:\n');
    expect(sections.map((s) => s.split('\n')[0])).toEqual(['octo-docs', 'blog']);
    const [first, second] = sections as [string, string];
    expect(first).toContain('The deploy preview had failed, so a retry was requested.');
    expect(first).toContain(PREVIEW_URL);
    expect(first).not.toContain('blog.netlify.app');
    expect(second).toContain('The deploy preview is ready, so it was not retried.');
    expect(second).toContain('https://deploy-preview-42--blog.netlify.app');
    expect(second).toContain('https://app.netlify.com/sites/blog/deploys/6000000000000000000000b7');
    expect(second).not.toContain(PREVIEW_URL);
    expect(text.endsWith(MARKER)).toBe(true);
  });

  test('a site without a name is headed by its id', () => {
    expect(reply(ofSites('rebuild', retried({ site: docs }), notFound()))).toContain(`\n### ${SITE_ID}\n`);
  });
});

/** What of a line GitHub renders as Markdown: the line with its code spans (CommonMark 6.1) taken out. */
function outsideCodeSpans(line: string): string {
  let out = '';
  let at = 0;
  while (at < line.length) {
    if (line[at] !== '`') {
      out += line[at++];
      continue;
    }
    const run = /^`+/.exec(line.slice(at))?.[0] as string;
    const runs = /`+/g;
    runs.lastIndex = at + run.length;
    let close = runs.exec(line);
    while (close && close[0].length !== run.length) close = runs.exec(line);
    if (close) {
      out += ' ';
      at = close.index + close[0].length;
    } else {
      out += run; // an unmatched run is literal text
      at += run.length;
    }
  }
  return out;
}

describe('hostile data shows only inside code spans', () => {
  const H =
    'x @org/team ![x](https://e.example/y.png) <img src=x onerror=alert(1)> `a``b` \n/rebuild-preview\n::add-mask::x';
  const hostile = deploy({ state: H, errorMessage: H });
  // [what, outcome]
  const table: [string, Outcome][] = [
    ['an unknown state', ofSites('retest', skipped({ kind: 'skip', because: 'unknown-state' }, { preview: hostile }))],
    ['what Netlify said', ofSites('retest', failed({ failure: { ...failed().failure, said: H } }))],
    [
      'what Netlify said, before any site',
      {
        result: 'failed',
        command: 'retest',
        sites: [],
        problem: { kind: 'failure', failure: { ...failed().failure, said: H } },
      },
    ],
    [
      'what Netlify said, the deploy unclear',
      ofSites('retest', failed({ step: 'unclear', failure: { ...failed().failure, said: H } })),
    ],
    ['the state after a lost answer', ofSites('retest', retried({ lostAnswer: hostile }))],
    [
      'the error message of a followed build',
      ofSites('retest', retried({ follow: followEnd('error', { deploy: hostile }) })),
    ],
    [
      'the state when following stopped',
      ofSites('retest', retried({ follow: followEnd('stopped', { state: H, deploy: hostile }) })),
    ],
    [
      'the state when the window ended',
      ofSites('retest', retried({ follow: followEnd('window', { state: H, deploy: hostile }) })),
    ],
    [
      'several sites of it',
      ofSites(
        'retest',
        retried({ site: docs, lostAnswer: hostile }),
        failed({ failure: { ...failed().failure, said: H } }),
      ),
    ],
  ];

  test.each(table)('%s', (_what, outcome) => {
    const text = reply(outcome);
    expect(text).toContain('@org/team'); // it is shown…
    const lines = text.split('\n');
    const outside = lines.map(outsideCodeSpans).join('\n');
    for (const piece of ['@org', '![x]', '<img', 'add-mask', 'a``b']) expect(outside).not.toContain(piece); // …only as data
    expect(lines.filter((line) => line.trim() === '/rebuild-preview' || line.startsWith('::'))).toEqual([]);
    expect(parseCommands(text, { ...WORDS, okToTest: '/ok-to-test' })).toEqual([]);
  });
});

describe('a reply is never longer than GitHub takes', () => {
  const url = `https://${'a'.repeat(200)}.netlify.app/${'p'.repeat(2_000)}`;
  const said = `${'`'.repeat(200)}@org/team${'`x'.repeat(95)}`;
  const big = (i: number) =>
    deploy({
      id: `${'i'.repeat(60)}${i}`.padEnd(64, 'z'),
      state: 'x'.repeat(40),
      url,
      logUrl: url,
      errorMessage: `${'`'.repeat(300)}${'e'.repeat(1_700)}`,
    });
  const site = (i: number) => ({ id: `${'s'.repeat(60)}${i}.netlify.app`, name: `${'n'.repeat(60)}${i}` });
  const stale = { built: 'a'.repeat(64), head: 'b'.repeat(64) };
  // [what, one site's outcome of maximal data]
  const kinds: [string, (i: number) => SiteOutcome][] = [
    [
      'restarted, answer lost, stale, failed again',
      (i) =>
        retried({
          site: site(i),
          preview: big(i),
          decision: { kind: 'restart', stuckMinutes: 99_999 },
          lostAnswer: big(i),
          stale,
          follow: followEnd('error', { deploy: big(i), seconds: 1e7 }),
        }),
    ],
    [
      'failed, unclear',
      (i) =>
        failed({
          site: site(i),
          preview: big(i),
          step: 'unclear',
          failure: { service: 'Netlify', status: 503, what: 'w'.repeat(400), said, fix: 'f'.repeat(400) },
        }),
    ],
    [
      'awaiting approval, raced, stale, following stopped',
      (i) =>
        skipped(
          { kind: 'skip', because: 'pending-review' },
          {
            site: site(i),
            preview: big(i),
            raced: big(i),
            stale,
            follow: followEnd('stopped', { state: 'y'.repeat(40), deploy: big(i) }),
          },
        ),
    ],
  ];

  test.each(kinds)('20 sites: %s', (_what, make) => {
    const outcome = ofSites('rebuild', ...Array.from({ length: 20 }, (_, i) => make(i)));
    const text = reply(outcome, { login: 'a'.repeat(39) });
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(text.endsWith(MARKER)).toBe(true);
    expect(text.split('\n').map(outsideCodeSpans).join('\n')).not.toContain('@org');
  });

  test('a reply too long with its links keeps every site and drops the links', () => {
    const long = `https://deploy-preview-42--octo-docs.netlify.app/${'p'.repeat(2_000)}`;
    const sites = Array.from({ length: 20 }, (_, i) =>
      retried({ site: site(i), preview: deploy({ url: long, logUrl: long }) }),
    );
    const text = reply(ofSites('retest', ...sites));
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(text).not.toContain('(The rest was cut');
    expect(text.split('\n').filter((line) => line.startsWith('### '))).toHaveLength(20);
    expect(text).not.toContain('- Preview:');
  });

  test('one site whose headline alone is longer than the limit', () => {
    const huge = deploy({ state: 'pending_review', logUrl: `https://app.netlify.com/${'p'.repeat(70_000)}` });
    const text = reply(ofSites('retest', skipped({ kind: 'skip', because: 'pending-review' }, { preview: huge })));
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(text.startsWith('@alice')).toBe(true);
    expect(text.endsWith(MARKER)).toBe(true);
  });

  test("the limit is GitHub's", () => {
    expect(MAX_REPLY).toBe(65_536);
  });
});

describe('reactions', () => {
  const denied: Outcome = {
    result: 'denied',
    command: 'retest',
    denial: { login: 'x', permission: null, prTrusted: null },
  };
  // [what, outcome, reactions]
  const table: [string, Outcome, Reaction[]][] = [
    ['a retry', ofSites('retest', retried()), ['rocket']],
    ['a retry and a failure', ofSites('retest', retried(), failed()), ['rocket', 'confused']],
    ['a failure', ofSites('retest', failed()), ['confused']],
    [
      'a failure before any site',
      { result: 'failed', command: 'retest', sites: [], problem: { kind: 'input', input: 'site-id', message: 'm' } },
      ['confused'],
    ],
    ['a denial', denied, ['confused']],
    ['a skip', ofSites('retest', skipped({ kind: 'skip', because: 'ready' })), []],
    ['a retry and a skip', ofSites('retest', skipped({ kind: 'skip', because: 'ready' }), retried()), ['rocket']],
    ['not found', ofSites('retest', notFound()), []],
    ['ignored', { result: 'ignored', command: null, ignored: { kind: 'no-command' } }, []],
    ['a label added', { result: 'labeled', command: 'ok-to-test', label: 'ok-to-test', dryRun: false }, ['rocket']],
  ];
  test.each(table)('finalReactions: %s → %j', (_what, outcome, reactions) => {
    expect(finalReactions(outcome)).toEqual(reactions);
  });

  // [what, sites, reactions]
  const ends: [string, SiteOutcome[], Reaction[]][] = [
    ['ready', [retried({ follow: followEnd('ready') })], ['hooray']],
    ['failed again', [retried({ follow: followEnd('error') })], ['confused']],
    [
      'one ready, one failed',
      [retried({ follow: followEnd('ready') }), retried({ follow: followEnd('error') })],
      ['hooray', 'confused'],
    ],
    [
      'a followed build in progress that became ready',
      [skipped({ kind: 'skip', because: 'in-progress' }, { follow: followEnd('ready') })],
      ['hooray'],
    ],
    ['the window ended', [retried({ follow: followEnd('window') })], []],
    ['gone', [retried({ follow: followEnd('gone') })], []],
    ['still pending', [retried({ follow: 'pending' })], []],
    ['not followed', [retried(), notFound(), failed()], []],
  ];
  test.each(ends)('endReactions: %s → %j', (_what, sites, reactions) => {
    expect(endReactions(sites)).toEqual(reactions);
  });
});

describe('outcome', () => {
  // [what, sites, the strongest result]
  const table: [string, SiteOutcome[], string][] = [
    ['failed beats all', [notFound(), skipped({ kind: 'skip', because: 'ready' }), retried(), failed()], 'failed'],
    ['retried beats skipped', [skipped({ kind: 'skip', because: 'ready' }), retried()], 'retried'],
    ['skipped beats not-found', [notFound(), skipped({ kind: 'skip', because: 'ready' })], 'skipped'],
    ['not-found alone', [notFound(), notFound()], 'not-found'],
  ];
  test.each(table)('strongest: %s', (_what, sites, result) => {
    expect(strongest(sites)).toBe(result);
    const outcome = fromSites('retest', sites);
    expect(outcome.result).toBe(result);
    expect(sitesOf(outcome)).toEqual(sites);
  });

  test('fromSites fills what each result carries', () => {
    expect(fromSites('rebuild', [failed()])).toEqual({
      result: 'failed',
      command: 'rebuild',
      sites: [failed()],
      problem: null,
    });
    expect(fromSites('retest', [notFound()])).toEqual({ result: 'not-found', command: 'retest', sites: [notFound()] });
    expect(fromSites('retest', [skipped({ kind: 'skip', because: 'ready' })])).toMatchObject({ whole: null });
  });

  test('sitesOf, previewOf, withSites', () => {
    const denied: Outcome = {
      result: 'denied',
      command: 'retest',
      denial: { login: 'x', permission: null, prTrusted: null },
    };
    expect(sitesOf(denied)).toEqual([]);
    expect(withSites(denied, [retried()])).toBe(denied);
    expect(previewOf(notFound())).toBeNull();
    expect(previewOf(retried())?.id).toBe(DEPLOY_ID);
    const followed = withSites(ofSites('retest', retried()), [retried({ follow: followEnd('ready') })]);
    expect(followed).toMatchObject({ result: 'retried', command: 'retest', sites: [{ follow: { end: 'ready' } }] });
  });
});

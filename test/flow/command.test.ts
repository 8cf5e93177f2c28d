/**
 * runCommand against an in-memory world: a world in; the calls made, their round trips, the outcome and
 * the reply out.
 */
import { describe, expect, test } from 'vitest';
import { type Outcome, sitesOf } from '../../src/core/outcome.js';
import { ago, type DeploySpec, PR, type SiteOptions, World } from '../lib/memory.js';
import { command, STRANGER } from './run.js';

const FAILED = { state: 'error', errorMessage: 'Build script returned non-zero exit code: 2' } as const;
/** A world with one site whose newest deploy is PR 7's preview in `spec`'s state, behind a few of other PRs. */
const worldWith = (spec: DeploySpec, options: SiteOptions = {}) =>
  new World().site('docs.netlify.app', [{ pr: 12 }, { id: 'p7', pr: PR, ...spec }, { pr: 3, state: 'error' }], options);
const netlifyWrites = (world: World) => world.lines().filter((line) => /^netlify\.(retry|cancel)/.test(line));
const resultsOf = (outcome: Outcome) => sitesOf(outcome).map((site) => site.result);
/** Many deploys of other PRs, newest first, each on its PR's branch. */
const others = (count: number): DeploySpec[] => Array.from({ length: count }, (_, i) => ({ pr: 1000 + (i % 300) }));

describe('a trusted /retest on a failed preview', () => {
  test('eyes, the PR and page 1 in round 1; the retry in round 2; the report in round 3', async () => {
    const world = worldWith(FAILED);
    const run = await command(world, '/retest');
    expect(world.rounds()).toEqual([
      ['github.react eyes', 'github.readPull', 'netlify.listPreviews site=docs.netlify.app page=1'],
      ['netlify.retry id=p7'],
      ['github.report reactions=rocket body=yes'],
    ]);
    expect(run.outcome.result).toBe('retried');
    expect(world.deploy('p7')?.state).toBe('enqueued');
    expect(world.reactions).toEqual(['eyes', 'rocket']);
    expect(run.reply).toContain('@maintainer The deploy preview had failed, so a retry was requested.');
    expect(run.reported).toEqual({ shown: true, reply: 'IC_reply1', fix: null });
  });
});

describe('what each state gets', () => {
  interface Then {
    result: string;
    writes: string[];
    phrase: string;
  }
  const skipped = (phrase: string): Then => ({ result: 'skipped', writes: [], phrase });
  const retried = (phrase: string, writes = ['retry']): Then => ({ result: 'retried', writes, phrase });
  const NO_CHANGE = "Failed during stage 'checking build content for changes': Canceled build due to no content change";
  const REBUILT = 'had been canceled, so a rebuild was requested';
  const approval = (state: string, phrase: string, spec: DeploySpec = {}): [string, DeploySpec, Then, Then] => [
    `${state}${spec.updatedAt ? ', unchanged for 45 minutes' : ''}`,
    { state, ...spec },
    skipped(phrase),
    skipped(phrase),
  ];
  // [case, the preview, what /retest does, what /rebuild-preview does]
  const table: [string, DeploySpec, Then, Then][] = [
    [
      'failed',
      FAILED,
      retried('had failed, so a retry was requested'),
      retried('had failed, so a retry was requested'),
    ],
    [
      'ready',
      { state: 'ready' },
      skipped('is ready, so it was not retried'),
      retried('A rebuild of the deploy preview was requested'),
    ],
    [
      'building',
      { state: 'building' },
      skipped('already in progress (building)'),
      skipped('already in progress (building)'),
    ],
    [
      'canceled by a person',
      { state: 'error', errorMessage: 'Canceled build' },
      skipped('was canceled, not failed'),
      retried(REBUILT),
    ],
    [
      'canceled by the ignore rule',
      { state: 'error', errorMessage: NO_CHANGE },
      skipped('ignore rule found nothing to build'),
      retried(REBUILT),
    ],
    ...[{}, { updatedAt: ago(45) }].flatMap((spec) => [
      approval('pending_review', 'A Netlify team member must approve this deploy', spec),
      approval('accepted', 'already in progress (accepted)', spec),
      approval('rejected', 'A Netlify team member rejected this deploy', spec),
    ]),
    [
      'stuck',
      { state: 'building', updatedAt: ago(45) },
      skipped('building for 45 minutes without a change, so it looks stuck'),
      retried('so it was canceled and a retry was requested', ['cancel', 'retry']),
    ],
    ...['old', 'unknown'].map((state): [string, DeploySpec, Then, Then] => [
      `another state (${state})`,
      { state },
      skipped(`is in state \`${state}\`, which is not retried`),
      skipped(`is in state \`${state}\`, which is not retried`),
    ]),
  ];
  const rows = table.flatMap(([name, spec, retest, rebuild]) => [
    [name, '/retest', spec, retest] as const,
    [name, '/rebuild-preview', spec, rebuild] as const,
  ]);
  test.each(rows)('%s + %s', async (_, word, spec, then) => {
    const world = worldWith(spec);
    const run = await command(world, word);
    expect(run.outcome.result).toBe(then.result);
    expect(netlifyWrites(world)).toEqual(then.writes.map((write) => `netlify.${write} id=p7`));
    expect(run.reply).toContain(then.phrase);
  });

  test('a stuck build whose cancel is refused is not retried: failed', async () => {
    const world = worldWith({ state: 'building', updatedAt: ago(45) }).fail('netlify.cancel', {
      kind: 'refused',
      status: 422,
    });
    const run = await command(world, '/rebuild-preview');
    expect(netlifyWrites(world)).toEqual(['netlify.cancel id=p7']);
    expect(run.outcome.result).toBe('failed');
    expect(run.reply).toContain('The stuck build could not be canceled, so no retry was sent');
  });
});

describe('finding the preview', () => {
  const reads = (world: World) => world.lines('netlify.listPreviews');

  test('on page 1: one read', async () => {
    const world = worldWith(FAILED);
    await command(world, '/retest');
    expect(reads(world)).toEqual(['netlify.listPreviews site=docs.netlify.app page=1']);
  });

  test('none on a page 1 that reaches back before the PR was opened: one read, not found', async () => {
    const world = new World().site('docs.netlify.app', others(50));
    world.pull = { ...world.pull, createdAt: ago(20) };
    const run = await command(world, '/retest');
    expect(reads(world)).toEqual(['netlify.listPreviews site=docs.netlify.app page=1']);
    expect(run.outcome).toMatchObject({ result: 'not-found', sites: [{ result: 'not-found', pageLimit: null }] });
    expect(run.reply).toContain(`PR #${PR} has no deploy preview on site docs.netlify.app.`);
  });

  test("an old PR's preview behind 6,000 newer deploys is found through its branch: two reads", async () => {
    const deploys = others(10_000);
    deploys[6_000] = { id: 'p7', pr: PR, ...FAILED };
    const world = new World().site('docs.netlify.app', deploys);
    const run = await command(world, '/retest');
    expect(reads(world)).toEqual([
      'netlify.listPreviews site=docs.netlify.app page=1',
      `netlify.listPreviews site=docs.netlify.app page=1 branch=pr-${PR}`,
    ]);
    expect(netlifyWrites(world)).toEqual(['netlify.retry id=p7']);
    expect(run.outcome.result).toBe('retried');
  });

  test("a fork PR's preview is looked up by its head ref and by pull/N/head, together: three reads of 10,000 deploys", async () => {
    const deploys = others(10_000);
    deploys[6_000] = { id: 'p7', pr: PR, branch: `pull/${PR}/head`, ...FAILED };
    const world = new World().site('docs.netlify.app', deploys);
    world.pull = { ...world.pull, fork: true, headRef: 'patch-1' };
    const run = await command(world, '/retest');
    expect(world.rounds()[1]).toEqual([
      'netlify.listPreviews site=docs.netlify.app page=1 branch=patch-1',
      `netlify.listPreviews site=docs.netlify.app page=1 branch=pull/${PR}/head`,
    ]);
    expect(reads(world).length).toBeLessThanOrEqual(3);
    expect(run.outcome.result).toBe('retried');
  });

  test('a short first page (no next link) still leads to the branch lookup', async () => {
    const deploys = others(300);
    deploys[150] = { id: 'p7', pr: PR, ...FAILED };
    const world = new World().site('docs.netlify.app', deploys, { short: 40 });
    const run = await command(world, '/retest');
    expect(reads(world)).toEqual([
      'netlify.listPreviews site=docs.netlify.app page=1',
      `netlify.listPreviews site=docs.netlify.app page=1 branch=pr-${PR}`,
    ]);
    expect(run.outcome.result).toBe('retried');
  });

  test('a Netlify that ignores `page` is not paged through: paging stops at the repeated page', async () => {
    const world = new World().site('docs.netlify.app', others(300), { ignoresPage: true });
    const run = await command(world, '/retest');
    expect(reads(world)).toEqual([
      'netlify.listPreviews site=docs.netlify.app page=1',
      `netlify.listPreviews site=docs.netlify.app page=1 branch=pr-${PR}`,
      'netlify.listPreviews site=docs.netlify.app page=2',
    ]);
    // The search stopped at the repeated page: the reason says how far it got, and why.
    expect(run.outcome).toMatchObject({ result: 'not-found', sites: [{ result: 'not-found', pageLimit: 1 }] });
    expect(run.log.warnings.join('\n')).toContain('with the page before it again');
  });

  test('at most 30 pages are read (the branch lookup aside), and not-found names the limit', async () => {
    const world = new World().site('docs.netlify.app', others(10_000));
    const run = await command(world, '/retest');
    const pages = reads(world).filter((line) => !line.includes('branch='));
    expect(pages).toEqual(
      Array.from({ length: 30 }, (_, i) => `netlify.listPreviews site=docs.netlify.app page=${i + 1}`),
    );
    expect(reads(world)).toHaveLength(31);
    expect(run.outcome).toMatchObject({ result: 'not-found', sites: [{ result: 'not-found', pageLimit: 30 }] });
    expect(run.reply).toContain('among the newest 3,000 deploys of site docs.netlify.app (at most 30 pages are read)');
  });

  test("a malformed deploy of another PR is skipped with a warning; the PR's preview is retried", async () => {
    const world = worldWith(FAILED, {
      malformed: [{ id: 'bad', context: 'deploy-preview', reviewId: 99, problem: 'state: expected string' }],
    });
    const run = await command(world, '/retest');
    expect(run.outcome.result).toBe('retried');
    expect(run.log.warnings.join('\n')).toContain(
      "Skipped 1 deploy(s) of docs.netlify.app that could not be read (state: expected string); none is this PR's preview.",
    );
  });

  test("the PR's own malformed preview fails clearly, with nothing retried", async () => {
    const world = new World().site('docs.netlify.app', [{ pr: 12 }], {
      malformed: [{ id: 'bad', context: 'deploy-preview', reviewId: PR, problem: 'state: expected string' }],
    });
    const run = await command(world, '/retest');
    expect(run.outcome).toMatchObject({ result: 'failed', sites: [{ result: 'failed', step: 'lookup' }] });
    expect(netlifyWrites(world)).toEqual([]);
    expect(run.reply).toContain(
      `Netlify's record of PR #${PR}'s preview (deploy bad) on docs.netlify.app could not be read`,
    );
    expect(world.reactions).toEqual(['eyes', 'confused']);
  });
});

describe('trust, per command', () => {
  const memberPr = { ...STRANGER, prAuthorAssociation: 'MEMBER' };

  test("a stranger's /rebuild-preview on a member's PR is denied: no Netlify call, three GitHub calls", async () => {
    const world = worldWith({ state: 'ready' });
    const run = await command(world, '/rebuild-preview', { event: memberPr });
    expect(world.rounds()).toEqual([
      ['github.react eyes', 'github.readPermission stranger'],
      ['github.report reactions=confused body=yes'],
    ]);
    expect(run.outcome.result).toBe('denied');
    expect(run.reply).toContain("it needs the commenter's own trust, and here only the PR is trusted");
  });

  test('without the permission fallback, a denial costs the eyes and the report alone', async () => {
    const world = worldWith({ state: 'ready' });
    await command(world, '/rebuild-preview', { event: memberPr, inputs: { 'trusted-permission': 'none' } });
    expect(world.lines()).toEqual(['github.react eyes', 'github.report reactions=confused body=yes']);
  });

  test.each(['ok-to-test', 'OK-To-Test'])(
    "a stranger's /retest on a PR labeled %s retries, without asking GitHub",
    async (label) => {
      const world = worldWith(FAILED);
      const run = await command(world, '/retest', { event: { ...STRANGER, labels: [label] } });
      expect(run.outcome.result).toBe('retried');
      expect(world.lines('github.readPermission')).toEqual([]);
    },
  );

  test("rebuild-trust pr: a stranger's /rebuild-preview on a member's PR rebuilds (Prow's rule)", async () => {
    const world = worldWith({ state: 'ready' });
    const run = await command(world, '/rebuild-preview', { event: memberPr, inputs: { 'rebuild-trust': 'pr' } });
    expect(run.outcome.result).toBe('retried');
    expect(netlifyWrites(world)).toEqual(['netlify.retry id=p7']);
  });

  test('deny-reply false: a denial is a confused reaction, with no reply', async () => {
    const world = worldWith(FAILED);
    const run = await command(world, '/retest', { event: STRANGER, inputs: { 'deny-reply': 'false' } });
    expect(run.outcome.result).toBe('denied');
    expect(world.lines()).toEqual([
      'github.react eyes',
      'github.readPermission stranger',
      'github.report reactions=confused body=no',
    ]);
    expect(world.replies).toEqual([]);
    expect(run.reported.shown).toBe(true);
  });

  test('the PR is read only once trust is settled: round 1 is the eyes and the permission', async () => {
    const world = worldWith(FAILED);
    world.permissions.stranger = 'write';
    const run = await command(world, '/retest', { event: STRANGER });
    expect(world.rounds()).toEqual([
      ['github.react eyes', 'github.readPermission stranger'],
      ['github.readPull', 'netlify.listPreviews site=docs.netlify.app page=1'],
      ['netlify.retry id=p7'],
      ['github.report reactions=rocket body=yes'],
    ]);
    expect(run.outcome.result).toBe('retried');
  });
});

describe('/ok-to-test', () => {
  const on = { 'ok-to-test-command': '/ok-to-test' };

  test('by a member: the label, eyes and rocket, and a reply that says who may now retest', async () => {
    const world = worldWith(FAILED);
    const run = await command(world, '/ok-to-test', { inputs: on });
    expect(world.rounds()).toEqual([
      ['github.addLabel ok-to-test', 'github.react eyes'],
      ['github.report reactions=rocket body=yes'],
    ]);
    expect(run.outcome).toEqual({ result: 'labeled', command: 'ok-to-test', label: 'ok-to-test', dryRun: false });
    expect(world.reactions).toEqual(['eyes', 'rocket']);
    expect(run.reply).toContain(
      'Added the `ok-to-test` label: anyone may now comment `/retest` on this PR to retry a failed preview.',
    );

    // The next comment's event carries the label: a stranger's /retest now retries the failed preview.
    const next = await command(world, '/retest', { inputs: on, event: { ...STRANGER, labels: world.labels } });
    expect(next.outcome.result).toBe('retried');
    expect(netlifyWrites(world)).toEqual(['netlify.retry id=p7']);
  });

  test('on a PR already labeled: skipped, no label added', async () => {
    const world = worldWith(FAILED);
    const run = await command(world, '/ok-to-test', { inputs: on, event: { labels: ['OK-TO-TEST'] } });
    expect(run.outcome).toMatchObject({ result: 'skipped', whole: { kind: 'labeled' } });
    expect(world.lines('github.addLabel')).toEqual([]);
  });

  test.each([
    ['a stranger', STRANGER, 'has read permission on the repository, and write is required'],
    [
      "the PR's trust (a member's PR)",
      { ...STRANGER, prAuthorAssociation: 'MEMBER' },
      'Only a trusted commenter can mark a PR ok to test',
    ],
    // Trust comes first: a stranger is not told that the label is there already.
    [
      'a stranger on a labeled PR',
      { ...STRANGER, labels: ['ok-to-test'] },
      'Only a trusted commenter can mark a PR ok to test',
    ],
  ])('by %s: denied', async (_, event, phrase) => {
    const world = worldWith(FAILED);
    const run = await command(world, '/ok-to-test', { inputs: on, event });
    expect(run.outcome.result).toBe('denied');
    expect(world.lines('github.addLabel')).toEqual([]);
    expect(world.lines('netlify')).toEqual([]);
    expect(run.reply).toContain(phrase);
  });
});

test.each([
  [false, 'closed'],
  [true, 'merged'],
])('a PR closed since the comment (merged: %s) is skipped, nothing retried', async (merged, word) => {
  const world = worldWith(FAILED);
  world.pull = { ...world.pull, open: false, merged };
  const run = await command(world, '/retest');
  expect(run.outcome).toMatchObject({ result: 'skipped', whole: { kind: 'closed', merged } });
  expect(netlifyWrites(world)).toEqual([]);
  expect(run.reply).toContain(`The PR was ${word} after the command was written, so nothing was retried.`);
});

describe('several sites', () => {
  const three = { 'site-id': 'docs.netlify.app, blog.netlify.app, shop.netlify.app' };
  const sitesWorld = () =>
    new World()
      .site('docs.netlify.app', [{ pr: 12 }, { id: 'docs-7', pr: PR, ...FAILED }])
      .site('blog.netlify.app', [{ id: 'blog-7', pr: PR, state: 'ready' }, { pr: 12 }])
      .site('shop.netlify.app', [{ pr: 12 }, { pr: 11 }]);

  test('mixed outcomes in three round trips, at most two Netlify calls per site, one report', async () => {
    const world = sitesWorld();
    const run = await command(world, '/retest', { inputs: three });
    expect(world.rounds()).toEqual([
      [
        'github.react eyes',
        'github.readPull',
        'netlify.listPreviews site=blog.netlify.app page=1',
        'netlify.listPreviews site=docs.netlify.app page=1',
        'netlify.listPreviews site=shop.netlify.app page=1',
      ],
      [`netlify.listPreviews site=shop.netlify.app page=1 branch=pr-${PR}`, 'netlify.retry id=docs-7'],
      ['github.report reactions=rocket body=yes'],
    ]);
    for (const name of ['docs', 'blog', 'shop']) {
      const calls = world
        .lines('netlify')
        .filter((line) => line.includes(`site=${name}.`) || line.includes(`id=${name}-`));
      expect(calls.length).toBeLessThanOrEqual(2);
    }
    expect(netlifyWrites(world)).toEqual(['netlify.retry id=docs-7']);
    expect(run.outcome.result).toBe('retried');
    expect(resultsOf(run.outcome)).toEqual(['retried', 'skipped', 'not-found']);
    expect(run.reply).toContain('/retest` on 3 sites:');
    for (const name of ['docs', 'blog', 'shop']) expect(run.reply).toContain(`### ${name}`);
  });

  test('a named site is acted on alone', async () => {
    const world = sitesWorld();
    const run = await command(world, '/rebuild-preview blog', { inputs: three });
    expect(world.lines('netlify')).toEqual([
      'netlify.listPreviews site=blog.netlify.app page=1',
      'netlify.retry id=blog-7',
    ]);
    expect(resultsOf(run.outcome)).toEqual(['retried']);
  });

  describe('a site listed by API ID, named in the command', () => {
    const uuid = '6f1c2b1e-0d7a-4f7e-9d44-3a3c1b2f9e10';
    const inputs = { 'site-id': `docs.netlify.app, ${uuid}` };
    const idWorld = () => sitesWorld().site(uuid, [{ id: 'shop-7', pr: PR, ...FAILED }], { name: 'shop' });

    test('is resolved through Netlify for a trusted commenter', async () => {
      const world = idWorld();
      const run = await command(world, '/retest shop', { inputs });
      expect(world.lines('netlify')).toEqual([
        `netlify.siteName site=${uuid}`,
        `netlify.listPreviews site=${uuid} page=1`,
        'netlify.retry id=shop-7',
      ]);
      expect(run.outcome.result).toBe('retried');
    });

    test('is not resolved for a stranger: ignored, no Netlify call', async () => {
      const world = idWorld();
      const run = await command(world, '/retest shop', { inputs, event: STRANGER });
      expect(run.outcome).toMatchObject({ result: 'ignored', ignored: { kind: 'unresolved-site', word: 'shop' } });
      expect(world.lines('netlify')).toEqual([]);
    });
  });

  test.each([
    ['a 404', { status: 404, what: 'Netlify found no site blog.netlify.app', fix: 'check the site-id input' }],
    [
      'rate limited',
      {
        status: 429,
        what: 'Netlify rate limited listing the deploy previews',
        fix: 'wait a minute, then comment again',
      },
    ],
  ])('one site failing (%s) while another is retried: failed, both sections, rocket and confused', async (_, fault) => {
    const two = { 'site-id': 'docs.netlify.app, blog.netlify.app' };
    const world = sitesWorld().fail('netlify.listPreviews site=blog.netlify.app', fault);
    const run = await command(world, '/retest', { inputs: two });
    expect(run.outcome.result).toBe('failed');
    expect(resultsOf(run.outcome)).toEqual(['retried', 'failed']);
    expect(netlifyWrites(world)).toEqual(['netlify.retry id=docs-7']);
    expect(world.lines('github.report')).toEqual(['github.report reactions=rocket,confused body=yes']);
    expect(run.reply).toMatch(/### docs\n\nThe deploy preview had failed, so a retry was requested\./);
    expect(run.reply).toContain(`### blog\n\nThe retry could not be requested. ${fault.what} (${fault.status}).`);
    expect(run.reply).toContain(`To fix: ${fault.fix}.`);
  });
});

describe('a retry whose answer is unclear is never sent twice', () => {
  test('the deploy, read again, shows the build: retried, with a note', async () => {
    const world = worldWith(FAILED).fail('netlify.retry', {
      kind: 'unclear',
      reached: true,
      what: 'the answer was lost',
    });
    const run = await command(world, '/retest');
    expect(world.lines('netlify')).toEqual([
      'netlify.listPreviews site=docs.netlify.app page=1',
      'netlify.retry id=p7',
      'netlify.readDeploy id=p7',
    ]);
    expect(run.outcome.result).toBe('retried');
    expect(run.reply).toContain("Netlify's answer was lost, but the deploy is now `enqueued`.");
  });

  test('the read fails too: failed, not known whether the build started', async () => {
    const world = worldWith(FAILED)
      .fail('netlify.retry', { kind: 'unclear', what: 'the answer was lost' })
      .fail('netlify.readDeploy', { status: 502 });
    const run = await command(world, '/retest');
    expect(netlifyWrites(world)).toEqual(['netlify.retry id=p7']);
    expect(run.outcome).toMatchObject({ result: 'failed', sites: [{ step: 'unclear' }] });
    expect(run.reply).toContain('it is not known whether Netlify started the build');
  });

  test('the deploy, read again, is unchanged: failed', async () => {
    const world = worldWith(FAILED).fail('netlify.retry', { kind: 'unclear', what: 'the answer was lost' });
    const run = await command(world, '/retest');
    expect(netlifyWrites(world)).toEqual(['netlify.retry id=p7']);
    expect(run.outcome).toMatchObject({ result: 'failed', sites: [{ step: 'retry' }] });
  });

  test('refused because a build started meanwhile: skipped, raced', async () => {
    // Each call takes 100 ms; a push starts a build between the read of page 1 and the retry.
    const world = worldWith({ ...FAILED, timeline: [{ afterMs: 150, state: 'building' }] });
    world.latencyMs = 100;
    const run = await command(world, '/retest');
    expect(world.lines('netlify')).toEqual([
      'netlify.listPreviews site=docs.netlify.app page=1',
      'netlify.retry id=p7',
      'netlify.readDeploy id=p7',
    ]);
    expect(run.outcome).toMatchObject({
      result: 'skipped',
      sites: [{ result: 'skipped', raced: { state: 'building' } }],
    });
    expect(run.reply).toContain('A build started after the command was read, so Netlify refused a second one.');
  });
});

describe('dry-run', () => {
  test.each([
    ['/retest', FAILED, 'The deploy preview had failed, so a retry would be requested.'],
    [
      '/rebuild-preview',
      { state: 'building', updatedAt: ago(45) },
      'so it would be canceled and a retry would be requested.',
    ],
    ['/ok-to-test', FAILED, 'The ok-to-test label would be added'],
  ])('%s changes nothing: no reaction, no write, no reply', async (word, spec, reason) => {
    const world = worldWith(spec);
    const run = await command(world, word, { inputs: { 'dry-run': 'true', 'ok-to-test-command': '/ok-to-test' } });
    expect(world.lines().filter((line) => !/^(github\.readPull|netlify\.listPreviews)/.test(line))).toEqual([]);
    expect(world.deploy('p7')?.state).toBe(spec.state);
    expect(run.reason).toContain(reason);
    expect(run.log.infos.some((line) => line.startsWith('dry-run:'))).toBe(true);
  });
});

test('a report that fails (no reaction, no reply) is not shown: main fails the step', async () => {
  const world = worldWith(FAILED).fail('github.report', {
    status: 403,
    what: 'GitHub refused posting the reply',
    fix: 'give the job pull-requests: write',
  });
  const run = await command(world, '/retest');
  expect(run.outcome.result).toBe('retried');
  expect(run.reported).toEqual({ shown: false, reply: null, fix: 'give the job pull-requests: write' });
  expect(world.reactions).toEqual(['eyes']);
});

/**
 * followBuilds against an in-memory world and a virtual clock: the builds a command started, followed to
 * their end; the reads made (how many, how far apart), the reply as edited, the reactions, the end.
 */
import { describe, expect, test } from 'vitest';
import { type FollowEnd, type SiteOutcome, sitesOf } from '../../src/core/outcome.js';
import { type Call, PR, type Step, T0, VirtualClock, World } from '../lib/memory.js';
import { commandAndFollow } from './run.js';

const FAILED = { state: 'error', errorMessage: 'Build script returned non-zero exit code: 2' } as const;
const MIN = 60_000;
/** PR 7's failed preview on docs, which changes after the retry as `timeline` says (times from T0). */
const worldOf = (...timeline: Step[]) =>
  new World().site('docs.netlify.app', [{ id: 'p7', pr: PR, ...FAILED, timeline }]);
const endOf = (site: SiteOutcome | undefined) => (site && 'follow' in site ? site.follow : null) as FollowEnd | null;

/** The schedule's promises: the first read within 5 s of the start, any later one at least 5 s after the one before. */
function expectSchedule(reads: readonly Call[], startedAt: number) {
  expect(reads.length).toBeGreaterThan(0);
  expect((reads[0] as Call).at - startedAt).toBeLessThanOrEqual(5_000);
  for (let i = 1; i < reads.length; i++)
    expect((reads[i] as Call).at - (reads[i - 1] as Call).at).toBeGreaterThanOrEqual(5_000);
}

describe('each end of following', () => {
  // [case, the world, how following ends, a phrase of the edited reply, the edit]
  const table: [string, () => World, Partial<FollowEnd>, string, string][] = [
    [
      'ready after a 10-minute build',
      () => worldOf({ afterMs: 20_000, state: 'building' }, { afterMs: 10 * MIN, state: 'ready' }),
      { end: 'ready', state: 'ready' },
      `**Ready:** the preview is ready again: https://deploy-preview-${PR}--docs.netlify.app (built in 10 min`,
      'github.edit reactions=hooray body=yes',
    ],
    [
      'failed again',
      () =>
        worldOf({
          afterMs: 3 * MIN,
          state: 'error',
          errorMessage: 'Command failed with exit code 1: npm run build\nat line 2',
        }),
      { end: 'error', state: 'error' },
      '**Failed again:** `Command failed with exit code 1: npm run build`. Deploy log: https://app.netlify.com/sites/docs/deploys/p7',
      'github.edit reactions=confused body=yes',
    ],
    [
      'the window is over',
      () => worldOf({ afterMs: 20_000, state: 'building' }),
      { end: 'window', state: 'building', seconds: 20 * 60 },
      "**Still building** after 20 minutes of following (20 min in all); Netlify keeps reporting on the PR's checks.",
      'github.edit reactions= body=yes',
    ],
    [
      'the deploy is gone (404)',
      () => worldOf({ afterMs: MIN, gone: true }),
      { end: 'gone', state: '' },
      '**Gone:** the deploy no longer exists on Netlify (404), so following ended.',
      'github.edit reactions= body=yes',
    ],
    [
      'two reads fail in between, then ready',
      () =>
        worldOf({ afterMs: MIN, state: 'ready' }).fail(
          'netlify.pollDeploy',
          { status: 502, what: 'Netlify failed reading the deploy' },
          2,
        ),
      { end: 'ready', state: 'ready' },
      '**Ready:** the preview is ready again',
      'github.edit reactions=hooray body=yes',
    ],
  ];
  test.each(table)('%s', async (_, makeWorld, end, phrase, edit) => {
    const world = makeWorld();
    const run = await commandAndFollow(world, '/retest');
    expect(endOf(sitesOf(run.outcome)[0])).toMatchObject(end);
    expect(world.replies[0]?.body).toContain(phrase);
    expect(run.calls.filter((call) => call.line.startsWith('github')).map((call) => call.line)).toEqual([edit]);
    expectSchedule(run.reads, run.startedAt);
  });

  test('a 10-minute build takes at most 40 reads, and the reply says how long it took', async () => {
    const world = worldOf({ afterMs: 10 * MIN, state: 'ready' });
    const run = await commandAndFollow(world, '/retest');
    expect(run.reads.length).toBeLessThanOrEqual(40);
    const end = endOf(sitesOf(run.outcome)[0]) as FollowEnd;
    expect(end.seconds).toBeGreaterThanOrEqual(600);
    expect(end.seconds).toBeLessThan(600 + 30);
    expect(world.reactions).toEqual(['eyes', 'rocket', 'hooray']);
  });

  test('a failed read is logged, and following goes on', async () => {
    const world = worldOf({ afterMs: MIN, state: 'ready' }).fail('netlify.pollDeploy', {
      status: 502,
      what: 'Netlify failed reading the deploy',
    });
    const run = await commandAndFollow(world, '/retest');
    expect(run.log.warnings.join('\n')).toContain(
      'Reading deploy p7 failed while following it (Netlify failed reading the deploy); trying again later.',
    );
  });

  test('a build found in progress is followed too: ready now', async () => {
    const world = new World().site('docs.netlify.app', [
      { id: 'p7', pr: PR, state: 'building', timeline: [{ afterMs: 2 * MIN, state: 'ready' }] },
    ]);
    const run = await commandAndFollow(world, '/retest');
    expect(endOf(sitesOf(run.outcome)[0])).toMatchObject({ end: 'ready' });
    expect(world.replies[0]?.body).toContain('**Ready:** the preview is ready now');
    expect(world.lines('netlify.retry')).toEqual([]);
  });
});

describe('the rate limit', () => {
  test('few requests left (under 50): the next read waits for the reset', async () => {
    const world = worldOf({ afterMs: 30_000, state: 'ready' });
    const reset = T0 + 2 * MIN;
    world.rate = (now) => (now < reset ? { remaining: 10, resetAt: reset } : { remaining: 400, resetAt: reset + MIN });
    const run = await commandAndFollow(world, '/retest');
    expect(run.reads.map((read) => read.at - T0)).toEqual([4_000, expect.any(Number)]);
    expect((run.reads[1] as Call).at).toBeGreaterThanOrEqual(reset);
    expect(endOf(sitesOf(run.outcome)[0])).toMatchObject({ end: 'ready' });
  });

  test('50 or more left: the schedule alone', async () => {
    const world = worldOf({ afterMs: 30_000, state: 'ready' });
    world.rate = () => ({ remaining: 50, resetAt: T0 + 10 * MIN });
    const run = await commandAndFollow(world, '/retest');
    expect((run.reads.at(-1) as Call).at - T0).toBeLessThan(2 * MIN);
  });

  test('a 429 that says when to come back: the next read is no sooner', async () => {
    const back = T0 + 90_000;
    const world = worldOf({ afterMs: 30_000, state: 'ready' }).fail('netlify.pollDeploy', {
      status: 429,
      what: 'Netlify rate limited reading the deploy',
      retryAt: back,
    });
    const run = await commandAndFollow(world, '/retest');
    expect(run.reads).toHaveLength(2);
    expect((run.reads[1] as Call).at).toBeGreaterThanOrEqual(back);
    expect(endOf(sitesOf(run.outcome)[0])).toMatchObject({ end: 'ready' });
  });
});

test('stopped through the abort signal: one edit says so, no reaction, no read after the stop', async () => {
  const world = worldOf({ afterMs: 20_000, state: 'building' });
  const stop = new AbortController();
  world.clock.at(T0 + MIN, () => stop.abort());
  const run = await commandAndFollow(world, '/retest', {}, stop);
  expect(endOf(sitesOf(run.outcome)[0])).toMatchObject({ end: 'stopped', state: 'building', seconds: 60 });
  expect(run.calls.filter((call) => call.line.startsWith('github')).map((call) => call.line)).toEqual([
    'github.edit reactions= body=yes',
  ]);
  expect(world.replies[0]?.body).toContain(
    '**Following stopped** after 1 min: the job was cancelled or timed out. The build was `building` then',
  );
  expect((run.reads.at(-1) as Call).at).toBeLessThanOrEqual(T0 + MIN);
  expect(world.reactions).toEqual(['eyes', 'rocket']);
});

test('a quiet /retest (no reply): the end is told by the reactions alone', async () => {
  const world = worldOf({ afterMs: 2 * MIN, state: 'ready' });
  const run = await commandAndFollow(world, '/retest', { inputs: { 'quiet-retest': 'true' } });
  expect(run.reported.reply).toBeNull();
  expect(run.calls.filter((call) => call.line.startsWith('github')).map((call) => call.line)).toEqual([
    'github.edit reactions=hooray body=no',
  ]);
  expect(world.replies).toEqual([]);
  expect(world.reactions).toEqual(['eyes', 'rocket', 'hooray']);
});

test('two sites followed at once: each end edits its own section', async () => {
  const world = new World()
    .site('docs.netlify.app', [{ id: 'docs-7', pr: PR, ...FAILED, timeline: [{ afterMs: 3 * MIN, state: 'ready' }] }])
    .site('blog.netlify.app', [
      {
        id: 'blog-7',
        pr: PR,
        ...FAILED,
        timeline: [{ afterMs: 6 * MIN, state: 'error', errorMessage: 'Build failed again' }],
      },
    ]);
  const run = await commandAndFollow(world, '/retest', { inputs: { 'site-id': 'docs.netlify.app, blog.netlify.app' } });
  expect(sitesOf(run.outcome).map((site) => endOf(site)?.end)).toEqual(['ready', 'error']);
  expect(run.calls.filter((call) => call.line.startsWith('github')).map((call) => call.line)).toEqual([
    'github.edit reactions=hooray body=yes',
    'github.edit reactions=confused body=yes',
  ]);
  const [posted, first, second] = world.replies[0]?.history ?? [];
  const section = (body: string | undefined, name: string) =>
    body?.split('### ').find((part) => part.startsWith(name)) ?? '';
  expect(section(posted, 'docs')).toContain('Following the build');
  expect(section(first, 'docs')).toContain('**Ready:** the preview is ready again');
  expect(section(first, 'blog')).toContain('Following the build');
  expect(section(second, 'docs')).toContain('**Ready:**');
  expect(section(second, 'blog')).toContain('**Failed again:** `Build failed again`');
  expect(world.reactions).toEqual(['eyes', 'rocket', 'hooray', 'confused']);
  expectSchedule(
    run.reads.filter((read) => read.line.endsWith('docs-7')),
    run.startedAt,
  );
  expectSchedule(
    run.reads.filter((read) => read.line.endsWith('blog-7')),
    run.startedAt,
  );
});

test('a stop while two builds are followed: one edit tells both', async () => {
  const world = new World()
    .site('docs.netlify.app', [{ id: 'docs-7', pr: PR, ...FAILED }])
    .site('blog.netlify.app', [{ id: 'blog-7', pr: PR, ...FAILED }]);
  const stop = new AbortController();
  world.clock.at(T0 + 2 * MIN, () => stop.abort());
  const run = await commandAndFollow(
    world,
    '/retest',
    { inputs: { 'site-id': 'docs.netlify.app, blog.netlify.app' } },
    stop,
  );
  expect(sitesOf(run.outcome).map((site) => endOf(site)?.end)).toEqual(['stopped', 'stopped']);
  expect(run.calls.filter((call) => call.line.startsWith('github')).map((call) => call.line)).toEqual([
    'github.edit reactions= body=yes',
  ]);
  expect(world.replies[0]?.body.match(/\*\*Following stopped\*\* after 2 min/g)).toHaveLength(2);
});

describe('the virtual clock', () => {
  test('sleepers wake in due order (ties in the order they slept); an abort wakes its sleeper at once', async () => {
    const clock = new VirtualClock();
    const stop = new AbortController();
    const woke: string[] = [];
    const sleeper = async (name: string, ms: number, signal?: AbortSignal) => {
      await clock.sleep(ms, signal);
      woke.push(`${name}@${clock.now() - T0}`);
    };
    clock.at(T0 + 1_500, () => stop.abort());
    await clock.drive(
      Promise.all([sleeper('a', 3_000), sleeper('b', 1_000), sleeper('c', 3_000), sleeper('d', 5_000, stop.signal)]),
    );
    expect(woke).toEqual(['b@1000', 'd@1500', 'a@3000', 'c@3000']);
  });

  test('driving work that waits on something else fails at once', async () => {
    await expect(new VirtualClock().drive(new Promise(() => undefined))).rejects.toThrow('other than the clock');
  });
});

/**
 * The fake Netlify's behaviours that the new adapters stand on, over real HTTP (fetch) and held to Netlify's
 * spec by the contract hook (test/setup.ts fails a test with an untaken violation): rate-limit headers,
 * builds whose state moves with the fake's clock, retry and cancel, several sites, and the hostile modes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { takeViolations } from '../lib/contract/checker.js';
import { APPROVAL_STATES, BUILD_FAILED, CANCELED, FakeNetlify, type NetlifyDeploy } from '../lib/fakes/netlify.js';

const TOKEN = 'nfp_FakesTestToken0000000000000000000000';
const T0 = Date.parse('2026-11-21T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

let netlify: FakeNetlify;
let clock = T0;
beforeAll(async () => {
  netlify = new FakeNetlify(TOKEN);
  await netlify.start();
});
afterAll(() => netlify.stop());
beforeEach(() => {
  clock = T0;
  netlify.now = () => clock;
  netlify.rateLimit = { limit: 500, remaining: 500, resetAt: T0 / 1000 + 60 };
  netlify.enforceRateLimit = false;
  netlify.ignorePage = false;
  netlify.shortPages = null;
  netlify.onRetry = null;
  netlify.sites.clear();
});

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

async function api(method: string, path: string, token = TOKEN): Promise<Answer> {
  const response = await fetch(`${netlify.apiUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const get = (path: string) => api('GET', path);
const post = (path: string) => api('POST', path);

function site(id = 'site-a', name = 'alpha-docs') {
  return netlify.sites.get(id) ?? netlify.addSite(id, name);
}

function preview(pr: number, state: string, extra: Partial<Parameters<FakeNetlify['addDeploy']>[1]> = {}) {
  return netlify.addDeploy(site().id, { pr, state, createdAt: '2026-11-21T10:00:00Z', ...extra });
}

describe('rate-limit headers', () => {
  test('every answer carries X-RateLimit-*, and each request takes one', async () => {
    const deploy = preview(1, 'error');
    netlify.rateLimit = { limit: 500, remaining: 10, resetAt: T0 / 1000 + 30 };
    const answers = [
      await get(`/sites/${site().id}`),
      await get(`/deploys/${deploy.id}`),
      await get('/deploys/000000000000000000000000'),
      await api('GET', `/deploys/${deploy.id}`, 'nfp_wrong'),
      await post(`/deploys/${deploy.id}/cancel`), // 422: not in progress
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 404, 401, 422]);
    expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['9', '8', '7', '6', '5']);
    for (const answer of answers) {
      expect(answer.headers.get('x-ratelimit-limit')).toBe('500');
      expect(answer.headers.get('x-ratelimit-reset')).toBe(String(T0 / 1000 + 30));
    }
    expect(netlify.rateLimit.remaining).toBe(5);
  });

  test('remaining never drops below 0; enforced, a spent limit answers 429 until the window restarts', async () => {
    const deploy = preview(2, 'ready');
    netlify.setRateLimit(1, 10);
    expect(netlify.rateLimit).toEqual({ limit: 500, remaining: 1, resetAt: T0 / 1000 + 10 });
    expect((await get(`/deploys/${deploy.id}`)).headers.get('x-ratelimit-remaining')).toBe('0');
    const unenforced = await get(`/deploys/${deploy.id}`);
    expect([unenforced.status, unenforced.headers.get('x-ratelimit-remaining')]).toEqual([200, '0']);
    netlify.enforceRateLimit = true;
    const limited = await get(`/deploys/${deploy.id}`);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 429, message: 'Rate limit exceeded' });
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(T0 / 1000 + 10));
    expect((await post(`/deploys/${deploy.id}/retry`)).status).toBe(429);
    expect(netlify.findDeploy(deploy.id)?.state).toBe('ready'); // the limited retry did nothing
    clock = T0 + 10_000; // the window restarts
    const after = await get(`/deploys/${deploy.id}`);
    expect([after.status, after.headers.get('x-ratelimit-remaining')]).toEqual([200, '499']);
    expect(after.headers.get('x-ratelimit-reset')).toBe(String(T0 / 1000 + 70));
  });
});

describe('builds whose state moves with the clock', () => {
  test('planBuild: each read shows the latest step reached, updated_at its time, deploy_time at the end', async () => {
    const deploy = preview(10, 'enqueued', { updatedAt: '2026-11-21T11:59:00Z' });
    netlify.planBuild(deploy.id, [
      { afterMs: 1000, state: 'building' },
      { afterMs: 3000, state: 'ready' },
    ]);
    const read = async () => (await get(`/deploys/${deploy.id}`)).body as NetlifyDeploy;
    expect(await read()).toMatchObject({ state: 'enqueued', updated_at: '2026-11-21T11:59:00Z', deploy_time: null });
    expect(netlify.isBuilding(deploy.id)).toBe(true);
    clock = T0 + 999;
    expect((await read()).state).toBe('enqueued');
    clock = T0 + 1000;
    expect(await read()).toMatchObject({ state: 'building', updated_at: iso(T0 + 1000), error_message: null });
    clock = T0 + 5000;
    expect(await read()).toMatchObject({
      state: 'ready',
      updated_at: iso(T0 + 3000),
      published_at: iso(T0 + 3000),
      deploy_time: 3,
    });
    expect(netlify.isBuilding(deploy.id)).toBe(false);
    // The list computes the same state, from the same clock.
    const listed = (await get(`/sites/${site().id}/deploys`)).body as NetlifyDeploy[];
    expect(listed.find((d) => d.id === deploy.id)?.state).toBe('ready');
    // A clock set back shows the state before the first step again.
    clock = T0;
    expect((await read()).state).toBe('enqueued');
  });

  test('a build that fails: error with its message; planBuild takes a start time', async () => {
    const deploy = preview(11, 'building');
    netlify.planBuild(
      deploy.id,
      [{ afterMs: 2000, state: 'error', errorMessage: 'Build script returned non-zero exit code: 2', deployTime: 95 }],
      T0 - 2000,
    );
    const { body } = await get(`/sites/${site().id}/deploys/${deploy.id}`);
    expect(body).toMatchObject({
      state: 'error',
      error_message: 'Build script returned non-zero exit code: 2',
      updated_at: iso(T0),
      deploy_time: 95,
    });
    netlify.planBuild(deploy.id, [{ afterMs: 0, state: 'error' }]); // default message
    expect(netlify.findDeploy(deploy.id)?.error_message).toBe(BUILD_FAILED);
  });

  test('onRetry: the plan starts when a retry is accepted, and when a cancel is followed by a retry', async () => {
    const failed = preview(12, 'error');
    const running = preview(13, 'building');
    const seen: string[] = [];
    netlify.onRetry = (deploy) => {
      seen.push(deploy.id);
      return [
        { afterMs: 500, state: 'building' },
        { afterMs: 2000, state: 'ready' },
      ];
    };
    const retried = await post(`/deploys/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'enqueued', error_message: null, updated_at: iso(T0) });
    clock = T0 + 600;
    expect((await get(`/deploys/${failed.id}`)).body.state).toBe('building');
    clock = T0 + 2000;
    expect((await get(`/deploys/${failed.id}`)).body.state).toBe('ready');

    expect((await post(`/deploys/${running.id}/retry`)).status).toBe(422); // still building
    expect((await post(`/deploys/${running.id}/cancel`)).status).toBe(201);
    expect((await post(`/deploys/${running.id}/retry`)).status).toBe(200);
    clock = T0 + 4000;
    expect((await get(`/deploys/${running.id}`)).body).toMatchObject({ state: 'ready', updated_at: iso(T0 + 4000) });
    expect(seen).toEqual([failed.id, running.id]);
  });

  test('without onRetry a retry stays in retryState', async () => {
    const deploy = preview(14, 'ready');
    netlify.retryState = 'new';
    expect((await post(`/deploys/${deploy.id}/retry`)).body.state).toBe('new');
    netlify.retryState = 'enqueued';
    clock = T0 + 60_000;
    expect(netlify.findDeploy(deploy.id)?.state).toBe('new');
  });
});

describe('retry and cancel', () => {
  test('retry: accepted for error and ready; 422 for builds in progress and the approval states', async () => {
    const states = ['error', 'ready', 'enqueued', 'building', 'new', ...APPROVAL_STATES];
    const deploys = states.map((state, i) => preview(20 + i, state));
    const statuses = [];
    for (const deploy of deploys) statuses.push((await post(`/deploys/${deploy.id}/retry`)).status);
    expect(statuses).toEqual([200, 200, 422, 422, 422, 422, 422, 422]);
    expect(netlify.findDeploy(deploys[5]?.id as string)?.state).toBe('pending_review');
    expect(netlify.retries().length).toBeGreaterThanOrEqual(states.length);
    const refused = await post(`/deploys/${deploys[5]?.id}/retry`);
    expect(refused.body).toEqual({ code: 422, message: 'Deploy in state pending_review cannot be retried' });
  });

  test('cancel: a build in progress ends as error "Canceled build" (201); anything else is 422', async () => {
    const running = preview(30, 'building');
    netlify.planBuild(running.id, [{ afterMs: 1000, state: 'ready' }]);
    const before = netlify.cancels().length;
    const canceled = await post(`/deploys/${running.id}/cancel`);
    expect(canceled.status).toBe(201);
    expect(canceled.body).toMatchObject({ id: running.id, state: 'error', error_message: 'Canceled build' });
    clock = T0 + 5000; // the plan is gone with the build
    expect(netlify.findDeploy(running.id)?.state).toBe('error');
    const again = await post(`/deploys/${running.id}/cancel`);
    expect(again.status).toBe(422);
    expect(again.body).toEqual({ code: 422, message: 'Build is already done' });
    expect((await post(`/deploys/${preview(31, 'ready').id}/cancel`)).status).toBe(422);
    expect((await post(`/deploys/${preview(32, 'pending_review').id}/cancel`)).status).toBe(422);
    expect((await post('/deploys/000000000000000000000000/cancel')).status).toBe(404);
    expect(netlify.cancels().length - before).toBe(5);
  });

  test('the canceled forms, stuck builds and approval states can be seeded', async () => {
    const byUser = preview(40, CANCELED.byUser.state, { errorMessage: CANCELED.byUser.errorMessage });
    const noChange = preview(41, 'error', { ...CANCELED.noContentChange });
    const stuck = preview(42, 'building', { updatedAt: '2026-11-21T06:00:00Z' });
    const gated = APPROVAL_STATES.map((state, i) => preview(43 + i, state));
    const listed = (await get(`/sites/${site().id}/deploys?deploy-previews=true`)).body as NetlifyDeploy[];
    const byId = new Map(listed.map((d) => [d.id, d]));
    expect(byId.get(byUser.id)).toMatchObject({ state: 'error', error_message: 'Canceled build' });
    expect(byId.get(noChange.id)?.error_message).toBe(
      "Failed during stage 'checking build content for changes': Canceled build due to no content change",
    );
    expect(byId.get(stuck.id)).toMatchObject({ state: 'building', updated_at: '2026-11-21T06:00:00Z' });
    expect(gated.map((d) => byId.get(d.id)?.state)).toEqual(['pending_review', 'accepted', 'rejected']);
    expect(gated.map((d) => byId.get(d.id)?.error_message)).toEqual([null, null, null]);
  });
});

describe('several sites', () => {
  test('lists, single reads and retries are per site; deploys carry their own site', async () => {
    const a = netlify.addSite('site-a', 'alpha-docs');
    const b = netlify.addSite('site-b', 'beta-docs');
    const onA = netlify.addDeploy(a.id, { pr: 7, state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    const onB = netlify.addDeploy(b.id, { pr: 7, state: 'error', createdAt: '2026-11-21T10:00:00Z' });
    const listA = (await get(`/sites/${a.id}/deploys`)).body as NetlifyDeploy[];
    const listB = (await get('/sites/beta-docs.netlify.app/deploys')).body as NetlifyDeploy[];
    expect(listA.map((d) => [d.id, d.site_id, d.name])).toEqual([[onA.id, a.id, 'alpha-docs']]);
    expect(listB.map((d) => [d.id, d.site_id, d.name])).toEqual([[onB.id, b.id, 'beta-docs']]);
    expect(listB[0]?.deploy_ssl_url).toBe('https://deploy-preview-7--beta-docs.netlify.app');
    expect((await get('/sites/beta-docs.netlify.app')).body).toMatchObject({ id: b.id, name: 'beta-docs' });
    expect((await get(`/sites/${b.id}/deploys/${onB.id}`)).status).toBe(200);
    expect((await get(`/sites/${a.id}/deploys/${onB.id}`)).status).toBe(404);
    expect((await post(`/deploys/${onB.id}/retry`)).body).toMatchObject({ site_id: b.id, state: 'enqueued' });
    expect(netlify.findDeploy(onA.id)?.state).toBe('error');
  });
});

describe('hostile list modes', () => {
  function seed(count: number): NetlifyDeploy[] {
    return Array.from({ length: count }, (_, i) =>
      netlify.addDeploy(site().id, { pr: 100 + i, state: 'ready', createdAt: iso(T0 - i * 60_000) }),
    );
  }

  const next = (answer: Answer) => /<([^>]+)>; rel="next"/.exec(answer.headers.get('link') ?? '')?.[1];

  test('normal paging: Link next/last, and the last page has no next', async () => {
    const deploys = seed(5);
    const first = await get(`/sites/${site().id}/deploys?page=1&per_page=2`);
    expect(first.body.map((d: NetlifyDeploy) => d.id)).toEqual(deploys.slice(0, 2).map((d) => d.id));
    expect(next(first)).toContain('page=2');
    expect(first.headers.get('link')).toContain('page=3&per_page=2>; rel="last"');
    expect(next(await get(`/sites/${site().id}/deploys?page=3&per_page=2`))).toBeUndefined();
  });

  test('ignorePage: every page is page 1, while Link still names the next one', async () => {
    const deploys = seed(5);
    netlify.ignorePage = true;
    const second = await get(`/sites/${site().id}/deploys?page=2&per_page=2`);
    expect(second.body.map((d: NetlifyDeploy) => d.id)).toEqual(deploys.slice(0, 2).map((d) => d.id));
    expect(next(second)).toContain('page=3');
  });

  test('shortPages: fewer deploys than per_page, Link next while deploys remain: following it finds them all', async () => {
    const deploys = seed(7);
    netlify.shortPages = 3;
    const seen: string[] = [];
    let url: string | undefined = `${netlify.apiUrl}/sites/${site().id}/deploys?page=1&per_page=100`;
    let pages = 0;
    while (url) {
      const answer = await get(url.slice(netlify.apiUrl.length));
      expect(answer.body.length).toBeLessThanOrEqual(3);
      seen.push(...answer.body.map((d: NetlifyDeploy) => d.id));
      url = next(answer);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(deploys.map((d) => d.id));
  });

  test('malform: a listed deploy served with state null; the contract hook flags it, and the test takes it', async () => {
    const [good, bad] = seed(2) as [NetlifyDeploy, NetlifyDeploy];
    netlify.malform(bad.id, { state: null, created_at: undefined });
    const listed = (await get(`/sites/${site().id}/deploys`)).body as Record<string, unknown>[];
    expect(listed[0]).toEqual(JSON.parse(JSON.stringify(netlify.findDeploy(good.id))));
    expect(listed[1]?.state).toBeNull();
    expect('created_at' in (listed[1] as object)).toBe(false);
    expect((await get(`/deploys/${bad.id}`)).body.state).toBeNull();
    const found = takeViolations((v) => v.source === 'Netlify fake');
    const problems = found.flatMap((v) => v.problems);
    expect(problems).toContain('listSiteDeploys 200 body/1/state must be string');
    expect(problems).toContain('listSiteDeploys 200 body[1] lacks created_at, which the action reads');
    expect(problems).toContain('getDeploy 200 body/state must be string');
    netlify.malform(bad.id, null);
    expect((await get(`/deploys/${bad.id}`)).body.state).toBe('ready');
    // A DeploySpec can carry the overrides from the start.
    const raw = netlify.addDeploy(site().id, { pr: 9, state: 'error', createdAt: iso(T0), raw: { review_id: '9' } });
    expect((await get(`/deploys/${raw.id}`)).body.review_id).toBe('9');
    expect(takeViolations().flatMap((v) => v.problems)).toEqual(['getDeploy 200 body/review_id must be number,null']);
  });
});

test('nothing above broke the spec unnoticed', () => {
  expect(takeViolations()).toEqual([]);
});

/**
 * The Netlify adapter's policies, called directly against the fake over real HTTP with a real clock:
 * the retry and the cancel are sent at most once and answered accepted / conflict / refused / unclear as
 * src/flow/ports.ts documents; a poll is one try, with the rate limit from the headers and 404 as `gone`;
 * a list page says `more` from its Link header and validates each deploy on its own.
 */
import { describe, expect, test } from 'vitest';
import type { Sent } from '../../src/flow/ports.js';
import { takeViolations } from '../lib/contract/checker.js';
import { makeDeploy } from '../lib/fakes/netlify.js';
import type { Fault } from '../lib/http.js';
import { HUGE } from '../faults/catalogue.js';
import { REFUSED_ORIGIN } from '../lib/fakes/server.js';
import { assertClean, LONG_MS, matching, PR, type Services, SITE, started, withServices } from './support.js';

const RETRY = /^\/api\/v1\/deploys\/[^/]+\/retry$/;
const CANCEL = /^\/api\/v1\/deploys\/[^/]+\/cancel$/;
const DEPLOY = /^\/api\/v1\/deploys\/[^/]+$/;
const LIST = /^\/api\/v1\/sites\/[^/]+\/deploys$/;
const epoch = (fromNow: number) => String(Math.floor(Date.now() / 1000) + fromNow);
const body = (status: number, message: string) => ({ code: status, message });
const status = (code: number, message: string, headers?: Record<string, string>): Fault => ({
  kind: 'status',
  status: code,
  body: body(code, message),
  headers,
});

interface PostCase {
  readonly name: string;
  readonly fault?: (services: Services) => Fault;
  /** The phase's length (default 60 s). */
  readonly phaseMs?: number;
  /** Nothing listens where the request goes. */
  readonly refusedConnection?: boolean;
  readonly retry: Sent['kind'];
  readonly cancel: Sent['kind'];
  /** POSTs that reached the fake (default 1). */
  readonly sent?: number;
  /** Whether the fake acted on it (its handler ran). */
  readonly tookEffect?: boolean;
}

/** One table for both requests that change something: they differ only in what a 409 or 422 means. */
const POSTS: readonly PostCase[] = [
  { name: 'a 2xx answer', retry: 'accepted', cancel: 'accepted', tookEffect: true },
  { name: '409', fault: () => status(409, 'Conflict'), retry: 'conflict', cancel: 'refused' },
  {
    name: '422 (Netlify refuses the retry of a build in progress)',
    fault: () => status(422, 'Deploy is already building'),
    retry: 'conflict',
    cancel: 'refused',
  },
  { name: '400', fault: () => status(400, 'Bad Request'), retry: 'refused', cancel: 'refused' },
  { name: '401', fault: () => status(401, 'Access Denied'), retry: 'refused', cancel: 'refused' },
  { name: '403', fault: () => status(403, 'Forbidden'), retry: 'refused', cancel: 'refused' },
  { name: '404', fault: () => status(404, 'Not Found'), retry: 'refused', cancel: 'refused' },
  {
    name: '307 redirect to another port',
    fault: (s) => ({
      kind: 'status',
      status: 307,
      headers: { Location: `${s.trap.origin}/x` },
      body: body(307, 'Temporary Redirect'),
    }),
    retry: 'refused',
    cancel: 'refused',
  },
  {
    name: '429 with Retry-After (not sent again)',
    fault: () => status(429, 'Rate limit', { 'Retry-After': '1' }),
    retry: 'refused',
    cancel: 'refused',
  },
  { name: '500', fault: () => status(500, 'Internal Server Error'), retry: 'unclear', cancel: 'unclear' },
  { name: '502 HTML page', fault: () => ({ kind: 'html', status: 502 }), retry: 'unclear', cancel: 'unclear' },
  { name: '503', fault: () => status(503, 'Service Unavailable'), retry: 'unclear', cancel: 'unclear' },
  {
    name: 'no answer (a 3-second phase)',
    fault: () => ({ kind: 'hang' }),
    phaseMs: 3_000,
    retry: 'unclear',
    cancel: 'unclear',
  },
  {
    name: 'connection reset after the request was written',
    fault: () => ({ kind: 'reset' }),
    retry: 'unclear',
    cancel: 'unclear',
  },
  { name: 'half a body', fault: () => ({ kind: 'half-body' }), retry: 'unclear', cancel: 'unclear' },
  {
    name: 'an answer larger than 8 MB',
    fault: () => ({ kind: 'status', status: 200, raw: `{"x":"${'y'.repeat(HUGE)}"}` }),
    retry: 'unclear',
    cancel: 'unclear',
  },
  {
    name: 'the answer lost after Netlify acted',
    fault: () => ({ kind: 'lose-answer' }),
    retry: 'unclear',
    cancel: 'unclear',
    tookEffect: true,
  },
  {
    name: 'malformed JSON with status 200 (the body is not read)',
    fault: () => ({ kind: 'malformed-json' }),
    retry: 'accepted',
    cancel: 'accepted',
  },
  {
    name: 'a refused connection: never reached Netlify',
    refusedConnection: true,
    retry: 'refused',
    cancel: 'refused',
    sent: 0,
  },
  {
    name: 'less than a second left in the phase: not sent at all',
    phaseMs: 500,
    retry: 'refused',
    cancel: 'refused',
    sent: 0,
  },
];

/** A Netlify API nothing listens on. */
async function deadApi(): Promise<string> {
  return `${REFUSED_ORIGIN}/api/v1`;
}

describe.each(['retry', 'cancel'] as const)("%s: sent at most once, answered in the flow's words", (which) => {
  for (const c of POSTS) {
    test(
      `${c.name}: ${c[which]}`,
      { timeout: 60_000 },
      started(() =>
        withServices(async (services) => {
          // A failed preview can be retried; a build in progress can be canceled.
          const deploy = services.preview(which === 'retry' ? 'error' : 'building');
          const path = which === 'retry' ? RETRY : CANCEL;
          if (c.fault) services.netlify.inject({ method: 'POST', path, fault: c.fault(services) });
          const port = services.netlifyPort(
            c.phaseMs ?? LONG_MS,
            undefined,
            c.refusedConnection ? await deadApi() : undefined,
          );
          const sent = which === 'retry' ? await port.retry(deploy.id) : await port.cancel(deploy.id);
          expect(sent.kind).toBe(c[which]);
          if (sent.kind !== 'accepted') {
            assertClean(sent.failure);
            expect(sent.failure.service).toBe('Netlify');
            expect(sent.failure.fix).not.toBe('');
          }
          if (c.phaseMs === 500)
            expect(sent.kind !== 'accepted' && sent.failure.what).toMatch(/was not sent .*timeout-seconds ran out/);
          expect(matching(services.netlify.requests, 'POST', path)).toHaveLength(c.sent ?? 1);
          // Nothing else was asked: an unclear answer is the flow's to settle (it reads the deploy).
          expect(services.netlify.requests.length).toBe(c.sent ?? 1);
          const after = services.netlify.findDeploy(deploy.id)?.state;
          if (c.tookEffect) expect(after).toBe(which === 'retry' ? 'enqueued' : 'error');
          else expect(after).toBe(which === 'retry' ? 'error' : 'building');
        }),
      ),
    );
  }
});

test(
  "a 422 from Netlify's own handler (a build already running) is a conflict for the retry, a refusal for the cancel",
  started(() =>
    withServices(async (services) => {
      const building = services.preview('building');
      const done = services.preview('ready', { createdAt: '2026-11-21T09:00:00Z' });
      const port = services.netlifyPort();
      const retried = await port.retry(building.id);
      expect(retried).toMatchObject({ kind: 'conflict', failure: { status: 422, said: 'Deploy is already building' } });
      const canceled = await port.cancel(done.id);
      expect(canceled).toMatchObject({ kind: 'refused', failure: { status: 422, said: 'Build is already done' } });
    }),
  ),
);

describe('pollDeploy: one try, the rate limit from the headers', () => {
  test(
    'a deploy, with X-RateLimit-Remaining and X-RateLimit-Reset as read',
    started(() =>
      withServices(async (services) => {
        const deploy = services.preview('building');
        services.netlify.setRateLimit(40, 30);
        const poll = await services.netlifyPort().pollDeploy(deploy.id);
        expect(poll.kind).toBe('deploy');
        if (poll.kind !== 'deploy') return;
        expect(poll.deploy).toMatchObject({ id: deploy.id, state: 'building' });
        // The fake counts this request: 39 left; the reset is its epoch second, in ms.
        expect(poll.rate).toEqual({ remaining: 39, resetAt: services.netlify.rateLimit.resetAt * 1000 });
        expect(matching(services.netlify.requests, 'GET', DEPLOY)).toHaveLength(1);
      }),
    ),
  );

  test(
    'a 404 is `gone`',
    started(() =>
      withServices(async (services) => {
        expect(await services.netlifyPort().pollDeploy('6000000000000000000000ff')).toEqual({ kind: 'gone' });
      }),
    ),
  );

  test.each([
    ['500', () => status(500, 'Internal Server Error')],
    ['a reset', (): Fault => ({ kind: 'reset' })],
    ['malformed JSON', (): Fault => ({ kind: 'malformed-json' })],
    ['JSON of the wrong shape', (): Fault => ({ kind: 'wrong-shape' })],
  ])('%s: failed, not tried again (the schedule is the retry)', (_name, fault) =>
    started(() =>
      withServices(async (services) => {
        const deploy = services.preview('building');
        services.netlify.inject({ path: DEPLOY, fault: fault() });
        const poll = await services.netlifyPort().pollDeploy(deploy.id);
        expect(poll.kind).toBe('failed');
        if (poll.kind === 'failed') {
          assertClean(poll.failure);
          expect(poll.retryAt).toBeNull();
        }
        expect(matching(services.netlify.requests, 'GET', DEPLOY)).toHaveLength(1);
      }),
    )(),
  );

  test(
    'no answer within a short phase: failed after one try',
    started(() =>
      withServices(async (services) => {
        const deploy = services.preview('building');
        services.netlify.inject({ path: DEPLOY, fault: { kind: 'hang' } });
        const poll = await services.netlifyPort(2_000).pollDeploy(deploy.id);
        expect(poll).toMatchObject({ kind: 'failed', failure: { status: null, what: /did not answer in time/ } });
        expect(matching(services.netlify.requests, 'GET', DEPLOY)).toHaveLength(1);
      }),
    ),
  );

  test(
    'a 429 says when to come back (Retry-After), and the rate limit it reported',
    started(() =>
      withServices(async (services) => {
        const deploy = services.preview('building');
        services.netlify.inject({
          path: DEPLOY,
          fault: status(429, 'Rate limit exceeded', {
            'Retry-After': '7',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': epoch(7),
          }),
        });
        const before = Date.now();
        const poll = await services.netlifyPort().pollDeploy(deploy.id);
        expect(poll.kind).toBe('failed');
        if (poll.kind !== 'failed') return;
        expect(poll.retryAt).not.toBeNull();
        expect(poll.retryAt as number).toBeGreaterThanOrEqual(before + 7_000);
        expect(poll.rate?.remaining).toBe(0);
        expect(matching(services.netlify.requests, 'GET', DEPLOY)).toHaveLength(1);
      }),
    ),
  );

  test(
    "the fake's own 429 once its window is spent: retryAt from X-RateLimit-Reset",
    started(() =>
      withServices(async (services) => {
        const deploy = services.preview('building');
        services.netlify.setRateLimit(0, 30);
        services.netlify.enforceRateLimit = true;
        const poll = await services.netlifyPort().pollDeploy(deploy.id);
        expect(poll).toMatchObject({ kind: 'failed', failure: { status: 429 }, rate: { remaining: 0 } });
        if (poll.kind === 'failed') expect(poll.retryAt).toBe(services.netlify.rateLimit.resetAt * 1000);
      }),
    ),
  );
});

describe('listPreviews: one page, `more` from Link, every deploy validated on its own', () => {
  const site = (services: Services) =>
    services.netlify.sites.get(SITE.id) as NonNullable<ReturnType<Services['netlify']['sites']['get']>>;
  const addPreviews = (services: Services, count: number, from = 1000) => {
    for (let i = 0; i < count; i++) {
      services.netlify.addDeploy(SITE.id, {
        pr: from + i,
        state: 'ready',
        createdAt: new Date(Date.parse('2026-11-21T00:00:00Z') - i * 60_000).toISOString(),
      });
    }
  };

  test(
    'asks for deploy previews, 100 a page, the page (and the branch) given; `more` follows rel="next"',
    started(() =>
      withServices(async (services) => {
        addPreviews(services, 150);
        const port = services.netlifyPort();
        const first = await port.listPreviews(SITE.id, { page: 1 });
        const second = await port.listPreviews(SITE.id, { page: 2 });
        const branch = await port.listPreviews(SITE.id, { page: 1, branch: 'pr-1000' });
        expect([first.deploys.length, first.more, second.deploys.length, second.more]).toEqual([100, true, 50, false]);
        expect(branch.deploys.map((d) => d.reviewId)).toEqual([1000]);
        expect(branch.more).toBe(false);
        const lists = matching(services.netlify.requests, 'GET', LIST);
        expect(lists.map((r) => r.query)).toEqual([
          { 'deploy-previews': 'true', page: '1', per_page: '100' },
          { 'deploy-previews': 'true', page: '2', per_page: '100' },
          { 'deploy-previews': 'true', page: '1', per_page: '100', branch: 'pr-1000' },
        ]);
        expect([first.skipped, second.skipped]).toEqual([[], []]);
      }),
    ),
  );

  test(
    'a full page of exactly 100 whose Link has no next: no more',
    started(() =>
      withServices(async (services) => {
        addPreviews(services, 100);
        const page = await services.netlifyPort().listPreviews(SITE.id, { page: 1 });
        expect([page.deploys.length, page.more]).toEqual([100, false]);
      }),
    ),
  );

  test.each([
    [100, true],
    [99, false],
  ])('without a Link header, %i deploys: more is %s (a full page may have a next)', (count, more) =>
    started(() =>
      withServices(async (services) => {
        const deploys = Array.from({ length: count }, (_, i) =>
          makeDeploy(site(services), { pr: 2000 + i, state: 'ready', createdAt: '2026-11-21T00:00:00Z' }),
        );
        services.netlify.inject({ path: LIST, fault: { kind: 'status', status: 200, body: deploys } });
        const page = await services.netlifyPort().listPreviews(SITE.id, { page: 1 });
        expect([page.deploys.length, page.more]).toEqual([count, more]);
      }),
    )(),
  );

  test('a malformed deploy is skipped into `skipped`, saying whose it was and what was wrong; the rest are read', async () => {
    await withServices(async (services) => {
      addPreviews(services, 3);
      const bad = services.preview('error');
      services.netlify.malform(bad.id, { state: null });
      const other = site(services).deploys[0] as { id: string };
      services.netlify.malform(other.id, { created_at: undefined });
      const page = await services.netlifyPort().listPreviews(SITE.id, { page: 1 });
      expect(page.deploys.map((d) => d.id).sort()).toEqual(
        site(services)
          .deploys.filter((d) => d.id !== bad.id && d.id !== other.id)
          .map((d) => d.id)
          .sort(),
      );
      expect(page.skipped).toEqual(
        expect.arrayContaining([
          { id: bad.id, context: 'deploy-preview', reviewId: PR, problem: 'state: expected string, got null' },
          { id: other.id, context: 'deploy-preview', reviewId: 1000, problem: 'created_at: missing' },
        ]),
      );
      // The fake served them against the spec on purpose (state: null, no created_at): taken here.
      expect(takeViolations((v) => v.source === 'Netlify fake').length).toBeGreaterThan(0);
    });
  });

  test('a state that is not a plain word becomes `unknown`; a URL that is not a plain https URL, or a name with markup, none', async () => {
    await withServices(async (services) => {
      const cases = [
        {
          state: '\n::add-mask::x\n::stop-commands::y',
          ssl: 'https://deploy-preview-42--octo-docs.netlify.app\n::error::x',
        },
        { state: 'Ready!', ssl: 'http://deploy-preview-42--octo-docs.netlify.app' },
        { state: 'error <img src=x>', ssl: 'https://e.example/a"><img src=x onerror=alert(1)>' },
        { state: 'READY', ssl: 'javascript:alert(1)' },
        { state: 'ready', ssl: 'https://e.example/![x](https://e.example/x.png)' },
      ];
      const ids = cases.map((c, i) => {
        const d = services.preview('error', { createdAt: `2026-11-21T1${i}:00:00Z` });
        services.netlify.malform(d.id, {
          state: c.state,
          deploy_ssl_url: c.ssl,
          deploy_url: c.ssl,
          name: '<b>octo</b>',
        });
        return d.id;
      });
      const fine = services.preview('error', { createdAt: '2026-11-21T09:00:00Z' });
      const page = await services.netlifyPort().listPreviews(SITE.id, { page: 1 });
      expect(page.skipped).toEqual([]);
      const byId = new Map(page.deploys.map((d) => [d.id, d]));
      expect(ids.map((id) => byId.get(id)?.state)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'ready']);
      for (const id of ids) expect(byId.get(id)).toMatchObject({ url: null, siteName: null, logUrl: null });
      expect(byId.get(fine.id)).toMatchObject({
        state: 'error',
        url: 'https://deploy-preview-42--octo-docs.netlify.app',
        siteName: 'octo-docs',
        logUrl: `https://app.netlify.com/sites/octo-docs/deploys/${fine.id}`,
      });
      // Strings where the spec has strings: nothing to take, but the fake's own checks of read fields.
      takeViolations((v) => v.source === 'Netlify fake');
    });
  });

  test(
    'a page of more than 200 items: at most 200 are looked at',
    started(() =>
      withServices(async (services) => {
        const deploys = Array.from({ length: 250 }, (_, i) =>
          makeDeploy(site(services), { pr: 3000 + i, state: 'ready', createdAt: '2026-11-21T00:00:00Z' }),
        );
        services.netlify.inject({ path: LIST, fault: { kind: 'status', status: 200, body: deploys } });
        const page = await services.netlifyPort().listPreviews(SITE.id, { page: 1 });
        expect(page.deploys.length + page.skipped.length).toBe(200);
      }),
    ),
  );

  test(
    'an answer that is not a list: a failure naming the shape, not tried again',
    started(() =>
      withServices(async (services) => {
        services.netlify.inject({ path: LIST, fault: { kind: 'wrong-shape' } });
        const call = services.netlifyPort().listPreviews(SITE.id, { page: 1 });
        await expect(call).rejects.toMatchObject({ failure: { said: 'body: expected an array', status: 200 } });
        expect(matching(services.netlify.requests, 'GET', LIST)).toHaveLength(1);
      }),
    ),
  );
});

describe('siteName', () => {
  test(
    "the site's name, lower-cased; none when Netlify gives none that is a plain name",
    started(() =>
      withServices(async (services) => {
        services.netlify.addSite('11111111-2222-4333-8444-555555555555', 'Octo-Blog');
        services.netlify.addSite('66666666-7777-4888-8999-000000000000', '<img src=x>');
        const port = services.netlifyPort();
        expect(await port.siteName(SITE.id)).toBe('octo-docs');
        expect(await port.siteName('11111111-2222-4333-8444-555555555555')).toBe('octo-blog');
        expect(await port.siteName('66666666-7777-4888-8999-000000000000')).toBeNull();
        services.netlify.inject({
          path: /^\/api\/v1\/sites\/[^/]+$/,
          fault: { kind: 'status', status: 200, body: {} },
        });
        expect(await port.siteName(SITE.id)).toBeNull();
      }),
    ),
  );
});

/**
 * The GitHub adapter's policies, called directly against the fake over real HTTP with a real clock: the
 * report (reply and reactions in one GraphQL request) is not repeated once it may have reached GitHub, and
 * is repeated after a 429, a 503 or a refused connection; an edit is repeatable; the permission answer is
 * read field by field (a crafted key counts for nothing); the eyes reaction and the errors GitHub reports.
 */
import { describe, expect, test } from 'vitest';
import type { Reported } from '../../src/flow/ports.js';
import { REFUSED_ORIGIN } from '../lib/fakes/server.js';
import type { Fault } from '../lib/http.js';
import { HUGE, quotingBoth } from '../faults/catalogue.js';
import {
  assertClean,
  COMMENT_ID,
  countingClock,
  failureOf,
  GITHUB_TOKEN,
  matching,
  NETLIFY_TOKEN,
  PR,
  type Services,
  started,
  withServices,
} from './support.js';

const GRAPHQL = /^\/graphql$/;
const PERMISSION = /^\/repos\/[^/]+\/[^/]+\/collaborators\/[^/]+\/permission$/;
const REACTIONS = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+\/reactions$/;
const ghBody = (message: string, status: number) => ({
  message,
  documentation_url: 'https://docs.github.com/rest',
  status: String(status),
});
const status = (code: number, message: string, headers?: Record<string, string>): Fault => ({
  kind: 'status',
  status: code,
  body: ghBody(message, code),
  headers,
});
const REPLY = '@alice A reply.\n\n<!-- netlify-preview-retry -->';

/** An origin nothing listens on. */
async function deadOrigin(): Promise<string> {
  return REFUSED_ORIGIN;
}

function checkReported(reported: Reported): void {
  for (const failure of reported.failures) assertClean(failure);
}

interface ReportCase {
  readonly name: string;
  readonly fault?: Fault;
  readonly times?: number;
  readonly phaseMs?: number;
  readonly refusedConnection?: boolean;
  /** GraphQL requests GitHub saw (for a refused connection: tries, counted by the clock's sleeps). */
  readonly requests: number;
  /** Whether the reply is on the PR at the end (posted once at most). */
  readonly posted: boolean;
  /** Whether the adapter says it was posted. */
  readonly reported: boolean;
}

const REPORTS: readonly ReportCase[] = [
  { name: 'a normal answer', requests: 1, posted: true, reported: true },
  {
    name: '500: may have been acted on',
    fault: status(500, 'Internal Server Error'),
    requests: 1,
    posted: false,
    reported: false,
  },
  { name: '502 HTML page', fault: { kind: 'html', status: 502 }, requests: 1, posted: false, reported: false },
  {
    name: 'no answer (a 3-second phase)',
    fault: { kind: 'hang' },
    phaseMs: 3_000,
    requests: 1,
    posted: false,
    reported: false,
  },
  {
    name: 'a reset after the request was written',
    fault: { kind: 'reset' },
    requests: 1,
    posted: false,
    reported: false,
  },
  { name: 'half a body', fault: { kind: 'half-body' }, requests: 1, posted: false, reported: false },
  {
    name: 'the answer lost after GitHub posted the reply',
    fault: { kind: 'lose-answer' },
    times: 1,
    requests: 1,
    posted: true,
    reported: false,
  },
  {
    name: 'malformed JSON with status 200',
    fault: { kind: 'malformed-json' },
    requests: 1,
    posted: false,
    reported: false,
  },
  {
    name: 'an HTML page with status 200',
    fault: { kind: 'html', status: 200 },
    requests: 1,
    posted: false,
    reported: false,
  },
  {
    name: 'an answer larger than 8 MB',
    fault: { kind: 'status', status: 200, raw: `{"x":"${'y'.repeat(HUGE)}"}` },
    requests: 1,
    posted: false,
    reported: false,
  },
  { name: '401', fault: status(401, 'Bad credentials'), requests: 1, posted: false, reported: false },
  {
    name: '403',
    fault: status(403, 'Resource not accessible by integration'),
    requests: 1,
    posted: false,
    reported: false,
  },
  {
    name: 'FORBIDDEN errors in a 200 (the job lacks the write permissions)',
    fault: {
      kind: 'status',
      status: 200,
      body: {
        data: { reply: null, r0: null },
        errors: [
          { type: 'FORBIDDEN', path: ['reply'], message: 'Resource not accessible by integration' },
          { type: 'FORBIDDEN', path: ['r0'], message: 'Resource not accessible by integration' },
        ],
      },
    },
    requests: 1,
    posted: false,
    reported: false,
  },
  {
    name: '429 with Retry-After, once: GitHub did not act, so it is sent again',
    fault: status(429, 'secondary rate limit', { 'Retry-After': '1' }),
    times: 1,
    requests: 2,
    posted: true,
    reported: true,
  },
  {
    name: '503 once: sent again',
    fault: status(503, 'Service Unavailable'),
    times: 1,
    requests: 2,
    posted: true,
    reported: true,
  },
  {
    name: '503 every time: three tries',
    fault: status(503, 'Service Unavailable'),
    requests: 3,
    posted: false,
    reported: false,
  },
  {
    name: 'a refused connection: never reached GitHub, three tries',
    refusedConnection: true,
    requests: 3,
    posted: false,
    reported: false,
  },
];

describe('report: one GraphQL request, not repeated once it may have reached GitHub', () => {
  for (const c of REPORTS) {
    test(
      c.name,
      { timeout: 60_000 },
      started(() =>
        withServices(async (services) => {
          if (c.fault) services.github.inject({ path: GRAPHQL, fault: c.fault, times: c.times });
          const clock = countingClock();
          const port = services.githubPort(c.phaseMs, clock, c.refusedConnection ? await deadOrigin() : undefined);
          const reported = await port.report({ body: REPLY, reactions: ['rocket'] });
          checkReported(reported);
          const seen = c.refusedConnection
            ? clock.sleeps.length + 1
            : matching(services.github.requests, 'POST', GRAPHQL).length;
          expect(seen).toBe(c.requests);
          expect(services.github.comments.map((comment) => comment.body)).toEqual(c.posted ? [REPLY] : []);
          expect(reported.reply !== null).toBe(c.reported);
          if (c.reported) {
            expect(reported).toMatchObject({ reactions: ['rocket'], failures: [] });
            expect(reported.reply?.url).toMatch(
              new RegExp(`^https://github.com/octo-org/docs/pull/${PR}#issuecomment-\\d+$`),
            );
            expect(services.github.reactionsOn(COMMENT_ID)).toEqual(['rocket']);
          } else {
            expect(reported.failures.length).toBeGreaterThan(0);
          }
        }),
      ),
    );
  }

  test(
    'FORBIDDEN names the permissions to give the job',
    started(() =>
      withServices(async (services) => {
        services.github.forbidWrites = true;
        const reported = await services.githubPort().report({ body: REPLY, reactions: ['confused'] });
        expect(reported.reply).toBeNull();
        expect(reported.reactions).toEqual([]);
        expect(reported.failures[0]).toMatchObject({
          status: 403,
          fix: /`permissions: issues: write` and `pull-requests: write`/,
        });
        checkReported(reported);
      }),
    ),
  );

  test(
    'a 200 whose data lacks the reply: it is not known whether it was posted, and that is said',
    started(() =>
      withServices(async (services) => {
        services.github.inject({ path: GRAPHQL, fault: { kind: 'status', status: 200, body: { data: {} } } });
        const reported = await services.githubPort().report({ body: REPLY, reactions: ['rocket'] });
        expect(reported.reply).toBeNull();
        expect(reported.failures[0]?.what).toMatch(/not known whether the reply was posted/);
        expect(matching(services.github.requests, 'POST', GRAPHQL)).toHaveLength(1);
      }),
    ),
  );

  test(
    'GraphQL errors that quote both tokens: no piece of either in the failure',
    started(() =>
      withServices(async (services) => {
        services.github.inject({
          path: GRAPHQL,
          fault: {
            kind: 'status',
            status: 200,
            body: {
              data: { reply: null },
              errors: [{ type: 'FORBIDDEN', path: ['reply'], message: quotingBoth(GITHUB_TOKEN, NETLIFY_TOKEN) }],
            },
          },
        });
        const reported = await services.githubPort().report({ body: REPLY, reactions: [] });
        expect(reported.failures).toHaveLength(1);
        checkReported(reported);
      }),
    ),
  );

  test(
    'no reply and no reaction: nothing is sent',
    started(() =>
      withServices(async (services) => {
        expect(await services.githubPort().report({ body: null, reactions: [] })).toEqual({
          reply: null,
          reactions: [],
          failures: [],
        });
        expect(services.github.requests).toEqual([]);
      }),
    ),
  );
});

describe('edit: repeatable', () => {
  async function posted(services: Services): Promise<string> {
    const reported = await services.githubPort().report({ body: REPLY, reactions: [] });
    return reported.reply?.id as string;
  }
  const EDITED = '@alice Ready now.\n\n<!-- netlify-preview-retry -->';
  const isEdit = (r: { body: string }) => r.body.includes('updateIssueComment');

  test.each([
    ['500 twice, then an answer', status(500, 'Internal Server Error'), 2, 3],
    ['a reset once', { kind: 'reset' } as Fault, 1, 2],
    [
      'the answer lost once (the edit took effect; making it again changes nothing)',
      { kind: 'lose-answer' } as Fault,
      1,
      2,
    ],
  ])('%s: edited, in %i faulted tries and %i in all', (_name, fault, times, requests) =>
    withServices(async (services) => {
      const id = await posted(services);
      services.github.inject({ path: GRAPHQL, when: isEdit, fault, times });
      const reported = await services.githubPort().edit({ replyId: id, body: EDITED, reactions: ['hooray'] });
      expect(reported).toMatchObject({ reply: { id }, reactions: ['hooray'], failures: [] });
      expect(services.github.comments.map((c) => c.body)).toEqual([EDITED]);
      expect(matching(services.github.requests, 'POST', GRAPHQL).filter(isEdit)).toHaveLength(requests);
      expect(services.github.reactionsOn(COMMENT_ID)).toEqual(['hooray']);
    }),
  );

  test(
    'reactions alone when there is no reply (a quiet /retest)',
    started(() =>
      withServices(async (services) => {
        const reported = await services.githubPort().edit({ replyId: null, body: null, reactions: ['confused'] });
        expect(reported).toMatchObject({ reply: null, reactions: ['confused'], failures: [] });
        expect(services.github.requests.some(isEdit)).toBe(false);
      }),
    ),
  );
});

describe('readPermission: the strongest level among the fields GitHub sends', () => {
  const answer = (permission: string, role: string, flags: Record<string, unknown> | null): Fault => ({
    kind: 'status',
    status: 200,
    body: { permission, role_name: role, user: flags === null ? null : { login: 'dana', id: 1, permissions: flags } },
  });
  test.each([
    ['write', 'write', undefined, 'write'],
    ['maintain (legacy permission write)', 'write', 'maintain', 'maintain'],
    ['a custom role with write underneath', 'write', 'docs-writer', 'write'],
    ['read on a public repository (everyone has it)', 'read', 'read', 'read'],
  ])('%s', (_name, permission, role, level) =>
    withServices(async (services) => {
      services.github.permissions.set('dana', { permission, role_name: role ?? permission });
      expect(await services.githubPort().readPermission('dana')).toBe(level);
    }),
  );

  test.each([
    ['the push flag counts as write', answer('read', 'custom', { pull: true, push: true }), 'write'],
    ['a null user counts for nothing', answer('triage', 'triage', null), 'triage'],
    [
      'crafted keys and values in user.permissions count for nothing',
      answer('read', 'read', {
        'admin\n::add-mask::x': true,
        '##[stop-commands]y': true,
        admin: 'true',
        maintain: 1,
        __proto__: { admin: true },
      }),
      'read',
    ],
    ['an unknown permission name counts for nothing', answer('superuser', 'owner', {}), 'none'],
  ])('%s', (_name, fault, level) =>
    withServices(async (services) => {
      services.github.inject({ path: PERMISSION, fault });
      expect(await services.githubPort().readPermission('dana')).toBe(level);
    }),
  );

  test(
    'a 404 (no collaborator of a private repository) is `none`, not a failure',
    started(() =>
      withServices(async (services) => {
        services.github.privateRepo = true;
        expect(await services.githubPort().readPermission('stranger')).toBe('none');
      }),
    ),
  );

  test(
    'any other failure is thrown, naming what to fix',
    started(() =>
      withServices(async (services) => {
        services.github.inject({ path: PERMISSION, fault: status(403, 'Resource not accessible by integration') });
        const failure = await failureOf(services.githubPort().readPermission('dana'));
        expect(failure).toMatchObject({
          status: 403,
          what: "GitHub refused reading @dana's permission",
          fix: /github-token/,
        });
      }),
    ),
  );
});

describe('react', () => {
  test(
    'the eyes reaction on the command comment',
    started(() =>
      withServices(async (services) => {
        await services.githubPort().react('eyes');
        const [request] = matching(services.github.requests, 'POST', REACTIONS);
        expect(request?.path).toBe(`/repos/octo-org/docs/issues/comments/${COMMENT_ID}/reactions`);
        expect(JSON.parse(request?.body ?? '{}')).toEqual({ content: 'eyes' });
        expect(services.github.reactionsOn(COMMENT_ID)).toEqual(['eyes']);
      }),
    ),
  );

  test(
    'without the write permissions: a failure naming them',
    started(() =>
      withServices(async (services) => {
        services.github.forbidWrites = true;
        const failure = await failureOf(services.githubPort().react('eyes'));
        expect(failure).toMatchObject({
          status: 403,
          what: 'GitHub refused adding the eyes reaction',
          fix: /issues: write/,
        });
      }),
    ),
  );
});

/**
 * Every fault of the catalogue on every call the action makes, each case against its own pair of fake
 * servers, through the built dist/index.js. Each case asserts what the user sees (result, exit
 * status, reply, reactions, retry POSTs, the message) and then the invariants that hold in every case.
 */
import { describe, expect, test } from 'vitest';
import type { Sandbox } from '../lib/support/sandbox.js';
import { FAULTS, type FaultSpec, GRAPHQL_FORBIDDEN, type Service } from './catalogue.js';
import { assertInvariants, errorLines, explain, type Played, Pool, play, retryPosts, warningLines } from './harness.js';

type Scenario = 'member' | 'permission' | 'lost-retry' | 'skip';

interface Expected {
  readonly result: 'retried' | 'failed' | 'denied' | 'skipped';
  readonly code: 0 | 1;
  /** Whether a reply is on the PR once the run ends. */
  readonly reply: boolean;
  readonly retries: 0 | 1;
  /** What the failure message (the step's error line) must name. */
  readonly names?: RegExp;
}

interface Call {
  readonly name: string;
  readonly service: Service;
  readonly method: string;
  readonly path: RegExp;
  readonly scenario: Scenario;
  readonly expect: (fault: FaultSpec) => Expected;
}

const retried: Expected = { result: 'retried', code: 0, reply: true, retries: 1 };
const recovers = (fault: FaultSpec) => fault.class === 'brief' || fault.class === 'lost';
const statusOf = (fault: FaultSpec, service: Service) => {
  const made = fault.make(service);
  return made.kind === 'status' ? made.status : made.kind === 'html' ? (made.status ?? 502) : null;
};

/** What a Netlify failure message must name, for the faults whose cause is certain. */
function netlifyNames(fault: FaultSpec): RegExp | undefined {
  const status = statusOf(fault, 'Netlify');
  if (status === 401 || status === 403) return /netlify-token/;
  if (status === 404) return /site-id/;
  if (status !== null && status >= 500) return /Netlify failed/;
  if (status === 429) return /Netlify's rate limit|Netlify did not answer/;
  if (fault.name.startsWith('no answer'))
    return /Netlify did not answer .*To fix: check Netlify's status, or raise timeout-seconds/;
  return /Netlify/;
}

const CALLS: readonly Call[] = [
  {
    name: 'listing deploys',
    service: 'Netlify',
    method: 'GET',
    path: /^\/api\/v1\/sites\/[^/]+\/deploys$/,
    scenario: 'member',
    expect: (f) =>
      recovers(f) ? retried : { result: 'failed', code: 1, reply: true, retries: 0, names: netlifyNames(f) },
  },
  {
    name: 'reading a deploy (after the retry answer was lost)',
    service: 'Netlify',
    method: 'GET',
    path: /^\/api\/v1\/deploys\/[^/]+$/,
    scenario: 'lost-retry',
    expect: (f) =>
      recovers(f)
        ? retried
        : { result: 'failed', code: 1, reply: true, retries: 1, names: /not known whether Netlify started the build/ },
  },
  {
    name: 'the retry POST',
    service: 'Netlify',
    method: 'POST',
    path: /^\/api\/v1\/deploys\/[^/]+\/retry$/,
    scenario: 'member',
    expect: (f) =>
      f.okStatus || f.class === 'lost'
        ? retried
        : {
            result: 'failed',
            code: 1,
            reply: true,
            retries: 1,
            names: statusOf(f, 'Netlify') === 429 ? /rate limit/ : netlifyNames(f),
          },
  },
  {
    name: 'reading the PR',
    service: 'GitHub',
    method: 'GET',
    path: /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+$/,
    scenario: 'member',
    expect: () => retried,
  },
  {
    name: 'reading the permission',
    service: 'GitHub',
    method: 'GET',
    path: /^\/repos\/[^/]+\/[^/]+\/collaborators\/[^/]+\/permission$/,
    scenario: 'permission',
    expect: (f) => {
      if (recovers(f)) return retried;
      const status = statusOf(f, 'GitHub');
      if (status === 404) return { result: 'denied', code: 0, reply: true, retries: 0 };
      const names = status === 401 || status === 403 ? /github-token/ : /GitHub/;
      return { result: 'failed', code: 1, reply: true, retries: 0, names };
    },
  },
  {
    name: 'the eyes reaction',
    service: 'GitHub',
    method: 'POST',
    path: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+\/reactions$/,
    scenario: 'member',
    expect: () => retried,
  },
  {
    name: 'the reply (after a retry)',
    service: 'GitHub',
    method: 'POST',
    path: /^\/graphql$/,
    scenario: 'member',
    expect: (f) => ({
      result: 'retried',
      code: 0,
      reply: Boolean(f.reportTriesAgain) || f.class === 'lost',
      retries: 1,
    }),
  },
  {
    name: 'the reply (after a skip)',
    service: 'GitHub',
    method: 'POST',
    path: /^\/graphql$/,
    scenario: 'skip',
    expect: (f) => ({
      result: 'skipped',
      code: f.reportTriesAgain ? 0 : 1,
      reply: Boolean(f.reportTriesAgain) || f.class === 'lost',
      retries: 0,
      names: f.reportTriesAgain ? undefined : /could not be shown on the pull request/,
    }),
  },
];

const PR = 42;

function seed(sandbox: Sandbox, scenario: Scenario): void {
  sandbox.addPull(PR, { author: scenario === 'permission' ? 'dana' : 'alice' });
  sandbox.addPreview(PR, { state: scenario === 'skip' ? 'building' : 'error', createdAt: '2026-11-21T10:00:00Z' });
  if (scenario === 'permission') sandbox.github.permissions.set('dana', { permission: 'write', role_name: 'write' });
  if (scenario === 'lost-retry')
    sandbox.netlify.inject({ method: 'POST', path: /\/retry$/, fault: { kind: 'lose-answer' }, times: 1 });
}

function commenter(scenario: Scenario) {
  return scenario === 'permission'
    ? { login: 'dana', association: 'CONTRIBUTOR', prAuthorAssociation: 'CONTRIBUTOR' }
    : { login: 'alice', association: 'MEMBER' };
}

/**
 * timeout-seconds: 10, which bounds the cases that wait (a request gets 3.3 s) and leaves the other
 * parts of a run room on a loaded machine; 20 where the Netlify client itself waits 5 s before it
 * tries a read again, so that the brief fault can end within one request's deadline.
 */
function budget(call: Call, fault: FaultSpec): string {
  return fault.slowForNetlifyClient && call.service === 'Netlify' && call.method === 'GET' ? '20' : '10';
}

const pool = new Pool(16);

function playFault(call: Call, fault: FaultSpec): Promise<Played> {
  return pool.run(() =>
    play(
      (sandbox) => {
        seed(sandbox, call.scenario);
        const server = call.service === 'Netlify' ? sandbox.netlify : sandbox.github;
        server.inject({ method: call.method, path: call.path, fault: fault.make(call.service), times: fault.times });
      },
      {
        body: '/retest',
        prNumber: PR,
        ...commenter(call.scenario),
        inputs: { 'timeout-seconds': budget(call, fault) },
      },
    ),
  );
}

function check(played: Played, expected: Expected, githubFaulted: boolean): void {
  explain(played, () => checkRun(played, expected, githubFaulted));
}

function checkRun(played: Played, expected: Expected, githubFaulted: boolean): void {
  const { run } = played;
  expect({ result: run.outputs.result, code: run.code }).toEqual({ result: expected.result, code: expected.code });
  expect(retryPosts(played.netlify)).toHaveLength(expected.retries);
  expect(played.replies.length > 0, 'a reply is on the PR').toBe(expected.reply);
  if (expected.result === 'retried' && expected.reply) expect(run.reactions).toContain('rocket');
  if ((expected.result === 'failed' || expected.result === 'denied') && expected.reply)
    expect(run.reactions).toContain('confused');
  if (expected.names) expect([...errorLines(run), ...warningLines(run)].join('\n')).toMatch(expected.names);
  assertInvariants(played, { pickedUp: true, githubFaulted });
}

describe('every fault on every call', () => {
  for (const call of CALLS) {
    const faults = call.path.source.includes('graphql') ? [...FAULTS, GRAPHQL_FORBIDDEN] : FAULTS;
    describe(call.name, () => {
      for (const fault of faults) {
        const played = playFault(call, fault);
        test(fault.name, { timeout: 240_000 }, async () => {
          check(await played, call.expect(fault), call.service === 'GitHub');
        });
      }
    });
  }
});

describe('a service that refuses connections', () => {
  const refused = (service: Service, scenario: Scenario) =>
    pool.run(() =>
      play(
        async (sandbox) => {
          seed(sandbox, scenario);
          await (service === 'Netlify' ? sandbox.netlify : sandbox.github).stop();
        },
        { body: '/retest', prNumber: PR, ...commenter(scenario), inputs: { 'timeout-seconds': '10' } },
      ),
    );
  const netlify = refused('Netlify', 'member');
  const githubMember = refused('GitHub', 'member');
  const githubPermission = refused('GitHub', 'permission');

  test('Netlify refused: failed, said on the PR, names netlify-api-url', { timeout: 240_000 }, async () => {
    const played = await netlify;
    check(
      played,
      { result: 'failed', code: 1, reply: true, retries: 0, names: /could not be reached.*netlify-api-url/ },
      false,
    );
  });

  test('GitHub refused after a retry: stays retried, warns in the log', { timeout: 240_000 }, async () => {
    const played = await githubMember;
    check(played, { result: 'retried', code: 0, reply: false, retries: 1 }, true);
  });

  test('GitHub refused before trust was settled: fails the step with a log line', { timeout: 240_000 }, async () => {
    const played = await githubPermission;
    check(played, { result: 'failed', code: 1, reply: false, retries: 0, names: /GitHub could not be reached/ }, true);
  });
});

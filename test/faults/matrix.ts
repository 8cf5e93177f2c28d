/**
 * The fault matrix (faults-netlify.test.ts and faults-github.test.ts, two files so that two workers share it):
 * every fault of the catalogue on every call the action makes, each case against its own pair of fake
 * servers, run in-process (`run(env, runnerToolkit(env, sink))`, test/lib/support/inprocess.ts). Each case
 * asserts what the user sees (result, exit status, reply, reactions, retry and cancel POSTs, the message) and
 * then the invariants that hold in every case (harness.ts).
 */
import { describe, expect, test } from 'vitest';
import { FakeServer, REFUSED_ORIGIN } from '../lib/fakes/server.js';
import type { RecordedRequest } from '../lib/http.js';
import { type Sandbox, SITE } from '../lib/support/sandbox.js';
import { FAULTS, type FaultSpec, GRAPHQL_FORBIDDEN, readRecovers, type Service, statusOf } from './catalogue.js';
import {
  assertInvariants,
  cancelPosts,
  errorLines,
  explain,
  type Played,
  Pool,
  play,
  retryPosts,
  warningLines,
} from './harness.js';

type Scenario = 'member' | 'permission' | 'site-name' | 'branch' | 'lost-retry' | 'stuck' | 'skip' | 'follow';

interface Expected {
  readonly result: 'retried' | 'failed' | 'denied' | 'skipped' | 'ignored';
  readonly code: 0 | 1;
  /** Whether a reply is on the PR once the run ends. */
  readonly reply: boolean;
  readonly retries: 0 | 1;
  readonly cancels?: 0 | 1;
  /** What the step's error (or warning) lines must say. */
  readonly names?: RegExp;
  /** With follow: the build-state output. */
  readonly buildState?: string;
}

interface Call {
  readonly name: string;
  readonly service: Service;
  readonly method: string;
  readonly path: RegExp;
  /** Narrows the requests that get the fault (the branch lookup, the report or the edit). */
  readonly when?: (request: RecordedRequest) => boolean;
  readonly scenario: Scenario;
  readonly expect: (fault: FaultSpec) => Expected;
}

const PR = 42;
const OTHER_SITE = { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'octo-blog' } as const;
const retried: Expected = { result: 'retried', code: 0, reply: true, retries: 1 };
const LIST = /^\/api\/v1\/sites\/[^/]+\/deploys$/;

/** What a Netlify failure message must name, for the faults whose cause is certain. */
function netlifyNames(fault: FaultSpec): RegExp {
  const status = statusOf(fault, 'Netlify');
  if (fault.name.startsWith('307')) return /redirect.*netlify-api-url/;
  if (status === 401 || status === 403) return /netlify-token/;
  if (status === 404) return /site-id/;
  if (status === 429) return /Netlify's rate limit/;
  if (status !== null && status >= 500) return /Netlify failed/;
  if (fault.name.startsWith('no answer'))
    return /Netlify did not answer .*To fix: check Netlify's status, or raise timeout-seconds/;
  if (fault.name.includes('8 MB')) return /Netlify's answer was too large/;
  return /Netlify/;
}

/** A read of the flow that the command cannot do without: the command fails, saying so, unless it recovers. */
const essentialRead = (fault: FaultSpec): Expected =>
  readRecovers(fault) ? retried : { result: 'failed', code: 1, reply: true, retries: 0, names: netlifyNames(fault) };

/** The report (one GraphQL request): repeated only after an answer that says GitHub did not act on it. */
function reportExpected(fault: FaultSpec, result: 'retried' | 'skipped'): Expected {
  const shown = fault.class === 'brief' && fault.notActedOn === true;
  const reply = shown || fault.class === 'lost';
  const status = statusOf(fault, 'GitHub');
  const fix =
    fault === GRAPHQL_FORBIDDEN || (status === 403 && !fault.name.includes('rate limit'))
      ? /To fix: give the job `permissions: issues: write` and `pull-requests: write`/
      : status === 401
        ? /To fix: set github-token to a valid token/
        : /To fix: /;
  const said = result === 'retried' ? /The retry was requested, but nothing could be shown/ : /Nothing could be shown/;
  return {
    result,
    code: shown ? 0 : 1,
    reply,
    retries: result === 'retried' ? 1 : 0,
    names: shown ? undefined : new RegExp(`${said.source}.*${fix.source}`),
  };
}

const CALLS: readonly Call[] = [
  {
    name: 'the eyes reaction',
    service: 'GitHub',
    method: 'POST',
    path: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+\/reactions$/,
    scenario: 'member',
    expect: () => retried,
  },
  {
    name: 'reading the PR',
    service: 'GitHub',
    method: 'GET',
    path: /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+$/,
    scenario: 'member',
    expect: (f) => {
      if (readRecovers(f)) return retried;
      // The retry waits for the PR read (a PR closed since is not rebuilt): one that hangs on every try takes
      // the whole of timeout-seconds, and the retry is then not sent.
      if (f.name === 'no answer, ever') {
        return {
          result: 'failed',
          code: 1,
          reply: true,
          retries: 0,
          names: /timeout-seconds ran out.*To fix: raise timeout-seconds/,
        };
      }
      return { ...retried, names: /Could not read the pull request/ };
    },
  },
  {
    name: 'reading the permission',
    service: 'GitHub',
    method: 'GET',
    path: /^\/repos\/[^/]+\/[^/]+\/collaborators\/[^/]+\/permission$/,
    scenario: 'permission',
    expect: (f) => {
      if (readRecovers(f)) return retried;
      const status = statusOf(f, 'GitHub');
      // 404: no collaborator of a private repository, which is an answer, not a failure.
      if (status === 404) return { result: 'denied', code: 0, reply: true, retries: 0 };
      const names = status === 401 ? /github-token/ : /GitHub/;
      return { result: 'failed', code: 1, reply: true, retries: 0, names };
    },
  },
  {
    name: "reading the sites' names",
    service: 'Netlify',
    method: 'GET',
    path: /^\/api\/v1\/sites\/[^/]+$/,
    scenario: 'site-name',
    // An answer without a name is one the spec allows (no field of a site is required): the sites then have no
    // name that the word could be, and the comment holds no command for them, as for any unknown word.
    expect: (f) =>
      f.name === 'valid JSON of the wrong shape'
        ? { result: 'ignored', code: 0, reply: false, retries: 0 }
        : essentialRead(f),
  },
  {
    name: 'listing the previews',
    service: 'Netlify',
    method: 'GET',
    path: LIST,
    when: (r) => !r.query.branch,
    scenario: 'member',
    expect: essentialRead,
  },
  {
    name: "listing the previews of the PR's branch",
    service: 'Netlify',
    method: 'GET',
    path: LIST,
    when: (r) => Boolean(r.query.branch),
    scenario: 'branch',
    expect: essentialRead,
  },
  {
    name: 'reading the deploy (after the retry answer was lost)',
    service: 'Netlify',
    method: 'GET',
    path: /^\/api\/v1\/deploys\/[^/]+$/,
    scenario: 'lost-retry',
    expect: (f) =>
      readRecovers(f)
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
      f.completeSuccess || f.class === 'lost'
        ? retried
        : { result: 'failed', code: 1, reply: true, retries: 1, names: netlifyNames(f) },
  },
  {
    name: 'the cancel POST (a stuck build)',
    service: 'Netlify',
    method: 'POST',
    path: /^\/api\/v1\/deploys\/[^/]+\/cancel$/,
    scenario: 'stuck',
    expect: (f) =>
      f.completeSuccess
        ? // Taken as accepted, but the fake canceled nothing: Netlify refuses the retry of a build still running.
          { result: 'failed', code: 1, reply: true, retries: 1, cancels: 1, names: /Deploy is already building/ }
        : { result: 'failed', code: 1, reply: true, retries: 0, cancels: 1, names: /could not be canceled/ },
  },
  {
    name: 'the report (after a retry)',
    service: 'GitHub',
    method: 'POST',
    path: /^\/graphql$/,
    scenario: 'member',
    expect: (f) => reportExpected(f, 'retried'),
  },
  {
    name: 'the report (after a skip)',
    service: 'GitHub',
    method: 'POST',
    path: /^\/graphql$/,
    scenario: 'skip',
    expect: (f) => reportExpected(f, 'skipped'),
  },
  {
    name: 'the edit (following the build)',
    service: 'GitHub',
    method: 'POST',
    path: /^\/graphql$/,
    when: (r) => r.body.includes('updateIssueComment'),
    scenario: 'follow',
    expect: () => ({ ...retried, buildState: 'ready' }),
  },
];

const CREATED = '2026-11-21T10:00:00Z';

function seed(sandbox: Sandbox, scenario: Scenario): void {
  sandbox.addPull(PR, { author: scenario === 'permission' ? 'dana' : 'alice', created_at: '2026-11-20T10:00:00Z' });
  if (scenario === 'permission') sandbox.github.permissions.set('dana', { permission: 'write', role_name: 'write' });
  if (scenario === 'site-name') sandbox.addSite(OTHER_SITE.id, OTHER_SITE.name);
  if (scenario === 'branch') {
    // A full first page of other PRs' newer previews, all younger than the PR: the branch lookup finds it.
    sandbox.addPreview(PR, { state: 'error', createdAt: '2026-11-20T12:00:00Z' });
    for (let i = 0; i < 100; i++) {
      const at = new Date(Date.parse('2026-11-21T00:00:00Z') + i * 60_000).toISOString();
      sandbox.netlify.addDeploy(SITE.id, { pr: 500 + i, state: 'ready', createdAt: at, commit: 'a'.repeat(40) });
    }
    return;
  }
  if (scenario === 'stuck') {
    const hoursAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
    sandbox.addPreview(PR, { state: 'building', createdAt: hoursAgo, updatedAt: hoursAgo });
    return;
  }
  sandbox.addPreview(PR, { state: scenario === 'skip' ? 'building' : 'error', createdAt: CREATED });
  if (scenario === 'lost-retry')
    sandbox.netlify.inject({ method: 'POST', path: /\/retry$/, fault: { kind: 'lose-answer' }, times: 1 });
  if (scenario === 'follow') {
    sandbox.netlify.onRetry = () => [
      { afterMs: 300, state: 'building' },
      { afterMs: 1_000, state: 'ready' },
    ];
  }
}

function spec(scenario: Scenario, inputs: Record<string, string> = {}) {
  const who =
    scenario === 'permission'
      ? { login: 'dana', association: 'CONTRIBUTOR', prAuthorAssociation: 'CONTRIBUTOR' }
      : { login: 'alice', association: 'MEMBER' };
  const body = scenario === 'stuck' ? '/rebuild-preview' : scenario === 'site-name' ? '/retest octo-docs' : '/retest';
  const extra: Record<string, string> =
    scenario === 'site-name'
      ? { 'site-id': `${SITE.id}, ${OTHER_SITE.id}` }
      : scenario === 'follow'
        ? { follow: 'true', 'follow-minutes': '1' }
        : {};
  // timeout-seconds 10: a request gets 3.3 s, which bounds the cases that wait and leaves a loaded machine room.
  return { body, prNumber: PR, ...who, inputs: { 'timeout-seconds': '10', ...extra, ...inputs } };
}

// The target of the redirect faults: it must never see a request.
const trap = new FakeServer('redirect target');
await trap.start();

const pool = new Pool(64);

function playFault(call: Call, fault: FaultSpec): Promise<Played> {
  return pool.run(() =>
    play(
      (sandbox) => {
        seed(sandbox, call.scenario);
        const server = call.service === 'Netlify' ? sandbox.netlify : sandbox.github;
        server.inject({
          method: call.method,
          path: call.path,
          when: call.when,
          fault: fault.make(call.service, { trapOrigin: trap.origin }),
          times: fault.times,
        });
      },
      spec(call.scenario, { 'timeout-seconds': budgetFor(fault) }),
    ),
  );
}

/**
 * timeout-seconds for a case: 10 where a request never answers (it bounds the wait), else 60, so that the
 * requests of 64 cases run at once in one process are never cut short by their own timeouts.
 */
function budgetFor(fault: FaultSpec): string {
  return fault.name.startsWith('no answer') ? '10' : '60';
}

function check(played: Played, expected: Expected): void {
  explain(played, () => {
    const { run } = played;
    expect({ result: run.outputs.result, code: run.code }).toEqual({ result: expected.result, code: expected.code });
    expect(retryPosts(played.netlify)).toHaveLength(expected.retries);
    if (expected.cancels !== undefined) expect(cancelPosts(played.netlify)).toHaveLength(expected.cancels);
    expect(played.replies.length > 0, 'a reply is on the PR').toBe(expected.reply);
    if (expected.result === 'retried' && expected.code === 0) expect(run.reactions).toContain('rocket');
    if ((expected.result === 'failed' || expected.result === 'denied') && expected.reply)
      expect(run.reactions).toContain('confused');
    if (expected.names) expect([...errorLines(run), ...warningLines(run)].join('\n')).toMatch(expected.names);
    if (expected.buildState !== undefined) expect(run.outputs['build-state']).toBe(expected.buildState);
    expect(trap.requests, 'a redirect was followed').toEqual([]);
    if (expected.result === 'ignored') assertInvariants(played, { kind: 'ignored', askedNetlify: true });
    else assertInvariants(played, { kind: 'command' });
  });
}

const faultsOf = (call: Call) => (call.path.source.includes('graphql') ? [...FAULTS, GRAPHQL_FORBIDDEN] : FAULTS);

/** Roughly how long a case waits: the longest start first, so that none of them is left to start last. */
function cost(call: Call, fault: FaultSpec): number {
  return (
    (fault.name === 'no answer, ever' ? 4 : fault.class === 'lasting' ? 1 : 0) + (call.scenario === 'follow' ? 2 : 0)
  );
}

/** Plays, then checks, every fault on every call of `service` (the cases start at once, the longest first). */
export function defineMatrix(service: Service): void {
  const calls = CALLS.filter((call) => call.service === service);
  const played = new Map<string, Promise<Played>>();
  const key = (call: Call, fault: FaultSpec) => `${call.name} / ${fault.name}`;
  for (const [call, fault] of calls
    .flatMap((c) => faultsOf(c).map((f) => [c, f] as const))
    .sort(([c1, f1], [c2, f2]) => cost(c2, f2) - cost(c1, f1))) {
    played.set(key(call, fault), playFault(call, fault));
  }

  describe(`every fault on every call to ${service}`, () => {
    for (const call of calls) {
      describe(call.name, () => {
        for (const fault of faultsOf(call)) {
          test(fault.name, { timeout: 120_000 }, async () => {
            check(await (played.get(key(call, fault)) as Promise<Played>), call.expect(fault));
          });
        }
      });
    }
  });
}

/** Netlify or GitHub refusing every connection. */
export function defineRefused(): void {
  describe('a service that refuses connections', () => {
    const refused = (service: Service, scenario: Scenario) =>
      pool.run(() =>
        play(
          (sandbox) => seed(sandbox, scenario),
          service === 'Netlify'
            ? spec(scenario, { 'netlify-api-url': `${REFUSED_ORIGIN}/api/v1` })
            : {
                ...spec(scenario),
                env: { GITHUB_API_URL: REFUSED_ORIGIN, GITHUB_GRAPHQL_URL: `${REFUSED_ORIGIN}/graphql` },
              },
        ),
      );
    const netlify = refused('Netlify', 'member');
    const githubMember = refused('GitHub', 'member');
    const githubPermission = refused('GitHub', 'permission');

    test('Netlify refused: failed, said on the PR, names netlify-api-url', { timeout: 120_000 }, async () => {
      check(await netlify, {
        result: 'failed',
        code: 1,
        reply: true,
        retries: 0,
        names: /could not be reached.*netlify-api-url/,
      });
    });

    test('GitHub refused after a retry: stays retried, and the step fails naming what to fix', {
      timeout: 120_000,
    }, async () => {
      check(await githubMember, {
        result: 'retried',
        code: 1,
        reply: false,
        retries: 1,
        names:
          /The retry was requested, but nothing could be shown.*To fix: check the runner's network and GITHUB_API_URL/,
      });
    });

    test('GitHub refused before trust was settled: fails the step with a log line', { timeout: 120_000 }, async () => {
      check(await githubPermission, {
        result: 'failed',
        code: 1,
        reply: false,
        retries: 0,
        names: /GitHub could not be reached/,
      });
    });
  });
}

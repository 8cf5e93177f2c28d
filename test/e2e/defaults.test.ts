/**
 * Unchanged by default: a workflow that sets none of the new inputs gets exactly what the previous release
 * (fc752e3) gave it, on one site, for the everyday cases: the same replies, reactions and retries, and the
 * same six outputs it had (result, command, deploy-id, deploy-state, deploy-url, reason); the new outputs are
 * `results` (one entry per site), and empty build-state, build-seconds and handoff.
 *
 * The expected texts below are what the previous release's bundle produced on these scenarios, copied from
 * its runs. Where this release differs on purpose, the case says so and pins the new text. To check the pins
 * against that bundle again (it is not kept in the repository):
 *
 *   mkdir -p /tmp/old-dist && for f in $(git ls-tree --name-only fc752e3 dist/); do
 *     git show fc752e3:$f > /tmp/old-dist/$(basename $f); done
 *   NPR_OLD_DIST=/tmp/old-dist/index.js vitest run test/e2e/defaults.test.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../lib/root.js';
import { type CommandRun, headSha, Sandbox, SITE } from '../lib/support/sandbox.js';

const MARKER = '<!-- netlify-preview-retry -->';
const RUN_URL = 'https://github.com/octo-org/docs/actions/runs/9876543210';
const WRONG_TOKEN = 'nfp_WrongTokenValueQwErTyUiOpZx';
/** The release the pins come from. */
const PREVIOUS = 'fc752e3';

/**
 * The previous release's bundle: NPR_OLD_DIST, or extracted from git's history into a temporary directory
 * (so that CI checks the pins against it too); undefined when neither is there (a shallow clone).
 */
function previousBundle(): string | undefined {
  const given = process.env.NPR_OLD_DIST;
  if (given) {
    if (!existsSync(given)) throw new Error(`NPR_OLD_DIST=${given} does not exist`);
    return given;
  }
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    const dir = mkdtempSync(join(tmpdir(), 'npr-previous-'));
    for (const file of git('ls-tree', '--name-only', PREVIOUS, 'dist/').toString().split('\n').filter(Boolean)) {
      writeFileSync(join(dir, basename(file)), git('show', `${PREVIOUS}:${file}`));
    }
    return existsSync(join(dir, 'index.js')) ? join(dir, 'index.js') : undefined;
  } catch {
    return undefined;
  }
}

const OLD_DIST = previousBundle();

/** What a scenario seeded: the PR and its preview, if any. */
interface Seed {
  readonly pr: number;
  readonly id: string;
}

/** What a user saw: the step's exit code and error lines, the six outputs the previous release had, the PR, the retries. */
interface Seen {
  readonly code: number;
  /** The `::error::` lines of the log. */
  readonly errors?: readonly string[];
  readonly outputs: {
    readonly result: string;
    readonly command: string;
    readonly 'deploy-id': string;
    readonly 'deploy-state': string;
    readonly 'deploy-url': string;
    readonly reason: string;
  };
  readonly replies: readonly string[];
  readonly reactions: readonly string[];
  readonly retries: number;
}

interface Scenario {
  readonly name: string;
  /** Seeds the sandbox for PR `pr`; returns the preview's id ('' for none). */
  readonly seed: (sandbox: Sandbox, pr: number) => string;
  readonly run: (pr: number) => Parameters<Sandbox['run']>[0];
  /** What the previous release showed. */
  readonly old: (seed: Seed) => Seen;
  /** Set where this release differs on purpose (the reason is in a comment): what it shows instead. */
  readonly now?: (seed: Seed) => Seen;
}

const previewUrl = (pr: number) => `https://deploy-preview-${pr}--${SITE.name}.netlify.app`;
const short = (pr: number) => headSha(pr).slice(0, 7);

/** The links part of a reply, as the previous release wrote it. */
function links({ pr, id }: Seed, state: string, built = short(pr)): string {
  return [
    `- Preview: ${previewUrl(pr)}`,
    `- Deploy log: https://app.netlify.com/sites/${SITE.name}/deploys/${id}`,
    `- Deploy \`${id}\`: state \`${state}\` when checked, built from \`${built}\``,
  ].join('\n');
}

function deployOutputs(seed: Seed, state: string) {
  return { 'deploy-id': seed.id, 'deploy-state': state, 'deploy-url': previewUrl(seed.pr) };
}

const NO_DEPLOY = { 'deploy-id': '', 'deploy-state': '', 'deploy-url': '' } as const;

function onePreview(state: string, spec: { commit?: string; updatedAt?: string; createdAt?: string } = {}) {
  return (sandbox: Sandbox, pr: number): string => {
    sandbox.addPull(pr);
    return sandbox.addPreview(pr, { state, createdAt: spec.createdAt ?? '2026-11-21T10:00:00Z', ...spec }).id;
  };
}

const retriedFailed = (seed: Seed): Seen => ({
  code: 0,
  outputs: {
    result: 'retried',
    command: 'retest',
    ...deployOutputs(seed, 'error'),
    reason: 'The deploy preview had failed, so a retry was requested.',
  },
  replies: [`@alice The deploy preview had failed, so a retry was requested.\n\n${links(seed, 'error')}\n\n${MARKER}`],
  reactions: ['eyes', 'rocket'],
  retries: 1,
});

const rebuiltReady = (seed: Seed): Seen => ({
  code: 0,
  outputs: {
    result: 'retried',
    command: 'rebuild',
    ...deployOutputs(seed, 'ready'),
    reason: 'A rebuild of the deploy preview was requested.',
  },
  replies: [`@alice A rebuild of the deploy preview was requested.\n\n${links(seed, 'ready')}\n\n${MARKER}`],
  reactions: ['eyes', 'rocket'],
  retries: 1,
});

const SCENARIOS: readonly Scenario[] = [
  {
    name: '/retest on a failed preview',
    seed: onePreview('error'),
    run: (pr) => ({ prNumber: pr, body: 'The build flaked.\n/retest' }),
    old: retriedFailed,
  },
  {
    name: '/retest on a ready preview',
    seed: onePreview('ready'),
    run: (pr) => ({ prNumber: pr, body: '/retest' }),
    old: (seed) => ({
      code: 0,
      outputs: {
        result: 'skipped',
        command: 'retest',
        ...deployOutputs(seed, 'ready'),
        reason: 'The deploy preview is ready, so it was not retried.',
      },
      replies: [
        `@alice The deploy preview is ready, so it was not retried. Comment \`/rebuild-preview\` to force a rebuild.\n\n${links(seed, 'ready')}\n\n${MARKER}`,
      ],
      reactions: ['eyes'],
      retries: 0,
    }),
  },
  {
    name: '/rebuild-preview on a ready preview',
    seed: onePreview('ready'),
    run: (pr) => ({ prNumber: pr, body: '/rebuild-preview' }),
    old: rebuiltReady,
  },
  {
    name: '/retest while a build runs (changed a minute ago)',
    seed: (sandbox, pr) => {
      const recent = new Date(Date.now() - 60_000).toISOString();
      return onePreview('building', { createdAt: recent, updatedAt: recent })(sandbox, pr);
    },
    run: (pr) => ({ prNumber: pr, body: '/retest' }),
    old: (seed) => ({
      code: 0,
      outputs: {
        result: 'skipped',
        command: 'retest',
        ...deployOutputs(seed, 'building'),
        reason: 'A build of the deploy preview is already in progress (building).',
      },
      replies: [
        `@alice A build of the deploy preview is already in progress (building).\n\n${links(seed, 'building')}\n\n${MARKER}`,
      ],
      reactions: ['eyes'],
      retries: 0,
    }),
  },
  {
    name: 'a PR without a preview',
    seed: (sandbox, pr) => {
      sandbox.addPull(pr);
      return '';
    },
    run: (pr) => ({ prNumber: pr, body: '/retest' }),
    old: ({ pr }) => ({
      code: 0,
      outputs: {
        result: 'not-found',
        command: 'retest',
        ...NO_DEPLOY,
        reason: `PR #${pr} has no deploy preview on site ${SITE.id}.`,
      },
      replies: [
        `@alice PR #${pr} has no deploy preview on site ${SITE.id}. Netlify may not have started building it yet; nothing was retried.\n\n${MARKER}`,
      ],
      reactions: ['eyes'],
      retries: 0,
    }),
  },
  {
    name: 'a stranger, with trusted-permission none',
    seed: onePreview('error'),
    run: (pr) => ({
      prNumber: pr,
      body: '/retest',
      login: 'stranger',
      association: 'NONE',
      inputs: { 'trusted-permission': 'none' },
    }),
    old: () => ({
      code: 0,
      outputs: {
        result: 'denied',
        command: 'retest',
        ...NO_DEPLOY,
        reason: '@stranger is not trusted to run commands on this PR.',
      },
      replies: [
        `@stranger is not trusted to run commands on this PR, so \`/retest\` was not run. A maintainer can allow commands on this PR by adding the \`ok-to-test\` label.\n\n${MARKER}`,
      ],
      reactions: ['eyes', 'confused'],
      retries: 0,
    }),
  },
  {
    name: 'a contributor with read permission',
    seed: onePreview('error'),
    run: (pr) => ({ prNumber: pr, body: '/retest', login: 'reader', association: 'CONTRIBUTOR' }),
    old: () => ({
      code: 0,
      outputs: {
        result: 'denied',
        command: 'retest',
        ...NO_DEPLOY,
        reason: '@reader has read permission on the repository, and write is required.',
      },
      replies: [
        `@reader has read permission on the repository, and write is required, so \`/retest\` was not run. A maintainer can allow commands on this PR by adding the \`ok-to-test\` label.\n\n${MARKER}`,
      ],
      reactions: ['eyes', 'confused'],
      retries: 0,
    }),
  },
  {
    name: 'a Netlify token that Netlify rejects (401)',
    seed: onePreview('error'),
    run: (pr) => ({ prNumber: pr, body: '/retest', inputs: { 'netlify-token': WRONG_TOKEN } }),
    old: () => netlify401('Access Denied: Invalid authentication credentials'),
    // Changed on purpose: a failure reply shows the API's message in a code span (it can neither mention
    // anyone nor render); the outputs and the error line keep the plain text.
    now: () => netlify401('`Access Denied: Invalid authentication credentials`'),
  },
  {
    name: 'quiet-retest',
    seed: onePreview('error'),
    run: (pr) => ({ prNumber: pr, body: '/retest', inputs: { 'quiet-retest': 'true' } }),
    old: (seed) => ({ ...retriedFailed(seed), replies: [] }),
  },
  {
    name: "Prow's rebuild-command /netlify-rebuild",
    seed: onePreview('ready'),
    run: (pr) => ({ prNumber: pr, body: '/netlify-rebuild', inputs: { 'rebuild-command': '/netlify-rebuild' } }),
    old: rebuiltReady,
  },
  {
    name: 'a preview built from another commit than the head',
    seed: onePreview('error', { commit: 'd'.repeat(40) }),
    run: (pr) => ({ prNumber: pr, body: '/retest' }),
    old: (seed) => ({
      ...retriedFailed(seed),
      replies: [
        `@alice The deploy preview had failed, so a retry was requested.\n\n${links(seed, 'error', 'ddddddd')}\n\n` +
          `Note: this preview was built from \`ddddddd\`, not from the PR's head \`${short(seed.pr)}\`. A retry rebuilds the same commit; Netlify builds the head in a new deploy preview of its own.\n\n${MARKER}`,
      ],
    }),
  },
  {
    name: 'an old PR whose preview is found through its branch',
    seed: (sandbox, pr) => {
      sandbox.addPull(pr, { created_at: '2026-01-01T00:00:00Z' });
      const id = sandbox.addPreview(pr, { state: 'error', createdAt: '2026-01-02T00:00:00Z' }).id;
      for (let i = 0; i < 150; i++) {
        sandbox.netlify.addDeploy(SITE.id, {
          pr: 5000 + i,
          state: 'ready',
          createdAt: new Date(Date.parse('2026-06-01T00:00:00Z') + i * 60_000).toISOString(),
        });
      }
      return id;
    },
    run: (pr) => ({ prNumber: pr, body: '/retest' }),
    old: retriedFailed,
  },
  {
    name: 'dry-run',
    seed: onePreview('error'),
    run: (pr) => ({ prNumber: pr, body: '/retest', inputs: { 'dry-run': 'true' } }),
    old: (seed) => ({ ...retriedFailed(seed), replies: [], reactions: [], retries: 0 }),
    // Changed on purpose: the reason of a dry run says what would be done, not that it was done.
    now: (seed) => {
      const old = retriedFailed(seed);
      return {
        ...old,
        outputs: { ...old.outputs, reason: 'The deploy preview had failed, so a retry would be requested.' },
        replies: [],
        reactions: [],
        retries: 0,
      };
    },
  },
  {
    name: 'a command indented by 4 spaces',
    seed: onePreview('error'),
    run: (pr) => ({ prNumber: pr, body: '    /retest' }),
    old: retriedFailed,
    // Changed on purpose: GitHub shows a line indented by 4 spaces as code, so it is no command any more.
    now: () => ({
      code: 0,
      outputs: { result: 'ignored', command: '', ...NO_DEPLOY, reason: 'The comment holds no command.' },
      replies: [],
      reactions: [],
      retries: 0,
    }),
  },
  {
    name: '/rebuild-preview on a preview held for review (pending_review)',
    seed: onePreview('pending_review'),
    run: (pr) => ({ prNumber: pr, body: '/rebuild-preview' }),
    old: (seed) => ({
      code: 0,
      outputs: {
        result: 'skipped',
        command: 'rebuild',
        ...deployOutputs(seed, 'pending_review'),
        reason: 'The deploy preview is in state pending_review, which is not retried.',
      },
      replies: [
        `@alice The deploy preview is in state pending_review, which is not retried.\n\n${links(seed, 'pending_review')}\n\n${MARKER}`,
      ],
      reactions: ['eyes'],
      retries: 0,
    }),
    // Changed on purpose: pending_review has a reply of its own, which says who can release it and where.
    now: (seed) => {
      const held =
        "A Netlify team member must approve this deploy before it builds: Netlify holds contributors' previews for review, and no command gets around that.";
      return {
        code: 0,
        outputs: { result: 'skipped', command: 'rebuild', ...deployOutputs(seed, 'pending_review'), reason: held },
        replies: [
          `@alice ${held} A team member can approve it on its page in the Netlify app: https://app.netlify.com/sites/${SITE.name}/deploys/${seed.id}\n\n${links(seed, 'pending_review')}\n\n${MARKER}`,
        ],
        reactions: ['eyes'],
        retries: 0,
      };
    },
  },
];

function netlify401(said: string): Seen {
  return {
    code: 1,
    errors: [
      '::error::Netlify rejected the token (401: Access Denied: Invalid authentication credentials). To fix: set the netlify-token secret to a valid Netlify personal access token.',
    ],
    outputs: {
      result: 'failed',
      command: 'retest',
      ...NO_DEPLOY,
      reason: 'Netlify rejected the token (401: Access Denied: Invalid authentication credentials).',
    },
    replies: [
      `@alice The retry could not be requested. Netlify rejected the token (401: ${said}).\n\nTo fix: set the netlify-token secret to a valid Netlify personal access token.\n\nDetails are in the [workflow run](${RUN_URL}).\n\n${MARKER}`,
    ],
    reactions: ['eyes', 'confused'],
    retries: 0,
  };
}

function seen(run: CommandRun): Seen {
  const o = run.outputs;
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
  return {
    code: run.code ?? -1,
    ...(errors.length ? { errors } : {}),
    outputs: {
      result: o.result ?? '(unset)',
      command: o.command ?? '(unset)',
      'deploy-id': o['deploy-id'] ?? '(unset)',
      'deploy-state': o['deploy-state'] ?? '(unset)',
      'deploy-url': o['deploy-url'] ?? '(unset)',
      reason: o.reason ?? '(unset)',
    },
    replies: run.finalReplies,
    reactions: run.reactions,
    retries: run.netlifyRequests.filter((r) => r.method === 'POST' && r.path.endsWith('/retry')).length,
  };
}

/** The outputs this release adds: one `results` entry for the site (none for a denial or an ignored comment). */
function expectNewOutputs(run: CommandRun, expected: Seen): void {
  const { result, reason } = expected.outputs;
  const site =
    result === 'denied' || result === 'ignored'
      ? []
      : [
          {
            site: SITE.id,
            result,
            'deploy-id': expected.outputs['deploy-id'],
            'deploy-state': expected.outputs['deploy-state'],
            'deploy-url': expected.outputs['deploy-url'],
            reason,
          },
        ];
  expect(JSON.parse(run.outputs.results ?? 'null')).toEqual(site);
  expect(run.outputs['build-state']).toBe('');
  expect(run.outputs['build-seconds']).toBe('');
  expect(run.outputs.handoff).toBe('');
}

let sandbox: Sandbox;
let nextPr = 700;
beforeAll(async () => {
  sandbox = await Sandbox.start();
});
afterAll(() => sandbox.stop());

async function play(scenario: Scenario, dist?: string): Promise<{ run: CommandRun; seed: Seed }> {
  const pr = nextPr++;
  const id = scenario.seed(sandbox, pr);
  const run = await sandbox.run({ ...scenario.run(pr), dist });
  return { run, seed: { pr, id } };
}

describe('this release, with no new input set, shows what the previous release showed', () => {
  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const { run, seed } = await play(scenario);
    const expected = (scenario.now ?? scenario.old)(seed);
    expect(seen(run)).toEqual(expected);
    expectNewOutputs(run, expected);
  });
});

describe.runIf(OLD_DIST)(`the pins are what the previous release (${PREVIOUS}) showed`, () => {
  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const { run, seed } = await play(scenario, OLD_DIST);
    expect(seen(run)).toEqual(scenario.old(seed));
  });
});

/**
 * `npm run demo`: the bundled action (dist/index.js) against a local sandbox — the fake Netlify and
 * GitHub servers the tests use, on 127.0.0.1 — seeded with a realistic site, through a series of
 * comments. For each comment it prints what the pull request would show: the reactions, the reply,
 * and the step's outputs. No token, no network.
 *
 * Every scene states what it expects; the demo exits non-zero when the action does anything else,
 * so CI runs it as a smoke test of the README's first command.
 *
 *   npm run demo             the scenes
 *   npm run demo -- --log    also the action's own log of each run
 */
import { existsSync } from 'node:fs';
import { styleText } from 'node:util';
import { CANCELED } from '../test/lib/fakes/netlify.js';
import { DIST } from '../test/lib/support/action.js';
import { type CommandRun, GITHUB_TOKEN, headSha, NETLIFY_TOKEN, SITE, Sandbox } from '../test/lib/support/sandbox.js';

const SHOW_LOG = process.argv.includes('--log');

type Format = Parameters<typeof styleText>[0];
const paint = (format: Format, text: string) => styleText(format, text, { stream: process.stdout });

interface Expect {
  readonly result: string;
  /** Reactions on the command comment once the run ends, in order. */
  readonly reactions: readonly string[];
  /** Fragments the reply must hold as first posted, or null when no reply may be posted. */
  readonly reply: string | readonly string[] | null;
  /** A fragment the reply must hold once the run is over (after its edits), and how many edits there were (default 0). */
  readonly edited?: { readonly holds: string; readonly edits: number };
  /** Retry requests that may reach Netlify. */
  readonly retries: number;
  /** Cancel requests that may reach Netlify (default 0). */
  readonly cancels?: number;
  /** Requests to each API, when the scene is about what a command costs. */
  readonly requests?: { readonly github: number; readonly netlify: number };
  /** Outputs that must have these values. */
  readonly outputs?: Readonly<Record<string, string>>;
  /** A fragment the action's log must hold. */
  readonly log?: string;
}

interface Scene {
  readonly title: string;
  /** One line on why this case matters. */
  readonly note: string;
  readonly pr: number;
  readonly login: string;
  readonly association: string;
  readonly prAuthorAssociation?: string;
  /** The labels the event carries; by default the PR's labels as they are then (one scene may add one). */
  readonly labels?: string[];
  readonly body: string;
  readonly inputs?: Record<string, string>;
  readonly expect: Expect;
}

/** A fixed clock, so that the demo prints the same thing on every run. */
const day = (date: string, time = '12:00') => `2026-${date}T${time}:00Z`;

/**
 * The site `octo-docs` of the repository octo-org/docs: production deploys, about 140 deploy previews
 * of older PRs (so that an old PR's preview is on the second page), and the PRs the scenes comment on.
 */
function seed(sandbox: Sandbox): void {
  const netlify = sandbox.netlify;
  for (let i = 0; i < 12; i++) {
    netlify.addDeploy(SITE.id, {
      state: 'ready',
      createdAt: day(`11-${String(9 + i).padStart(2, '0')}`, '08:30'),
      context: 'production',
      commit: headSha(9000 + i),
    });
  }
  // Other PRs' previews, newest last: mostly ready, some failed, some superseded by a newer push.
  for (let i = 0; i < 140; i++) {
    const pr = 1100 + i;
    const created = new Date(Date.parse(day('08-10')) + i * 17 * 3_600_000).toISOString();
    if (i % 9 === 0) sandbox.addPreview(pr, { state: 'error', createdAt: created, commit: headSha(pr + 50_000) });
    const later = new Date(Date.parse(created) + 40 * 60_000).toISOString();
    sandbox.addPreview(pr, { state: i % 7 === 0 ? 'error' : 'ready', createdAt: i % 9 === 0 ? later : created });
  }

  // The PRs the scenes comment on.
  sandbox.addPull(1312, {
    author: 'maria',
    created_at: day('11-21', '09:05'),
    head: { sha: headSha(1312), ref: 'docs/search-index' },
  });
  sandbox.addPreview(1312, {
    state: 'error',
    createdAt: day('11-21', '09:06'),
    errorMessage: 'Build script returned non-zero exit code: 2',
  });

  sandbox.addPull(1309, {
    author: 'devon',
    created_at: day('11-20', '16:40'),
    head: { sha: headSha(1309), ref: 'fix/sidebar-links' },
  });
  sandbox.addPreview(1309, { state: 'ready', createdAt: day('11-20', '16:41') });

  sandbox.addPull(1315, {
    author: 'maria',
    created_at: day('11-21', '11:58'),
    head: { sha: headSha(1315), ref: 'docs/typo' },
  });

  sandbox.addPull(1047, {
    author: 'sam',
    created_at: day('08-03', '10:00'),
    head: { sha: headSha(1047), ref: 'feature/versioned-docs' },
  });
  sandbox.addPreview(1047, {
    state: 'error',
    createdAt: day('08-03', '10:02'),
    errorMessage: 'Failed during stage "building site": deploy timed out',
  });

  sandbox.addPull(1298, {
    author: 'devon',
    created_at: day('11-19', '13:00'),
    head: { sha: headSha(1298), ref: 'chore/deps' },
  });
  sandbox.addPreview(1298, { state: 'error', createdAt: day('11-19', '13:01'), commit: headSha(71298) });

  sandbox.addPull(1320, {
    author: 'newcomer',
    created_at: day('11-21', '10:30'),
    head: { sha: headSha(1320), ref: 'patch-1' },
  });
  sandbox.addPreview(1320, { state: 'error', createdAt: day('11-21', '10:31') });

  sandbox.addPull(1318, {
    author: 'priya',
    created_at: day('11-21', '08:00'),
    head: { sha: headSha(1318), ref: 'docs/api-pages' },
  });
  sandbox.addPreview(1318, { state: 'error', createdAt: day('11-21', '08:01') });
  // A private member of the organization: the event says CONTRIBUTOR; her team grants write.
  sandbox.github.permissions.set('priya', { permission: 'write', role_name: 'write' });

  sandbox.addPull(1301, {
    author: 'sam',
    created_at: day('11-20', '09:00'),
    head: { sha: headSha(1301), ref: 'docs/faq' },
  });
  sandbox.addPreview(1301, { state: 'ready', createdAt: day('11-20', '09:01') });

  sandbox.addPull(1316, {
    author: 'maria',
    created_at: day('11-21', '12:10'),
    head: { sha: headSha(1316), ref: 'docs/glossary' },
  });
  sandbox.addPreview(1316, { state: 'error', createdAt: day('11-21', '12:11') });

  // The newer behaviour's cases.
  sandbox.addPull(1322, {
    author: 'maria',
    created_at: day('11-21', '13:00'),
    head: { sha: headSha(1322), ref: 'docs/draft' },
  });
  sandbox.addPreview(1322, { ...CANCELED.byUser, createdAt: day('11-21', '13:01') });

  // A contributor's fork PR, held by Netlify's approval gate; Netlify builds it from pull/N/head.
  sandbox.addPull(1325, {
    author: 'kim',
    created_at: day('11-21', '14:00'),
    head: { sha: headSha(1325), ref: 'patch-2', fork: true },
  });
  sandbox.addPreview(1325, { state: 'pending_review', createdAt: day('11-21', '14:01'), branch: 'pull/1325/head' });

  // A build that has sat in `building` for over two hours (stuck-minutes is 30 by default).
  const stuckSince = new Date(Date.now() - (2 * 60 + 15) * 60_000).toISOString();
  sandbox.addPull(1327, {
    author: 'sam',
    created_at: day('11-21', '15:00'),
    head: { sha: headSha(1327), ref: 'docs/big-table' },
  });
  sandbox.addPreview(1327, { state: 'building', createdAt: day('11-21', '15:01'), updatedAt: stuckSince });

  sandbox.addPull(1329, {
    author: 'devon',
    created_at: day('11-21', '16:00'),
    head: { sha: headSha(1329), ref: 'fix/anchors' },
  });
  sandbox.addPreview(1329, { state: 'error', createdAt: day('11-21', '16:01') });

  sandbox.addPull(1331, {
    author: 'lee',
    created_at: day('11-21', '17:00'),
    head: { sha: headSha(1331), ref: 'patch-3' },
  });
  sandbox.addPreview(1331, { state: 'error', createdAt: day('11-21', '17:01') });

  // A second site built from the same repository: the API reference.
  sandbox.addSite(API_SITE.id, API_SITE.name);
  sandbox.netlify.addDeploy(API_SITE.id, { state: 'ready', context: 'production', createdAt: day('11-20', '08:30') });
  sandbox.addPull(1333, {
    author: 'priya',
    created_at: day('11-21', '18:00'),
    head: { sha: headSha(1333), ref: 'docs/both' },
  });
  sandbox.addPreview(1333, { state: 'error', createdAt: day('11-21', '18:01') });
  sandbox.addPreview(1333, { state: 'ready', createdAt: day('11-21', '18:02') }, API_SITE.id);

  // A short build, followed to its end: building one second after the retry, ready two seconds later.
  sandbox.addPull(1335, {
    author: 'maria',
    created_at: day('11-21', '19:00'),
    head: { sha: headSha(1335), ref: 'docs/quick' },
  });
  sandbox.addPreview(1335, { state: 'error', createdAt: day('11-21', '19:01') });
  sandbox.netlify.onRetry = (deploy) =>
    deploy.review_id === 1335
      ? [
          { afterMs: 1_000, state: 'building' },
          { afterMs: 3_000, state: 'ready' },
        ]
      : null;
}

const API_SITE = { id: '7c5e9b1a-2d4f-4e8a-9b3c-6f1d2e3a4b5c', name: 'octo-api' } as const;
const OK_TO_TEST = { 'ok-to-test-command': '/ok-to-test' };

const PROW = { 'quiet-retest': 'true', 'rebuild-command': '/netlify-rebuild' };

const SCENES: Scene[] = [
  {
    title: 'A failed preview, retried',
    note: 'The everyday case: a flaky build failed; a member asks for a retry.',
    pr: 1312,
    login: 'maria',
    association: 'MEMBER',
    body: 'The search index timed out again.\n\n/retest',
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket'],
      reply: 'had failed, so a retry was requested',
      retries: 1,
    },
  },
  {
    title: 'A second /retest while the build runs',
    note: 'Two people comment at once: the second finds Netlify already building and sends nothing.',
    pr: 1312,
    login: 'devon',
    association: 'COLLABORATOR',
    body: '/retest',
    expect: { result: 'skipped', reactions: ['eyes'], reply: 'already in progress', retries: 0 },
  },
  {
    title: 'A ready preview: /retest leaves it alone',
    note: '/retest only retries failed builds, and says how to force one.',
    pr: 1309,
    login: 'devon',
    association: 'MEMBER',
    body: '/retest',
    expect: { result: 'skipped', reactions: ['eyes'], reply: 'to force a rebuild', retries: 0 },
  },
  {
    title: 'A ready preview: /rebuild-preview rebuilds it',
    note: 'For content that changed outside the repository (an API, a CMS).',
    pr: 1309,
    login: 'devon',
    association: 'MEMBER',
    body: '/rebuild-preview',
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket'],
      reply: 'A rebuild of the deploy preview was requested',
      retries: 1,
    },
  },
  {
    title: 'A PR whose preview Netlify has not started',
    note: 'Nothing to retry yet; the reply says so instead of failing.',
    pr: 1315,
    login: 'maria',
    association: 'OWNER',
    body: '/retest',
    expect: { result: 'not-found', reactions: ['eyes'], reply: 'has no deploy preview', retries: 0 },
  },
  {
    title: 'An old PR, its preview far back in the deploy list',
    note: "Not on the first page of the site's 100 newest previews: found through the PR's branch.",
    pr: 1047,
    login: 'sam',
    association: 'MEMBER',
    body: '/retest',
    expect: { result: 'retried', reactions: ['eyes', 'rocket'], reply: 'had failed', retries: 1 },
  },
  {
    title: "A preview built from an older commit than the PR's head",
    note: 'The retry rebuilds the commit it was built from; the reply says so.',
    pr: 1298,
    login: 'devon',
    association: 'MEMBER',
    body: '/retest',
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket'],
      reply: 'Note: this preview was built from',
      retries: 1,
    },
  },
  {
    title: 'A first-time contributor on their own PR',
    note: 'Not trusted: GitHub is asked for the permission (read), and the command is refused.',
    pr: 1320,
    login: 'newcomer',
    association: 'FIRST_TIME_CONTRIBUTOR',
    prAuthorAssociation: 'FIRST_TIME_CONTRIBUTOR',
    body: '/retest',
    expect: { result: 'denied', reactions: ['eyes', 'confused'], reply: 'ok-to-test', retries: 0 },
  },
  {
    title: 'The same, after a maintainer added the ok-to-test label',
    note: 'The label trusts the PR: anyone may run the commands on it.',
    pr: 1320,
    login: 'newcomer',
    association: 'FIRST_TIME_CONTRIBUTOR',
    prAuthorAssociation: 'FIRST_TIME_CONTRIBUTOR',
    labels: ['documentation', 'ok-to-test'],
    body: '/retest',
    expect: { result: 'retried', reactions: ['eyes', 'rocket'], reply: 'had failed', retries: 1 },
  },
  {
    title: 'A private member of the organization',
    note: 'The event calls her a CONTRIBUTOR; her team grants write, so she is trusted.',
    pr: 1318,
    login: 'priya',
    association: 'CONTRIBUTOR',
    body: '/retest',
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket'],
      reply: 'had failed',
      retries: 1,
      log: '@priya has write permission on the repository',
    },
  },
  {
    title: "A stranger's /rebuild-preview on a member's PR",
    note: "The PR is trusted (its author is a member), which lets anyone /retest it, but a rebuild needs the commenter's own trust.",
    pr: 1329,
    login: 'drive-by',
    association: 'NONE',
    prAuthorAssociation: 'MEMBER',
    body: '/rebuild-preview',
    expect: {
      result: 'denied',
      reactions: ['eyes', 'confused'],
      reply: "it needs the commenter's own trust",
      retries: 0,
      requests: { github: 3, netlify: 0 },
    },
  },
  {
    title: '/ok-to-test by a maintainer',
    note: "ok-to-test-command: /ok-to-test. A trusted commenter labels a newcomer's PR instead of opening the Labels menu.",
    pr: 1331,
    login: 'maria',
    association: 'MEMBER',
    prAuthorAssociation: 'FIRST_TIME_CONTRIBUTOR',
    body: '/ok-to-test',
    inputs: OK_TO_TEST,
    expect: {
      result: 'labeled',
      reactions: ['eyes', 'rocket'],
      reply: 'Added the `ok-to-test` label',
      retries: 0,
      requests: { github: 3, netlify: 0 },
    },
  },
  {
    title: 'Then a stranger asks for a retest on that PR',
    note: 'The label trusts the PR: anyone may now retry its failed preview.',
    pr: 1331,
    login: 'passer-by',
    association: 'NONE',
    prAuthorAssociation: 'FIRST_TIME_CONTRIBUTOR',
    body: '/retest',
    inputs: OK_TO_TEST,
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket'],
      reply: 'had failed',
      retries: 1,
      log: 'the PR carries the ok-to-test label',
    },
  },
  {
    title: 'A canceled build: /retest leaves it alone',
    note: 'A canceled build ends as `error` too; it was stopped on purpose, so only /rebuild-preview builds it again.',
    pr: 1322,
    login: 'maria',
    association: 'MEMBER',
    body: '/retest',
    expect: {
      result: 'skipped',
      reactions: ['eyes'],
      reply: ['was canceled, not failed', 'to build it anyway'],
      retries: 0,
    },
  },
  {
    title: "Netlify's approval gate",
    note: "A contributor's fork PR waits for a Netlify team member's approval; no command gets around it.",
    pr: 1325,
    login: 'devon',
    association: 'MEMBER',
    body: '/rebuild-preview',
    expect: {
      result: 'skipped',
      reactions: ['eyes'],
      reply: ['must approve this deploy', 'https://app.netlify.com/sites/octo-docs/deploys/'],
      retries: 0,
    },
  },
  {
    title: 'A stuck build, restarted by /rebuild-preview',
    note: 'Unchanged in `building` for over two hours: canceled, then built again.',
    pr: 1327,
    login: 'sam',
    association: 'MEMBER',
    body: '/rebuild-preview',
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket'],
      reply: 'so it was canceled and a retry was requested',
      retries: 1,
      cancels: 1,
    },
  },
  {
    title: 'Two sites, two outcomes',
    note: 'site-id lists both sites built from the repository; each gets what its own preview needs.',
    pr: 1333,
    login: 'priya',
    association: 'MEMBER',
    body: '/retest',
    inputs: { 'site-id': 'octo-docs.netlify.app, octo-api.netlify.app' },
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket'],
      reply: [
        'on 2 sites',
        '### octo-docs',
        'had failed, so a retry was requested',
        '### octo-api',
        'is ready, so it was not retried',
      ],
      retries: 1,
    },
  },
  {
    title: 'follow: true — a short build followed to its end',
    note: 'The reply says the build is followed, then is edited in place when it ends (here after a few seconds).',
    pr: 1335,
    login: 'maria',
    association: 'MEMBER',
    body: '/retest',
    inputs: { follow: 'true' },
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket', 'hooray'],
      reply: 'Following the build',
      edited: { holds: '**Ready:** the preview is ready again', edits: 1 },
      retries: 1,
      outputs: { 'build-state': 'ready' },
    },
  },
  {
    title: 'A comment that only mentions the command',
    note: 'A command must be alone on its line: no reaction, no reply, no request.',
    pr: 1316,
    login: 'maria',
    association: 'MEMBER',
    body: "Thanks! I'll /retest after lunch.\n\n> /retest",
    expect: { result: 'ignored', reactions: [], reply: null, retries: 0 },
  },
  {
    title: 'With Prow: quiet-retest and /netlify-rebuild',
    note: 'quiet-retest: true, rebuild-command: /netlify-rebuild. /retest on a ready preview stays silent.',
    pr: 1301,
    login: 'sam',
    association: 'MEMBER',
    body: '/retest',
    inputs: PROW,
    expect: { result: 'skipped', reactions: ['eyes'], reply: null, retries: 0 },
  },
  {
    title: 'With Prow: /netlify-rebuild',
    note: 'The rebuild command still replies.',
    pr: 1301,
    login: 'sam',
    association: 'MEMBER',
    body: '/netlify-rebuild',
    inputs: PROW,
    expect: {
      result: 'retried',
      reactions: ['eyes', 'rocket'],
      reply: 'A rebuild of the deploy preview was requested',
      retries: 1,
    },
  },
  {
    title: 'dry-run: true',
    note: 'Decides and reports through the outputs and the log; changes nothing on Netlify or the PR.',
    pr: 1316,
    login: 'maria',
    association: 'MEMBER',
    body: '/retest',
    inputs: { 'dry-run': 'true' },
    expect: { result: 'retried', reactions: [], reply: null, retries: 0 },
  },
];

const EMOJI: Record<string, string> = { eyes: '👀', rocket: '🚀', confused: '😕', hooray: '🎉' };
const OUTPUTS = ['result', 'command', 'deploy-id', 'deploy-state', 'deploy-url', 'reason'] as const;

/** The PR's newest preview on each site that has one, as the scene starts. */
function describeState(sandbox: Sandbox, pr: number): string {
  const pull = sandbox.github.pulls.get(pr);
  const states: string[] = [];
  for (const site of sandbox.netlify.sites.values()) {
    const newest = site.deploys
      .map((d) => sandbox.netlify.findDeploy(d.id) ?? d)
      .filter((d) => d.context === 'deploy-preview' && d.review_id === pr)
      .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];
    if (!newest) continue;
    const notes = [
      newest.state === 'error' && newest.error_message ? `"${newest.error_message}"` : '',
      newest.state === 'building' ? `unchanged since ${newest.updated_at.slice(11, 16)} UTC` : '',
      pull && newest.commit_ref && newest.commit_ref !== pull.head.sha
        ? `built from ${newest.commit_ref.slice(0, 7)} (head ${pull.head.sha.slice(0, 7)})`
        : '',
      newest.branch.startsWith('pull/') ? `built from ${newest.branch}` : '',
    ].filter(Boolean);
    states.push(`${site.name}: preview ${newest.state}${notes.length ? `, ${notes.join(', ')}` : ''}`);
  }
  const fork = pull?.head.fork ? 'fork PR; ' : '';
  return `${fork}${states.length ? states.join('; ') : 'no preview yet'}`;
}

const fragments = (expected: string | readonly string[]) => (typeof expected === 'string' ? [expected] : expected);
const count = (run: CommandRun, ending: string) =>
  run.netlifyRequests.filter((r) => r.method === 'POST' && r.path.endsWith(ending)).length;

/** What differs from the scene's expectation; empty when the run did what it should. */
function check(scene: Scene, run: CommandRun): string[] {
  const problems: string[] = [];
  const { expect } = scene;
  const expectNot = (what: string, actual: unknown, expected: unknown) => {
    if (String(actual) !== String(expected))
      problems.push(`${what} is ${String(actual)}, expected ${String(expected)}`);
  };
  expectNot('the exit code', run.code, 0);
  expectNot('result', run.outputs.result ?? '(none)', expect.result);
  expectNot('reactions', `[${run.reactions.join(', ')}]`, `[${expect.reactions.join(', ')}]`);
  expectNot('the number of replies', run.replies.length, expect.reply === null ? 0 : 1);
  const [reply] = run.replies;
  if (expect.reply !== null && reply !== undefined) {
    for (const fragment of fragments(expect.reply))
      if (!reply.includes(fragment)) problems.push(`the reply lacks "${fragment}"`);
  }
  expectNot('the number of edits', run.edits.length, expect.edited?.edits ?? 0);
  if (expect.edited && !run.finalReplies[0]?.includes(expect.edited.holds))
    problems.push(`the reply, once edited, lacks "${expect.edited.holds}"`);
  expectNot('the retry requests', count(run, '/retry'), expect.retries);
  expectNot('the cancel requests', count(run, '/cancel'), expect.cancels ?? 0);
  if (expect.requests) {
    expectNot('the GitHub requests', run.githubRequests.length, expect.requests.github);
    expectNot('the Netlify requests', run.netlifyRequests.length, expect.requests.netlify);
  }
  for (const [name, value] of Object.entries(expect.outputs ?? {}))
    expectNot(`output ${name}`, run.outputs[name], value);
  if (expect.log && !run.stdout.includes(expect.log)) problems.push(`the log lacks "${expect.log}"`);
  for (const [name, token] of [
    ['Netlify', NETLIFY_TOKEN],
    ['GitHub', GITHUB_TOKEN],
  ] as const) {
    if (run.everything.includes(token)) problems.push(`the ${name} token appears in the log, outputs or summary`);
  }
  return problems;
}

/** The action's log as the runner shows it: the runner consumes `::add-mask::` commands. */
function log(run: CommandRun): string {
  return `${run.stdout}${run.stderr}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
    .trimEnd();
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? prefix.trimEnd() : prefix + line))
    .join('\n');
}

function print(n: number, scene: Scene, state: string, run: CommandRun, problems: string[]): void {
  const label = (text: string) => paint('dim', text.padEnd(10));
  const lines: string[] = [];
  lines.push('', paint('bold', `${n}. ${scene.title}`), paint('dim', `   ${scene.note}`));
  if (scene.inputs)
    lines.push(
      `   ${label('inputs')} ${Object.entries(scene.inputs)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}`,
    );
  const labels = scene.labels?.length ? `, labels ${scene.labels.join(', ')}` : '';
  lines.push(`   ${label('PR')} #${scene.pr} (${state}${labels})`);
  lines.push(`   ${label('comment')} @${scene.login} (${scene.association.toLowerCase().replace(/_/g, '-')}):`);
  lines.push(indent(scene.body, `   ${' '.repeat(11)}│ `));
  const reactions = run.reactions.map((r) => `${EMOJI[r] ?? ''} ${r}`).join('  ');
  lines.push(`   ${label('reactions')} ${reactions || paint('dim', '(none)')}`);
  const shown = (body: string) =>
    indent(
      body
        .split('\n')
        .filter((line) => !line.startsWith('<!--'))
        .join('\n')
        .trimEnd(),
      ' '.repeat(14),
    ).trimStart();
  if (run.replies.length === 0) lines.push(`   ${label('reply')} ${paint('dim', '(none)')}`);
  for (const [i, body] of run.replies.entries()) {
    lines.push(`   ${label('reply')} ${shown(body)}`);
    // An edit while following adds how the build ended: only the lines it added are shown.
    const posted = new Set(body.split('\n'));
    const added = (run.finalReplies[i] ?? body).split('\n').filter((line) => !posted.has(line));
    if (added.length) lines.push(`   ${label('edited')} …${shown(added.join('\n'))}`);
  }
  const outputs = OUTPUTS.map((name) => `${name}=${run.outputs[name] ?? ''}`);
  lines.push(`   ${label('outputs')} ${outputs.slice(0, 3).join('  ')}`);
  lines.push(`   ${' '.repeat(10)} ${outputs.slice(3, 5).join('  ')}`);
  lines.push(`   ${' '.repeat(10)} ${outputs[5]}`);
  const build = ['build-state', 'build-seconds'].filter((name) => run.outputs[name]);
  if (build.length)
    lines.push(`   ${' '.repeat(10)} ${build.map((name) => `${name}=${run.outputs[name]}`).join('  ')}`);
  const calls = `GitHub ${run.githubRequests.length}, Netlify ${run.netlifyRequests.length} request(s); ${Math.round(run.ms)} ms`;
  lines.push(`   ${label('cost')} ${calls}`);
  if (SHOW_LOG) lines.push(`   ${label('log')} ${indent(log(run), ' '.repeat(14)).trimStart()}`);
  if (problems.length > 0) {
    for (const problem of problems) lines.push(paint('red', `   UNEXPECTED: ${problem}`));
    if (!SHOW_LOG) lines.push(indent(log(run), '   | '));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  if (!existsSync(DIST)) {
    process.stderr.write(`demo: ${DIST} is missing; run npm run build first.\n`);
    return 1;
  }
  const sandbox = await Sandbox.start();
  try {
    seed(sandbox);
    const sites = [...sandbox.netlify.sites.values()].map((site) => `${site.name}, ${site.deploys.length} deploys`);
    process.stdout.write(
      `${paint('bold', 'netlify-preview-retry demo')}\n` +
        `The bundled action (dist/index.js) runs once per comment against a local sandbox on 127.0.0.1:\n` +
        `a fake Netlify (sites ${sites.join('; ')}) and a fake GitHub (octo-org/docs). No token, no network.\n` +
        `Inputs are the defaults unless a scene says otherwise (site-id: ${SITE.name}'s API ID).\n`,
    );
    let failures = 0;
    for (const [i, scene] of SCENES.entries()) {
      const state = describeState(sandbox, scene.pr);
      const run = await sandbox.run({
        body: scene.body,
        prNumber: scene.pr,
        login: scene.login,
        association: scene.association,
        prAuthor: sandbox.github.pulls.get(scene.pr)?.author ?? scene.login,
        prAuthorAssociation: scene.prAuthorAssociation ?? 'CONTRIBUTOR',
        labels: scene.labels,
        inputs: scene.inputs ?? {},
      });
      const problems = check(scene, run);
      if (problems.length > 0) failures++;
      print(i + 1, scene, state, run, problems);
    }
    const summary = `${SCENES.length} comments, ${SCENES.length - failures} as expected.`;
    process.stdout.write(
      `\n${failures === 0 ? paint('green', summary) : paint('red', `${summary} ${failures} did something unexpected.`)}\n`,
    );
    return failures === 0 ? 0 : 1;
  } finally {
    await sandbox.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

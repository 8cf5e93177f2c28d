/**
 * `npm run bench` (after `npm run build`): what a command costs, in one run, with every target of the
 * issues printed as "holds" or "does not hold" (the exit code is 1 when one does not hold).
 *
 * - Paths: the built action (dist/index.js), run as the runner runs it, against the fake Netlify and GitHub
 *   servers (test/lib/fakes) at 0 ms and 50 ms of latency per request, on a site with 10,000 deploys; each run
 *   paired with a run of `node -e 0` (Node's own start, interleaved, same spawn), which gives each row its floor:
 *   Node's start plus one latency per round trip. The same comments go through the straightforward strategy
 *   (one request after the other, every deploy listed until the preview turns up) for comparison.
 * - Loading: which dist chunks each path loads, and which are loaded before the eyes request leaves (a module
 *   hook and a diagnostics_channel subscriber preloaded into one run of each path); no OpenAPI document in dist.
 * - Start-up: a comment without a command against `node -e 0`, interleaved.
 * - Following: run() in-process with a virtual clock that the fake Netlify shares, so a 20-minute follow takes
 *   no real time; Netlify reads and GitHub requests counted from the fakes' logs.
 *
 *   npm run bench                   BENCH_RUNS=15 runs per cell (medians)
 *   BENCH_RUNS=5 npm run bench      fewer, for a quick look (the time targets need more on a loaded machine)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../src/main.js';
import type { Clock } from '../src/flow/ports.js';
import { runnerToolkit } from '../src/toolkit.js';
import { BUILD_FAILED, type BuildPlan, type NetlifyDeploy } from '../test/lib/fakes/netlify.js';
import type { RecordedRequest } from '../test/lib/http.js';
import { actionYml, assertFreshDist, DIST, inputVariable, parseOutputs, ROOT } from '../test/lib/support/action.js';
import { commentPayload } from '../test/lib/support/payloads.js';
import { GITHUB_TOKEN, OWNER, REPO, type RunSpec, SITE, Sandbox } from '../test/lib/support/sandbox.js';
import { at, BIG_SITE, BIG_SITE_PRS, roundTrips, type SiteSpec, seedSite } from '../test/lib/support/scenarios.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15) || 15);
const LATENCIES = [0, 50] as const;
/** Round trips are read from the request log at this latency: requests sent together overlap. */
const ROUND_TRIP_LATENCY = 50;
/** The straightforward strategy: this many runs per cell, one for runs over LONG_RUN_MS (they vary little). */
const BASELINE_RUNS = 3;
const LONG_RUN_MS = 1_500;
const STARTUP_RUNS = 30;

/** The targets' numbers. */
const TARGET = {
  /** The common path at 50 ms: within this many times its floor (Node's start + 3 round trips). */
  floorRatio: 1.3,
  plannedTrips: 3,
  /** The common path at 0 ms: within this many ms. */
  zeroLatencyMs: 120,
  /** No chunk larger than this is loaded before the eyes request leaves. */
  largeChunkBytes: 64 * 1024,
  distBytes: 1_200_000,
  fastPathRatio: 1.5,
  deniedGithub: 3,
  lookupReads: 3,
  followReads: 40,
} as const;

// ---------------------------------------------------------------------------------------------------
// The site: BIG_SITE (10,000 deploys) with two more PRs, and a second site.

const PRS = { ...BIG_SITE_PRS, fork: 23, twoSites: 43 } as const;
const SECOND_SITE = { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'octo-api' } as const;

const SITE_SPEC: SiteSpec = {
  total: BIG_SITE.total,
  pulls: [...BIG_SITE.pulls, { pr: PRS.fork, createdIndex: 6_030 }, { pr: PRS.twoSites, createdIndex: 30 }],
  previews: [
    ...BIG_SITE.previews,
    { pr: PRS.fork, index: 6_005, state: 'error' },
    { pr: PRS.twoSites, index: 3, state: 'error' },
  ],
};

/** Seeds the sandbox; returns a reset that puts every preview a scenario retries back as it was seeded. */
function seed(sandbox: Sandbox): () => void {
  const placed = seedSite(sandbox, SITE_SPEC);
  // The fork PR: its head is another repository's branch; Netlify builds its preview from pull/N/head.
  const fork = sandbox.github.pulls.get(PRS.fork);
  if (!fork) throw new Error('the fork PR was not seeded');
  fork.author = 'outsider';
  fork.head = { ...fork.head, ref: 'patch-1', fork: true };
  const forkPreview = placed[3] as NetlifyDeploy;
  forkPreview.branch = `pull/${PRS.fork}/head`;

  sandbox.addSite(SECOND_SITE.id, SECOND_SITE.name);
  for (let i = 0; i < 30; i++) {
    if (i === 2) continue;
    sandbox.netlify.addDeploy(SECOND_SITE.id, { context: 'production', state: 'ready', createdAt: at(i * 4) });
  }
  const second = sandbox.addPreview(PRS.twoSites, { state: 'error', createdAt: at(8) }, SECOND_SITE.id);

  const seeded = [...placed, second].map((d) => ({ ...d }));
  return () => {
    for (const deploy of seeded) Object.assign(sandbox.netlify.findDeploy(deploy.id) as NetlifyDeploy, deploy);
  };
}

interface Scenario {
  readonly name: string;
  readonly spec: RunSpec;
  /** Whether the straightforward strategy runs it too (it knows one site only). */
  readonly baseline: boolean;
}

const S = {
  common: { name: 'common path: /retest, failed preview, active PR', spec: { body: '/retest', prNumber: PRS.active } },
  old: { name: 'old PR, preview behind 6,000 deploys', spec: { body: '/retest', prNumber: PRS.old } },
  fork: { name: `old fork PR, preview on pull/${PRS.fork}/head`, spec: { body: '/retest', prNumber: PRS.fork } },
  none: { name: 'no preview (PR opened 350 deploys ago)', spec: { body: '/retest', prNumber: PRS.none } },
  twoSites: {
    name: 'two sites, both previews failed',
    spec: { body: '/retest', prNumber: PRS.twoSites, inputs: { 'site-id': `${SITE.id}, ${SECOND_SITE.id}` } },
  },
  denied: {
    name: 'denied (not a collaborator)',
    spec: { body: '/retest', prNumber: PRS.active, login: 'mallory', association: 'NONE' },
  },
  noCommand: {
    name: 'no command',
    spec: { body: 'Thanks, the preview looks right now.', prNumber: PRS.active },
  },
} satisfies Record<string, Omit<Scenario, 'baseline'>>;

const SCENARIOS: readonly Scenario[] = Object.values(S).map((s) => ({
  ...s,
  spec: { association: 'MEMBER', ...s.spec },
  baseline: s !== S.twoSites,
}));
const scenario = (s: (typeof S)[keyof typeof S]) => SCENARIOS.find((x) => x.name === s.name) as Scenario;

// ---------------------------------------------------------------------------------------------------
// One run of a process, timed from its spawn until its output is closed (as runAction times the action).

async function timed(
  args: readonly string[],
  env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '' },
): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`);
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const ms = (value: number | null) => (value === null ? '—' : String(Math.round(value)));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
/** A dist file's path below dist/, from its URL (the rest of the action is a bundle of its own in dist/main/). */
const file = (url: string) =>
  url.includes('/dist/') ? url.slice(url.lastIndexOf('/dist/') + 6) : url.slice(url.lastIndexOf('/') + 1);

// ---------------------------------------------------------------------------------------------------
// The straightforward strategy, as a dependency-free script run by the same Node, like the action.

/**
 * One request after the other: the eyes reaction; the commenter's permission unless the association
 * settles trust; every deploy of the site, 100 at a time, until the PR's preview turns up (or the
 * list ends); the retry; a reply; the final reaction. Plain fetch, same inputs as the action.
 * Serialized into the child process with Function#toString, so it must close over nothing.
 */
async function straightforward(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const env = process.env;
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH as string, 'utf8'));
  const words = event.comment.body.split('\n').map((line: string) => line.trim().toLowerCase());
  const command = words.includes('/retest') ? 'retest' : words.includes('/rebuild-preview') ? 'rebuild' : null;
  if (!command) return 'ignored';

  const call = async (url: string, method: string, auth: string, body?: unknown) => {
    const response = await fetch(url, {
      method,
      headers: {
        authorization: auth,
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': 'bench',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status}`);
    return response.json();
  };
  const repo = `${env.GITHUB_API_URL}/repos/${event.repository.owner.login}/${event.repository.name}`;
  const github = (method: string, path: string, body?: unknown) =>
    call(`${repo}${path}`, method, `token ${input('github-token')}`, body);
  const netlify = (method: string, path: string) =>
    call(`${input('netlify-api-url')}${path}`, method, `Bearer ${input('netlify-token')}`);
  const pr = event.issue.number;
  const comment = event.comment.id;
  const login = event.comment.user.login;

  await github('POST', `/issues/comments/${comment}/reactions`, { content: 'eyes' });
  let trusted = ['OWNER', 'MEMBER', 'COLLABORATOR'].includes(event.comment.author_association);
  if (!trusted) {
    const grant = (await github('GET', `/collaborators/${login}/permission`)) as {
      role_name?: string;
      permission?: string;
    };
    trusted = ['admin', 'maintain', 'write'].includes(grant.role_name ?? grant.permission ?? '');
  }
  let result = 'denied';
  if (trusted) {
    type Deploy = { id: string; state: string; context: string; review_id: number | null };
    let preview: Deploy | null = null;
    for (let page = 1; !preview; page++) {
      const deploys = (await netlify(
        'GET',
        `/sites/${input('site-id')}/deploys?page=${page}&per_page=100`,
      )) as Deploy[];
      preview = deploys.find((d) => d.context === 'deploy-preview' && d.review_id === pr) ?? null;
      if (deploys.length < 100) break;
    }
    result = 'not-found';
    if (preview && (preview.state === 'error' || (command === 'rebuild' && preview.state === 'ready'))) {
      await netlify('POST', `/deploys/${preview.id}/retry`);
      result = 'retried';
    } else if (preview) {
      result = 'skipped';
    }
  }
  await github('POST', `/issues/${pr}/comments`, { body: `@${login} ${result}` });
  const reaction = result === 'retried' ? 'rocket' : result === 'denied' ? 'confused' : null;
  if (reaction) await github('POST', `/issues/comments/${comment}/reactions`, { content: reaction });
  return result;
}

// tsx compiles with esbuild's keepNames, which wraps functions in a `__name` helper.
const STRAIGHTFORWARD_SOURCE = `const __name = (f) => f;\nprocess.stdout.write(await (${straightforward.toString()})());\nprocess.exit(0);\n`;

async function runStraightforward(sandbox: Sandbox, payload: unknown): Promise<{ ms: number; result: string }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'npr-bench-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_NAME: 'issue_comment',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: sandbox.github.apiUrl,
  };
  for (const [name, value] of Object.entries({ ...sandbox.inputs(), 'github-token': GITHUB_TOKEN }))
    env[inputVariable(name)] = value;
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', STRAIGHTFORWARD_SOURCE], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const wall = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`the straightforward strategy failed (${code}): ${stderr}`);
  return { ms: wall, result: stdout.trim() };
}

// ---------------------------------------------------------------------------------------------------
// One measured run of a strategy, read from the fakes' logs.

interface Measure {
  readonly netlify: number;
  readonly github: number;
  readonly roundTrips: number;
  /** Time from the spawn until GitHub had recorded the eyes reaction (null: none). */
  readonly eyesMs: number | null;
  readonly eyesFirst: boolean;
  /** Netlify reads (GETs): those that found the preview, on the command paths. */
  readonly reads: number;
  readonly wallMs: number;
  /** `METHOD path?query` of every request, sorted: the same on every run and at every latency, or a problem. */
  readonly signature: string;
  readonly result: string;
}

const isEyes = (r: RecordedRequest) =>
  r.method === 'POST' && r.path.endsWith('/reactions') && r.body.includes('"eyes"');

let commentId = 3_000_000_000;

async function measure(sandbox: Sandbox, strategy: 'action' | 'straightforward', scenario: Scenario): Promise<Measure> {
  const id = commentId++;
  const spec = { ...scenario.spec, commentId: id };
  const netlifyFrom = sandbox.netlify.requests.length;
  const githubFrom = sandbox.github.requests.length;
  const started = performance.now();
  let wallMs: number;
  let result: string;
  if (strategy === 'action') {
    const ran = await sandbox.run(spec);
    if (ran.code !== 0) throw new Error(`the action failed on "${scenario.name}": ${ran.stdout}${ran.stderr}`);
    wallMs = ran.ms;
    result = ran.outputs.result ?? '';
  } else {
    const payload = commentPayload({
      owner: OWNER,
      repo: REPO,
      ...spec,
      commentNodeId: sandbox.github.commentNodeId(id),
    });
    ({ ms: wallMs, result } = await runStraightforward(sandbox, payload));
  }
  const netlify = sandbox.netlify.requests.slice(netlifyFrom);
  const github = sandbox.github.requests.slice(githubFrom);
  const requests = [...netlify, ...github];
  const trips = roundTrips(requests);
  const eyes = github.find(isEyes);
  return {
    netlify: netlify.length,
    github: github.length,
    roundTrips: trips.length,
    eyesMs: eyes ? eyes.endedAt - started : null,
    eyesFirst: eyes ? (trips[0] ?? []).includes(eyes) : false,
    reads: netlify.filter((r) => r.method === 'GET').length,
    wallMs,
    signature: requests
      .map((r) => `${r.method} ${r.path.replace(/\/comments\/\d+\//, '/comments/ID/')}?${new URLSearchParams(r.query)}`)
      .sort()
      .join('\n'),
    result,
  };
}

// ---------------------------------------------------------------------------------------------------
// The paths: every scenario at both latencies, each action run paired with a run of `node -e 0`.

interface Row {
  readonly scenario: Scenario;
  readonly latency: number;
  readonly action: Measure[];
  readonly node: number[];
  readonly baseline: Measure[];
}

async function paths(sandbox: Sandbox, reset: () => void): Promise<{ rows: Row[]; problems: string[] }> {
  const rows: Row[] = [];
  // Warm the file cache and the fakes once; not counted.
  reset();
  await measure(sandbox, 'action', scenario(S.common));
  reset();
  await measure(sandbox, 'straightforward', scenario(S.common));
  await timed(['-e', '0']);
  for (const s of SCENARIOS) {
    const cells = LATENCIES.map((latency): Row => ({ scenario: s, latency, action: [], node: [], baseline: [] }));
    for (let i = 0; i < RUNS; i++) {
      for (const row of cells) {
        sandbox.latencyMs = row.latency;
        row.node.push(await timed(['-e', '0']));
        reset();
        row.action.push(await measure(sandbox, 'action', s));
        const long = (row.baseline[0]?.wallMs ?? 0) > LONG_RUN_MS;
        if (s.baseline && i < (long ? 1 : BASELINE_RUNS)) {
          reset();
          row.baseline.push(await measure(sandbox, 'straightforward', s));
        }
      }
    }
    rows.push(...cells);
    process.stderr.write(`bench: ${s.name}: done\n`);
  }
  // The requests must be the same on every run and at every latency: that is what the tests pin.
  const problems: string[] = [];
  for (const s of SCENARIOS) {
    for (const strategy of ['action', 'baseline'] as const) {
      const all = rows.filter((r) => r.scenario === s).flatMap((r) => r[strategy]);
      if (new Set(all.map((m) => m.signature)).size > 1)
        problems.push(`${strategy}, ${s.name}: the requests differ between runs`);
      if (new Set(all.map((m) => m.result)).size > 1)
        problems.push(`${strategy}, ${s.name}: the result differs between runs`);
    }
  }
  return { rows, problems };
}

/** Round trips as counted at ROUND_TRIP_LATENCY: the fewest seen (a slow moment can split one, never merge two). */
function tripsOf(rows: readonly Row[], s: Scenario, strategy: 'action' | 'baseline'): number | null {
  const row = rows.find((r) => r.scenario === s && r.latency === ROUND_TRIP_LATENCY) as Row;
  return row[strategy].length ? Math.min(...row[strategy].map((m) => m.roundTrips)) : null;
}

/** A row's floor: Node's start (the paired runs' median) plus one latency per round trip. */
function floorOf(rows: readonly Row[], row: Row, trips = tripsOf(rows, row.scenario, 'action') ?? 0): number {
  return median(row.node) + trips * row.latency;
}

function table(rows: readonly Row[]): string {
  const header = [
    'scenario',
    'latency',
    'requests (Netlify+GitHub)',
    'round trips',
    'eyes at ms',
    'wall ms',
    'floor ms',
    '× floor',
    'straightforward: requests',
    'straightforward: round trips',
    'straightforward: wall ms',
    'straightforward ÷ action, wall',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of rows) {
    const first = row.action[0] as Measure;
    const wall = median(row.action.map((m) => m.wallMs));
    const eyes = first.eyesMs === null ? null : median(row.action.map((m) => m.eyesMs as number));
    const floor = floorOf(rows, row);
    const cells = [
      row.scenario.name,
      `${row.latency} ms`,
      `${first.netlify + first.github} (${first.netlify}+${first.github})`,
      String(tripsOf(rows, row.scenario, 'action')),
      ms(eyes),
      ms(wall),
      ms(floor),
      `${(wall / floor).toFixed(2)}×`,
    ];
    const base = row.baseline[0];
    if (base) {
      const baseWall = median(row.baseline.map((m) => m.wallMs));
      cells.push(
        `${base.netlify + base.github} (${base.netlify}+${base.github})`,
        String(tripsOf(rows, row.scenario, 'baseline')),
        ms(baseWall),
        `${(baseWall / wall).toFixed(1)}×`,
      );
    } else {
      cells.push('—', '—', '—', '—');
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

const LEGEND = `Requests and round trips are read from the fakes' logs; a round trip is the longest chain of requests that did not
overlap, counted at ${ROUND_TRIP_LATENCY} ms (the fewest over the runs). Times are medians of ${RUNS} runs (the straightforward
strategy: ${BASELINE_RUNS}, 1 for runs over ${LONG_RUN_MS / 1000} s), from the spawn to the end of the process; eyes at: until GitHub had
recorded the eyes reaction. Floor: \`node -e 0\` (median of the runs paired with the row's, interleaved) plus one latency
per round trip.`;

// ---------------------------------------------------------------------------------------------------
// Loading: the chunks each path loads, in order, and the requests, seen from inside one run of each path.

/** Preloaded with --import: records each file loaded and each HTTP request started, in order, at exit. */
const HOOK = (log: string) => `import { registerHooks } from 'node:module';
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
const events = [];
registerHooks({ load(url, context, next) { if (url.startsWith('file:')) events.push({ at: performance.now(), file: url }); return next(url, context); } });
subscribe('http.client.request.start', ({ request }) => events.push({ at: performance.now(), request: request.method + ' ' + request.path }));
process.on('exit', () => writeFileSync(${JSON.stringify(log)}, JSON.stringify(events)));
`;

interface LoadEvent {
  readonly at: number;
  readonly file?: string;
  readonly request?: string;
}

interface Loaded {
  readonly events: LoadEvent[];
  /** dist files loaded, in order. */
  readonly chunks: string[];
  /** dist files loaded before the eyes request started (all of them when there was none). */
  readonly beforeEyes: string[];
  readonly eyes: LoadEvent | null;
}

async function loading(sandbox: Sandbox, reset: () => void, s: Scenario): Promise<Loaded> {
  const dir = mkdtempSync(join(os.tmpdir(), 'npr-bench-'));
  const log = join(dir, 'events.json');
  const hook = join(dir, 'hook.mjs');
  writeFileSync(hook, HOOK(log));
  sandbox.latencyMs = 0;
  reset();
  const ran = await sandbox.run({ ...s.spec, env: { NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` } });
  if (ran.code !== 0) throw new Error(`the action failed on "${s.name}" with the loading hook: ${ran.stdout}`);
  const events = JSON.parse(readFileSync(log, 'utf8')) as LoadEvent[];
  rmSync(dir, { recursive: true, force: true });
  const requests = events.filter((e) => e.request);
  const eyes = requests.find((e) => /^POST \S*\/reactions$/.test(e.request as string)) ?? requests[0] ?? null;
  const dist = (list: LoadEvent[]) => list.filter((e) => e.file?.includes('/dist/')).map((e) => file(e.file as string));
  return {
    events,
    chunks: dist(events),
    beforeEyes: dist(eyes ? events.slice(0, events.indexOf(eyes)) : events),
    eyes,
  };
}

const distSize = (name: string) => statSync(join(ROOT, 'dist', name)).size;
const listed = (files: readonly string[]) =>
  files.length ? files.map((f) => `${f} (${kib(distSize(f))})`).join(', ') : '(none)';
const total = (files: readonly string[]) => files.reduce((sum, f) => sum + distSize(f), 0);

/** Files of dist/ that hold an OpenAPI document (or a piece of one). */
function openApiChunks(): string[] {
  return distFiles()
    .filter((f) => f.endsWith('.js'))
    .filter((f) => /"swagger"\s*:|"openapi"\s*:|operationId/.test(readFileSync(join(ROOT, 'dist', f), 'utf8')));
}

function timeline(loaded: Loaded): string {
  return loaded.events
    .filter((e) => e.request || e.file?.includes('/dist/'))
    .map((e) => {
      const what = e.file ? `loads ${file(e.file)} (${kib(distSize(file(e.file)))})` : `sends ${e.request}`;
      return `    +${e.at.toFixed(0).padStart(4)} ms  ${what}${e === loaded.eyes ? '   <- eyes' : ''}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Start-up: a comment without a command against Node's own start, interleaved.

async function startup(): Promise<{ nodeMs: number; actionMs: number }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'npr-bench-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  writeFileSync(eventPath, JSON.stringify(commentPayload({ body: 'Thanks, the preview looks right now.' })));
  writeFileSync(outputPath, '');
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_NAME: 'issue_comment',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
  };
  const node: number[] = [];
  const action: number[] = [];
  await timed(['-e', '0'], env);
  await timed([DIST], env);
  for (let i = 0; i < STARTUP_RUNS; i++) {
    node.push(await timed(['-e', '0'], env));
    action.push(await timed([DIST], env));
  }
  rmSync(dir, { recursive: true, force: true });
  return { nodeMs: median(node), actionMs: median(action) };
}

// ---------------------------------------------------------------------------------------------------
// Following, in-process: run() with a virtual clock that the fake Netlify reads too.

/** Each sleep moves time forward by its length, at once (one sleeper at a time is all a single follow has). */
function virtualClock(start: number): Clock {
  let now = start;
  return {
    now: () => now,
    sleep: async (wait, signal) => {
      if (!signal?.aborted) now += Math.max(0, wait);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

interface FollowCase {
  readonly name: string;
  readonly plan: BuildPlan;
}

const MIN = 60_000;
const FOLLOWS: readonly FollowCase[] = [
  {
    name: '10-minute build (enqueued, building, ready)',
    plan: [
      { afterMs: 20_000, state: 'building' },
      { afterMs: 10 * MIN, state: 'ready' },
    ],
  },
  {
    name: 'build that fails after 3 minutes',
    plan: [
      { afterMs: 20_000, state: 'building' },
      { afterMs: 3 * MIN, state: 'error' },
    ],
  },
  {
    name: 'build that outlasts the 20-minute window (ready at 30)',
    plan: [
      { afterMs: 20_000, state: 'building' },
      { afterMs: 30 * MIN, state: 'ready' },
    ],
  },
];

interface Followed {
  readonly name: string;
  /** Netlify reads of the deploy once the command was done (the follow's). */
  readonly reads: number;
  /** GitHub requests once the follow's first read went out. */
  readonly github: number;
  readonly edits: number;
  readonly outputs: Record<string, string>;
  readonly virtualS: number;
  readonly realMs: number;
}

async function follow(c: FollowCase): Promise<Followed> {
  const sandbox = await Sandbox.start();
  const dir = mkdtempSync(join(os.tmpdir(), 'npr-bench-'));
  try {
    const clock = virtualClock(Date.now());
    sandbox.netlify.now = clock.now;
    const pr = 77;
    sandbox.addPull(pr, { created_at: new Date(clock.now() - 3_600_000).toISOString() });
    sandbox.addPreview(pr, {
      state: 'error',
      createdAt: new Date(clock.now() - 1_800_000).toISOString(),
      errorMessage: BUILD_FAILED,
    });
    sandbox.netlify.onRetry = () => c.plan;
    const id = commentId++;
    const payload = commentPayload({
      owner: OWNER,
      repo: REPO,
      body: '/retest',
      prNumber: pr,
      association: 'MEMBER',
      commentId: id,
      commentNodeId: sandbox.github.commentNodeId(id),
    });
    const env = runnerEnv(sandbox, dir, payload, { follow: 'true' });
    let log = '';
    const toolkit = runnerToolkit(env, { write: (text) => (log += text), failed: () => undefined });
    const startedAt = clock.now();
    const real = performance.now();
    await run(env, toolkit, { clock });
    const realMs = performance.now() - real;
    const polls = sandbox.netlify.requests.filter(
      (r) => r.method === 'GET' && /\/deploys\/[^/]+$/.test(r.path) && !r.path.includes('/sites/'),
    );
    const firstPoll = polls[0]?.startedAt ?? Number.POSITIVE_INFINITY;
    const outputs = parseOutputs(readFileSync(env.GITHUB_OUTPUT as string, 'utf8'));
    if (outputs.result !== 'retried') throw new Error(`following "${c.name}": result ${outputs.result}\n${log}`);
    return {
      name: c.name,
      reads: polls.length,
      github: sandbox.github.requests.filter((r) => r.startedAt > firstPoll).length,
      edits: sandbox.github.edits.length,
      outputs,
      virtualS: Math.round((clock.now() - startedAt) / 1000),
      realMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.stop();
  }
}

/** The runner's environment for an in-process run(): action.yml's defaults, the sandbox's inputs, files in `dir`. */
function runnerEnv(
  sandbox: Sandbox,
  dir: string,
  payload: unknown,
  inputs: Record<string, string>,
): Record<string, string> {
  const path = (name: string, text = '') => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'issue_comment',
    GITHUB_EVENT_PATH: path('event.json', JSON.stringify(payload)),
    GITHUB_OUTPUT: path('output'),
    GITHUB_STEP_SUMMARY: path('summary'),
    GITHUB_API_URL: sandbox.github.apiUrl,
    GITHUB_GRAPHQL_URL: `${sandbox.github.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_RUN_ID: '9876543210',
  };
  for (const [name, spec] of Object.entries(actionYml.inputs))
    env[inputVariable(name)] = spec.default === '${{ github.token }}' ? GITHUB_TOKEN : (spec.default ?? '');
  for (const [name, value] of Object.entries(sandbox.inputs(inputs))) env[inputVariable(name)] = value;
  return env;
}

// ---------------------------------------------------------------------------------------------------
// The run: the machine, the sections, the targets.

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  return (
    `Machine: nproc ${os.availableParallelism()} (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ` +
    `${os.type()} ${os.release()}; Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ` +
    `load average ${load} at the start.`
  );
}

/** Everything one run of the bench measured. */
interface Results {
  readonly rows: Row[];
  readonly problems: string[];
  readonly loaded: Record<'no command' | 'common path' | 'denied', Loaded>;
  readonly start: { nodeMs: number; actionMs: number };
  readonly followed: Followed[];
}

async function gather(): Promise<Results> {
  const sandbox = await Sandbox.start();
  let measured: Pick<Results, 'rows' | 'problems' | 'loaded'>;
  try {
    const reset = seed(sandbox);
    const { rows, problems } = await paths(sandbox, reset);
    const loaded = {
      'no command': await loading(sandbox, reset, scenario(S.noCommand)),
      'common path': await loading(sandbox, reset, scenario(S.common)),
      denied: await loading(sandbox, reset, scenario(S.denied)),
    };
    measured = { rows, problems, loaded };
  } finally {
    await sandbox.stop();
  }
  const start = await startup();
  const followed: Followed[] = [];
  for (const c of FOLLOWS) followed.push(await follow(c));
  return { ...measured, start, followed };
}

/** Every file of dist/, as a path below it. */
function distFiles(): string[] {
  return readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(ROOT, 'dist', f)).isFile(),
  );
}

function sections(r: Results): string[] {
  const lines = [
    `## Paths (${SITE_SPEC.total?.toLocaleString('en-US')} deploys on the site)`,
    '',
    table(r.rows),
    '',
    LEGEND,
    '',
  ];
  lines.push('## Loading', '');
  const files = distFiles();
  lines.push(
    `- dist/: ${total(files).toLocaleString('en-US')} bytes in ${files.length} files; chunks: ${listed(files.filter((f) => f.endsWith('.js')))}`,
  );
  for (const [name, l] of Object.entries(r.loaded)) {
    const eyes = l.eyes
      ? `before the eyes request (+${l.eyes.at.toFixed(0)} ms): ${listed(l.beforeEyes)}`
      : 'no request';
    lines.push(`- ${name}: loads ${listed(l.chunks)} = ${kib(total(l.chunks))}; ${eyes}`);
  }
  const spec = openApiChunks();
  lines.push(
    `- chunks holding an OpenAPI document ("swagger", "openapi", "operationId"): ${spec.join(', ') || 'none'}`,
  );
  lines.push('', "The common path in order (ms from the process's start; one run at 0 ms, with the hook):");
  lines.push(timeline(r.loaded['common path']), '');

  lines.push(`## Start-up (median of ${STARTUP_RUNS} interleaved runs)`, '');
  lines.push(`- \`node -e 0\`: ${r.start.nodeMs.toFixed(1)} ms`);
  lines.push(
    `- \`node dist/index.js\` on a comment without a command: ${r.start.actionMs.toFixed(1)} ms (${(r.start.actionMs / r.start.nodeMs).toFixed(2)}×)`,
    '',
  );

  lines.push('## Following (follow: true; run() in-process, virtual clock shared with the fake Netlify)', '');
  lines.push(
    '| build | Netlify reads while following | GitHub requests after the first read | edits | build-state | build-seconds | virtual s | real ms |',
  );
  lines.push('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const f of r.followed) {
    const o = f.outputs;
    lines.push(
      `| ${f.name} | ${f.reads} | ${f.github} | ${f.edits} | ${o['build-state'] || '—'} | ${o['build-seconds'] || '—'} | ${f.virtualS} | ${ms(f.realMs)} |`,
    );
  }
  return [...lines, ''];
}

type Target = readonly [text: string, holds: boolean, kind: 'time' | 'count'];

function targets(r: Results): Target[] {
  const row = (s: Scenario, latency: number) => r.rows.find((x) => x.scenario === s && x.latency === latency) as Row;
  const first = (s: Scenario) => row(s, ROUND_TRIP_LATENCY).action[0] as Measure;
  const wall = (s: Scenario, latency: number) => median(row(s, latency).action.map((m) => m.wallMs));
  const common50 = row(scenario(S.common), 50);
  const floor50 = floorOf(r.rows, common50, TARGET.plannedTrips);
  const wall50 = wall(scenario(S.common), 50);
  const wall0 = wall(scenario(S.common), 0);
  const trips = tripsOf(r.rows, scenario(S.common), 'action') as number;
  const eyesFirst = common50.action.some((m) => m.eyesFirst && m.roundTrips === trips);
  const large = r.loaded['common path'].beforeEyes.filter((f) => distSize(f) > TARGET.largeChunkBytes);
  const spec = openApiChunks();
  const dist = total(distFiles());
  const fastPath = r.loaded['no command'].chunks;
  const startRatio = r.start.actionMs / r.start.nodeMs;
  const denied = first(scenario(S.denied));
  const old = first(scenario(S.old)).reads;
  const fork = first(scenario(S.fork)).reads;
  const twoTrips = tripsOf(r.rows, scenario(S.twoSites), 'action') as number;
  const [tenMinutes, ...others] = r.followed as [Followed, ...Followed[]];
  const atMost = (n: number | string) => `(at most ${n})`;
  return [
    [
      `common path at 50 ms: ${ms(wall50)} ms, ${(wall50 / floor50).toFixed(2)}× its floor of ${ms(floor50)} ms (\`node -e 0\` ${ms(median(common50.node))} + ${TARGET.plannedTrips} × 50) ${atMost(`${TARGET.floorRatio}×`)}`,
      wall50 <= TARGET.floorRatio * floor50,
      'time',
    ],
    [
      `common path at 0 ms: ${ms(wall0)} ms ${atMost(`${TARGET.zeroLatencyMs} ms`)}`,
      wall0 <= TARGET.zeroLatencyMs,
      'time',
    ],
    [
      `common path: ${trips} round trips ${atMost(TARGET.plannedTrips)}, eyes in the first: ${eyesFirst ? 'yes' : 'no'}`,
      trips <= TARGET.plannedTrips && eyesFirst,
      'count',
    ],
    [
      `the eyes request leaves before any chunk over ${kib(TARGET.largeChunkBytes)} is loaded: ${large.length ? `${listed(large)} loaded before it` : 'yes'}`,
      large.length === 0 && r.loaded['common path'].eyes !== null,
      'count',
    ],
    [`no chunk holds an OpenAPI document: ${spec.join(', ') || 'none does'}`, spec.length === 0, 'count'],
    [
      `dist/ in all: ${dist.toLocaleString('en-US')} bytes ${atMost(TARGET.distBytes.toLocaleString('en-US'))}`,
      dist <= TARGET.distBytes,
      'count',
    ],
    [`no command loads only index.js: ${fastPath.join(', ')}`, fastPath.join() === 'index.js', 'count'],
    [
      `no command: ${startRatio.toFixed(2)}× \`node -e 0\` ${atMost(`${TARGET.fastPathRatio}×`)}`,
      startRatio <= TARGET.fastPathRatio,
      'time',
    ],
    [
      `denied: ${denied.github} GitHub requests ${atMost(TARGET.deniedGithub)}, ${denied.netlify} Netlify (none)`,
      denied.github <= TARGET.deniedGithub && denied.netlify === 0,
      'count',
    ],
    [
      `old same-repository PR: ${old} Netlify reads to find the preview ${atMost(TARGET.lookupReads)}`,
      old <= TARGET.lookupReads,
      'count',
    ],
    [
      `old fork PR: ${fork} Netlify reads to find the preview ${atMost(TARGET.lookupReads)}`,
      fork <= TARGET.lookupReads,
      'count',
    ],
    [`two sites: ${twoTrips} round trips ${atMost(TARGET.plannedTrips)}`, twoTrips <= TARGET.plannedTrips, 'count'],
    [
      `${tenMinutes.name} followed: ${tenMinutes.reads} Netlify reads ${atMost(TARGET.followReads)}, its end shown with ${tenMinutes.github} GitHub request (one)`,
      tenMinutes.reads <= TARGET.followReads && tenMinutes.github === 1,
      'count',
    ],
    ...others.map(
      (f): Target => [
        `${f.name}: ${f.reads} Netlify reads, its end shown with ${f.github} GitHub request (one)`,
        f.github === 1,
        'count',
      ],
    ),
    [
      `the same requests on every run and at every latency${r.problems.length ? `: ${r.problems.join('; ')}` : ''}`,
      r.problems.length === 0,
      'count',
    ],
  ];
}

async function main(): Promise<number> {
  assertFreshDist();
  const out = (lines: readonly string[]) => process.stdout.write(`${lines.join('\n')}\n`);
  out([machine(), '']);
  const results = await gather();
  out(sections(results));
  const all = targets(results);
  const missed = all.filter(([, holds]) => !holds);
  const onTime = missed.filter(([, , kind]) => kind === 'time').length;
  out([
    '## Targets',
    '',
    ...all.map(([text, holds]) => `- ${holds ? 'holds' : 'does not hold'}: ${text}`),
    '',
    `Summary: ${all.length - missed.length} of ${all.length} targets hold` +
      (missed.length
        ? `; ${missed.length} do not (${onTime} of them on time, which the machine's load can move).`
        : '.'),
  ]);
  return missed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);

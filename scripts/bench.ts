/**
 * `npm run bench`: the built action (dist/index.js) against the fake Netlify and GitHub servers, with
 * a fixed latency per request (0 ms and 50 ms), through five scenarios on a site with 10,000 deploys;
 * and, in the same run, the same scenarios for the straightforward strategy (one request after the
 * other; every deploy listed 100 at a time until the PR's preview turns up, then the retry).
 *
 * Prints, as Markdown for docs/benchmarks.md: requests, sequential round trips and wall times of both,
 * and their ratios; the start-up of a comment without a command against `node -e 0`; bundle sizes.
 * Exits non-zero when one of the issue's targets does not hold.
 *
 *   npm run bench                  5 runs per scenario and latency (median wall time; 3 for runs over 1.5 s)
 *   BENCH_RUNS=3 npm run bench     fewer runs
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { NetlifyDeploy } from '../test/lib/fakes/netlify.js';
import { DIST, inputVariable, ROOT, runAction } from '../test/lib/support/action.js';
import { commentPayload } from '../test/lib/support/payloads.js';
import { GITHUB_TOKEN, OWNER, REPO, type RunSpec, Sandbox } from '../test/lib/support/sandbox.js';
import { BIG_SITE, BIG_SITE_PRS, roundTrips, seedSite } from '../test/lib/support/scenarios.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);
const LATENCIES = [0, 50] as const;
/** Round trips are read from the request log at this latency: requests sent together overlap. */
const ROUND_TRIP_LATENCY = 50;
const STARTUP_RUNS = 30;
/** Runs longer than this are measured LONG_RUNS times only, to keep the benchmark within two minutes. */
const LONG_RUN_MS = 1_500;
const LONG_RUNS = 3;

interface Scenario {
  readonly name: string;
  readonly spec: RunSpec;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'active PR, failed preview',
    spec: { body: '/retest', prNumber: BIG_SITE_PRS.active, association: 'MEMBER' },
  },
  {
    name: 'old PR, preview behind 6,000 deploys',
    spec: { body: '/retest', prNumber: BIG_SITE_PRS.old, association: 'MEMBER' },
  },
  {
    name: 'no preview (PR opened 350 deploys ago)',
    spec: { body: '/retest', prNumber: BIG_SITE_PRS.none, association: 'MEMBER' },
  },
  {
    name: 'denied (not a collaborator)',
    spec: { body: '/retest', prNumber: BIG_SITE_PRS.active, login: 'mallory', association: 'NONE' },
  },
  {
    name: 'no command',
    spec: { body: 'Thanks, the preview looks right now.', prNumber: BIG_SITE_PRS.active, association: 'MEMBER' },
  },
];

/** What one run of a strategy cost, read from the fakes' logs. */
interface Measure {
  readonly netlify: number;
  readonly github: number;
  readonly roundTrips: number;
  /** Time from the start of the process until GitHub recorded the eyes reaction (null: none). */
  readonly eyesMs: number | null;
  /** Whether the eyes reaction went out in the first round trip. */
  readonly eyesFirst: boolean;
  /** Netlify reads spent finding the preview. */
  readonly lookups: number;
  readonly wallMs: number;
  /** `METHOD path?query` of every request, sorted: the same at every latency, or the counts are not deterministic. */
  readonly signature: string;
  readonly result: string;
}

type Strategy = 'action' | 'straightforward';

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
  const command = words.includes(input('retest-command'))
    ? 'retest'
    : words.includes(input('rebuild-command'))
      ? 'rebuild'
      : null;
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
  const inputs: Record<string, string> = {
    ...sandbox.inputs(),
    'github-token': GITHUB_TOKEN,
    'retest-command': '/retest',
    'rebuild-command': '/rebuild-preview',
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_NAME: 'issue_comment',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: sandbox.github.apiUrl,
  };
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
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
  const ms = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`the straightforward strategy failed (${code}): ${stderr}`);
  return { ms, result: stdout.trim() };
}

// ---------------------------------------------------------------------------------------------------

let commentId = 3_000_000_000;

async function measure(
  sandbox: Sandbox,
  strategy: Strategy,
  scenario: Scenario,
  resetDeploys: readonly NetlifyDeploy[],
): Promise<Measure> {
  for (const deploy of resetDeploys) (sandbox.netlify.findDeploy(deploy.id) as NetlifyDeploy).state = 'error';
  const id = commentId++;
  const spec = { ...scenario.spec, commentId: id };
  const netlifyFrom = sandbox.netlify.requests.length;
  const githubFrom = sandbox.github.requests.length;
  const started = performance.now();
  let wallMs: number;
  let result: string;
  if (strategy === 'action') {
    const run = await sandbox.run(spec);
    if (run.code !== 0) throw new Error(`the action failed on "${scenario.name}": ${run.stdout}${run.stderr}`);
    wallMs = run.ms;
    result = run.outputs.result ?? '';
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
  const eyes = github.find((r) => r.method === 'POST' && r.path.endsWith('/reactions') && r.body.includes('"eyes"'));
  return {
    netlify: netlify.length,
    github: github.length,
    roundTrips: trips.length,
    eyesMs: eyes ? eyes.endedAt - started : null,
    eyesFirst: eyes ? (trips[0] ?? []).includes(eyes) : false,
    lookups: netlify.filter((r) => r.method === 'GET').length,
    wallMs,
    signature: requests
      .map((r) => `${r.method} ${r.path.replace(/\/comments\/\d+\//, '/comments/ID/')}?${new URLSearchParams(r.query)}`)
      .sort()
      .join('\n'),
    result,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const ms = (value: number | null) => (value === null ? '—' : String(Math.round(value)));
const ratio = (baseline: number, action: number) =>
  action === 0 ? (baseline === 0 ? '—' : '∞') : `${(baseline / action).toFixed(1)}×`;

interface Row {
  readonly scenario: Scenario;
  readonly latency: number;
  readonly runs: Record<Strategy, Measure[]>;
}

async function benchmark(): Promise<{ rows: Row[]; problems: string[] }> {
  const sandbox = await Sandbox.start();
  const seeded = performance.now();
  const deploys = seedSite(sandbox, BIG_SITE);
  process.stderr.write(`seeded ${BIG_SITE.total} deploys in ${Math.round(performance.now() - seeded)} ms\n`);
  const problems: string[] = [];
  const rows: Row[] = [];
  try {
    // Warm the file cache and the fakes once; not counted.
    for (const strategy of ['action', 'straightforward'] as const)
      await measure(sandbox, strategy, SCENARIOS[0] as Scenario, deploys);
    for (const latency of LATENCIES) {
      sandbox.latencyMs = latency;
      for (const scenario of SCENARIOS) {
        const runs: Record<Strategy, Measure[]> = { action: [], straightforward: [] };
        for (let i = 0; i < RUNS; i++) {
          runs.action.push(await measure(sandbox, 'action', scenario, deploys));
          // The straightforward strategy's long runs (a hundred requests in a row) vary little: three do.
          const long = (runs.straightforward[0]?.wallMs ?? 0) > LONG_RUN_MS;
          if (!long || i < LONG_RUNS)
            runs.straightforward.push(await measure(sandbox, 'straightforward', scenario, deploys));
        }
        rows.push({ scenario, latency, runs });
        process.stderr.write(`${latency} ms  ${scenario.name}: done\n`);
      }
    }
  } finally {
    await sandbox.stop();
  }
  // Requests must be the same on every run and at every latency: that is what the tests pin.
  for (const scenario of SCENARIOS) {
    for (const strategy of ['action', 'straightforward'] as const) {
      const all = rows.filter((r) => r.scenario === scenario).flatMap((r) => r.runs[strategy]);
      if (new Set(all.map((m) => m.signature)).size > 1)
        problems.push(`${strategy}, ${scenario.name}: the requests differ between runs`);
      if (new Set(all.map((m) => m.result)).size > 1)
        problems.push(`${strategy}, ${scenario.name}: the result differs between runs`);
    }
  }
  return { rows, problems };
}

function table(rows: readonly Row[]): string {
  const header = [
    'scenario',
    'latency',
    'action: requests (Netlify+GitHub)',
    'action: round trips',
    'action: eyes at ms',
    'action: wall ms',
    'straightforward: requests (Netlify+GitHub)',
    'straightforward: round trips',
    'straightforward: eyes at ms',
    'straightforward: wall ms',
    '× requests',
    '× round trips',
    '× wall',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of rows) {
    const trips = roundTripRow(rows, row.scenario);
    const cells = [row.scenario.name, `${row.latency} ms`];
    const summary: Record<Strategy, { requests: number; trips: number; wall: number }> = {} as never;
    for (const strategy of ['action', 'straightforward'] as const) {
      const runs = row.runs[strategy];
      const first = runs[0] as Measure;
      const requests = first.netlify + first.github;
      const wall = median(runs.map((m) => m.wallMs));
      const eyes = first.eyesMs === null ? null : median(runs.map((m) => m.eyesMs as number));
      summary[strategy] = { requests, trips: trips[strategy], wall };
      cells.push(`${requests} (${first.netlify}+${first.github})`, String(trips[strategy]), ms(eyes), ms(wall));
    }
    const a = summary.action;
    const b = summary.straightforward;
    cells.push(ratio(b.requests, a.requests), ratio(b.trips, a.trips), ratio(b.wall, a.wall));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Round trips as counted at ROUND_TRIP_LATENCY (at 0 ms, requests sent together need not overlap): the
 * fewest seen over the runs. A slow moment of the machine can split a round trip (a request sent
 * together with others arrives after one of them was answered), never merge two: a request that waits
 * for an answer always starts after it. The requests themselves are the same at every latency (checked).
 */
function roundTripRow(rows: readonly Row[], scenario: Scenario): Record<Strategy, number> {
  const row = rows.find((r) => r.scenario === scenario && r.latency === ROUND_TRIP_LATENCY) as Row;
  return {
    action: Math.min(...row.runs.action.map((m) => m.roundTrips)),
    straightforward: Math.min(...row.runs.straightforward.map((m) => m.roundTrips)),
  };
}

const LEGEND = `Round trips: the longest chain of requests that did not overlap, read from the fakes' request log at ${ROUND_TRIP_LATENCY} ms
(the fewest over the runs; the same requests are made at 0 ms). Eyes at: from the start of the process until GitHub had recorded the eyes reaction.
Wall: from the start of the process to its exit. Times are medians. ×: straightforward ÷ action (above 1: the action does better).`;

// ---------------------------------------------------------------------------------------------------
// Start-up and bundle size.

interface Startup {
  readonly nodeMs: number;
  readonly actionMs: number;
  readonly noCommandChunks: string[];
  readonly commandChunks: string[];
}

async function startup(): Promise<Startup> {
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
  const time = (args: string[]) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}`);
    return performance.now() - started;
  };
  const node: number[] = [];
  const action: number[] = [];
  time(['-e', '0']);
  time([DIST]);
  for (let i = 0; i < STARTUP_RUNS; i++) {
    // Interleaved, so that a slow moment of the machine hits both alike.
    node.push(time(['-e', '0']));
    action.push(time([DIST]));
  }

  // Which bundle files each path loads, through a module hook preloaded into the process.
  const hook = join(dir, 'hook.mjs');
  const log = join(dir, 'loaded');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\n` +
      `registerHooks({ load(url, context, next) { if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); } });\n`,
  );
  const loaded = () =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.includes('/dist/'))
      .map((url) => url.slice(url.lastIndexOf('/') + 1));
  writeFileSync(log, '');
  spawnSync(process.execPath, ['--import', hook, DIST], { env, stdio: 'ignore' });
  const noCommandChunks = loaded();

  writeFileSync(log, '');
  const sandbox = await Sandbox.start();
  try {
    seedSite(sandbox, { total: 200, pulls: BIG_SITE.pulls, previews: BIG_SITE.previews.filter((p) => p.index < 200) });
    const id = commentId++;
    const run = await runAction({
      inputs: sandbox.inputs(),
      payload: commentPayload({
        owner: OWNER,
        repo: REPO,
        ...(SCENARIOS[0] as Scenario).spec,
        commentId: id,
        commentNodeId: sandbox.github.commentNodeId(id),
      }),
      githubApiUrl: sandbox.github.apiUrl,
      githubToken: GITHUB_TOKEN,
      env: { NODE_OPTIONS: `--import ${hook}` },
    });
    if (run.outputs.result !== 'retried')
      throw new Error(`the command path run ended ${run.outputs.result}: ${run.stdout}`);
  } finally {
    await sandbox.stop();
  }
  const commandChunks = loaded();
  rmSync(dir, { recursive: true, force: true });
  return { nodeMs: median(node), actionMs: median(action), noCommandChunks, commandChunks };
}

function sizes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(join(ROOT, 'dist', file)).size, 0);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `Machine: ${os.availableParallelism()} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ` +
      `${os.type()} ${os.release()}; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ` +
      `median of ${RUNS} runs per cell (${Math.min(RUNS, LONG_RUNS)} for runs over ${LONG_RUN_MS / 1000} s).\n\n`,
  );
  const { rows, problems } = await benchmark();
  process.stdout.write(`${table(rows)}\n\n${LEGEND}\n\n`);

  const start = await startup();
  const allChunks = readdirSync(join(ROOT, 'dist')).filter((file) => file.endsWith('.js'));
  const startRatio = start.actionMs / start.nodeMs;
  process.stdout.write(
    [
      `Start-up, median of ${STARTUP_RUNS} interleaved runs:`,
      `- \`node -e 0\`: ${start.nodeMs.toFixed(1)} ms`,
      `- \`node dist/index.js\` on a comment without a command: ${start.actionMs.toFixed(1)} ms (${startRatio.toFixed(2)}× Node's own start)`,
      '',
      'Bundle:',
      `- dist/index.js: ${kb(sizes(['index.js']))}; all of dist/*.js: ${kb(sizes(allChunks))} in ${allChunks.length} files`,
      `- loaded for a comment without a command: ${start.noCommandChunks.join(', ')} (${kb(sizes(start.noCommandChunks))})`,
      `- loaded on the command path: ${start.commandChunks.length} files, ${kb(sizes(start.commandChunks))} ` +
        `(largest: ${largest(start.commandChunks)})`,
      '',
    ].join('\n'),
  );

  // The issue's targets.
  const scenario = (index: number) => SCENARIOS[index] as Scenario;
  const at50 = (index: number) =>
    rows.find((r) => r.scenario === scenario(index) && r.latency === ROUND_TRIP_LATENCY) as Row;
  const common = at50(0).runs.action[0] as Measure;
  const commonTrips = roundTripRow(rows, scenario(0)).action;
  const eyesFirst = at50(0).runs.action.some((m) => m.eyesFirst && m.roundTrips === commonTrips);
  const old = at50(1).runs.action[0] as Measure;
  const targets: [string, boolean][] = [
    [
      `common path (active PR): ${commonTrips} round trips (at most 3), ${common.netlify + common.github} requests ` +
        `(at most 5), eyes in the first round trip: ${eyesFirst ? 'yes' : 'no'}`,
      commonTrips <= 3 && common.netlify + common.github <= 5 && eyesFirst,
    ],
    [`old PR on a 10,000-deploy site: ${old.lookups} Netlify reads to find the preview (at most 3)`, old.lookups <= 3],
    [`no command: ${startRatio.toFixed(2)}× Node's start-up (at most 1.5×)`, startRatio <= 1.5],
    [
      `no command loads only dist/index.js: ${start.noCommandChunks.join(', ')}`,
      start.noCommandChunks.join() === 'index.js',
    ],
    ['the same requests on every run and at every latency', problems.length === 0],
  ];
  process.stdout.write(`Targets:\n${targets.map(([text, ok]) => `- ${ok ? 'holds' : 'FAILS'}: ${text}`).join('\n')}\n`);
  for (const problem of problems) process.stdout.write(`  - ${problem}\n`);
  if (targets.some(([, ok]) => !ok)) process.exitCode = 1;
}

function largest(files: readonly string[]): string {
  return [...files]
    .map((file) => ({ file, size: sizes([file]) }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 3)
    .map(({ file, size }) => `${file} ${kb(size)}`)
    .join(', ');
}

await main();

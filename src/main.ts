/**
 * The entry: reads the inputs and the event, asks the core, wires the adapters, reports.
 * The only module that touches @actions/core. The Netlify client and Octokit are loaded only once a
 * command was found, so that the many comments without one cost little more than starting Node.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { mayHoldCommand } from './core/command.js';
import type { Outcome, Result } from './core/decision.js';
import type { CommentEvent } from './event.js';
import type { Settings } from './settings.js';

type Core = typeof import('@actions/core');

const USER_AGENT = 'netlify-preview-retry/1';
/**
 * The reply has its own time after the decision, however much of the budget the decision took, so that
 * a picked-up command still ends visibly: half the budget, from 5 s to 15 s.
 */
function reportBudgetMs(budgetMs: number): number {
  return Math.min(15_000, Math.max(5_000, Math.floor(budgetMs / 2)));
}

async function main(): Promise<void> {
  const raw = readRawEvent();
  const quick = quickIgnore(raw);
  if (quick) {
    // The common case, kept to about Node's own start-up: nothing here depends on an input, so neither
    // zod nor @actions/core (whose OIDC client loads undici) is loaded, and the outputs go through the
    // runner's file protocol directly.
    writeOutputsQuickly({
      result: 'ignored',
      command: '',
      'deploy-id': '',
      'deploy-state': '',
      'deploy-url': '',
      reason: quick,
    });
    process.stdout.write(`Result: ignored. ${quick}\n`);
    return;
  }
  const [core, { readSettings, InputError }, { readCommentEvent, EventError }, { screenComment }] = await Promise.all([
    import('@actions/core'),
    import('./settings.js'),
    import('./event.js'),
    import('./core/screen.js'),
  ]);
  maskToken(core);
  let settings: Settings;
  let event: CommentEvent | null = null;
  let screened: ReturnType<typeof screenComment>;
  try {
    settings = readSettings(input);
    const readEvent = () => {
      let json: unknown;
      try {
        json = raw.json();
      } catch (error) {
        throw new EventError((error as Error).message);
      }
      if (json === null) throw new EventError('The event payload at GITHUB_EVENT_PATH is not JSON.');
      event = readCommentEvent(json);
      return event;
    };
    screened = screenComment(raw.name, readEvent, settings.words, settings.trust.apps);
  } catch (error) {
    if (!(error instanceof InputError || error instanceof EventError)) throw error;
    core.setOutput('result', 'failed');
    core.setOutput('reason', error.message);
    core.setFailed(error.message);
    return;
  }
  if (screened.kind === 'ignored') {
    await finish(core, settings, { result: 'ignored', command: null, reason: screened.reason, preview: null }, true);
    return;
  }
  await handle(core, settings, event as unknown as CommentEvent, screened.command);
}

interface RawEvent {
  readonly name: string;
  /** The payload, parsed on first use: null when it is not JSON; throws when there is no payload file. */
  readonly json: () => unknown;
}

function readRawEvent(): RawEvent {
  let parsed: { value: unknown } | null = null;
  return {
    name: process.env.GITHUB_EVENT_NAME ?? '',
    json: () => {
      if (parsed) return parsed.value;
      const path = process.env.GITHUB_EVENT_PATH;
      if (!path) throw new Error('GITHUB_EVENT_PATH is not set: run this action in a GitHub Actions workflow.');
      try {
        parsed = { value: JSON.parse(readFileSync(path, 'utf8')) };
      } catch {
        parsed = { value: null };
      }
      return parsed.value;
    },
  };
}

/**
 * The reason to ignore the event when no input could change that: not an issue_comment, or a
 * comment without a single command-shaped line. Anything less clear-cut goes the full way.
 */
function quickIgnore(raw: RawEvent): string | null {
  if (raw.name !== 'issue_comment') return null;
  let body: unknown;
  try {
    body = (raw.json() as { comment?: { body?: unknown } } | null)?.comment?.body;
  } catch {
    return null;
  }
  if (typeof body !== 'string' || mayHoldCommand(body)) return null;
  return 'The comment holds no command.';
}

/** Reads an input the way the runner passes it (undefined when the variable is not set at all). */
function input(name: string): string | undefined {
  return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
}

function maskToken(core: Core): void {
  for (const name of ['netlify-token', 'github-token']) {
    const token = input(name);
    if (token) core.setSecret(token);
  }
}

/** Removes both tokens from a text that is about to be logged, posted or written anywhere. */
function redact(text: string): string {
  let clean = text;
  for (const name of ['netlify-token', 'github-token']) {
    const token = input(name);
    if (token && token.length >= 4) clean = clean.split(token).join('***');
  }
  return clean;
}

/** An outcome with both tokens removed from every text in it (an API's error text may quote one). */
function redactOutcome(outcome: Outcome): Outcome {
  return JSON.parse(redact(JSON.stringify(outcome))) as Outcome;
}

/** GITHUB_OUTPUT's documented multi-line form; the values here never hold the token. */
function writeOutputsQuickly(outputs: Record<string, string>): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const lines = Object.entries(outputs).map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
  appendFileSync(file, lines.join(''));
}

async function handle(
  core: Core,
  settings: Settings,
  event: CommentEvent,
  command: 'retest' | 'rebuild',
): Promise<void> {
  const [{ Deadline }, { createGitHub }, { createNetlify }, flow] = await Promise.all([
    import('./adapters/deadline.js'),
    import('./adapters/github.js'),
    import('./adapters/netlify.js'),
    import('./flow.js'),
  ]);
  const budgetMs = settings.timeoutSeconds * 1000;
  const deadline = Deadline.after(budgetMs);
  const github = (d: InstanceType<typeof Deadline>) =>
    createGitHub({
      token: settings.githubToken,
      owner: event.owner,
      repo: event.repo,
      prNumber: event.prNumber,
      prNodeId: event.prNodeId,
      commentId: event.commentId,
      commentNodeId: event.commentNodeId,
      deadline: d,
      userAgent: USER_AGENT,
    });
  const netlify = createNetlify({
    token: settings.netlifyToken,
    siteId: settings.siteId,
    apiUrl: settings.netlifyApiUrl,
    deadline,
    userAgent: USER_AGENT,
  });
  const log = {
    info: (message: string) => core.info(redact(message)),
    warning: (message: string) => core.warning(redact(message)),
  };
  const progress = flow.startProgress();
  const input = {
    settings,
    event,
    command,
    ports: { github: github(deadline), netlify },
    log,
    runUrl: runUrl(),
    progress,
  };

  // The budget is enforced here too: @netlify/api waits out rate limits and resets without looking at signals.
  let timer: NodeJS.Timeout | undefined;
  const spent = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), budgetMs + 500);
  });
  const decided = await Promise.race([flow.decideAndAct(input), spent]);
  clearTimeout(timer);
  const outcome = redactOutcome(
    decided?.outcome ??
      progress.outcome ?? {
        result: 'failed',
        command,
        reason: `${progress.service} did not answer in time: the run was still ${progress.step} when timeout-seconds (${settings.timeoutSeconds} s) ran out.`,
        preview: null,
        fix: `check ${progress.service}'s status (and whether the token is rate limited), or raise timeout-seconds`,
      },
  );
  const acknowledged = decided?.acknowledged ?? progress.acknowledged;
  // The report gets its own deadline: the decision may have spent all of the budget.
  const reporting = { ...input, ports: { ...input.ports, github: github(Deadline.after(reportBudgetMs(budgetMs))) } };
  const { shown } = await flow.report(reporting, outcome, acknowledged);
  await finish(core, settings, outcome, shown);
}

/** Sets the outputs and the job summary, and fails the step when the run failed or went unseen. */
async function finish(core: Core, settings: Settings, outcome: Outcome, shown: boolean): Promise<void> {
  const preview = outcome.preview;
  const outputs: Record<string, string> = {
    result: outcome.result,
    command: outcome.command ?? '',
    'deploy-id': preview?.id ?? '',
    'deploy-state': preview?.state ?? '',
    'deploy-url': preview?.url ?? '',
    reason: outcome.reason,
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value));
  core.info(
    redact(`Result: ${outcome.result}. ${outcome.reason}${settings.dryRun ? ' (dry-run: nothing was changed)' : ''}`),
  );
  if (outcome.result !== 'ignored') await writeSummary(core, outputs, settings.dryRun);

  if (outcome.result === 'failed') {
    core.setFailed(redact(`${outcome.reason}${outcome.fix ? ` To fix: ${outcome.fix}.` : ''}`));
  } else if (!shown && outcome.result === 'retried') {
    core.warning('The preview was retried, but the outcome could not be shown on the pull request.');
  } else if (!shown) {
    core.setFailed(redact(`The outcome (${outcome.result}) could not be shown on the pull request: ${outcome.reason}`));
  }
}

async function writeSummary(core: Core, outputs: Record<string, string>, dryRun: boolean): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const rows = Object.entries(outputs).map(([name, value]) => [
    { data: name },
    { data: escapeHtml(redact(value)) || '—' },
  ]);
  core.summary.addHeading(`Netlify preview: ${outputs.result as Result}${dryRun ? ' (dry run)' : ''}`, 3).addTable([
    [
      { data: 'output', header: true },
      { data: 'value', header: true },
    ],
    ...rows,
  ]);
  // A failed summary write must not hide the outcome: the outputs and the log already carry it.
  await core.summary
    .write()
    .catch((error: unknown) => core.warning(`Could not write the job summary: ${String(error)}`));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

function runUrl(): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : null;
}

main().then(
  () => process.exit(),
  async (error: unknown) => {
    const core = await import('@actions/core');
    const message = error instanceof Error ? error.message : String(error);
    core.setFailed(`Unexpected error: ${redact(message)}`);
    process.exit();
  },
);

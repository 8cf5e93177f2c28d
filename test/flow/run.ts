/**
 * Running the flow against an in-memory world, as src/main.ts wires it: the settings from an input map,
 * the event from a small builder, the command lines from screening, the sites from site-id.
 */
import { screenComment } from '../../src/core/screen.js';
import { reasonOf } from '../../src/core/sentences.js';
import type { CommentEvent } from '../../src/event.js';
import { type Handled, runCommand } from '../../src/flow/command.js';
import { followBuilds } from '../../src/flow/follow.js';
import { replyContext } from '../../src/flow/report.js';
import { readSettings, type Settings, sitesFor } from '../../src/settings.js';
import { memoryPorts, PR, recordingLog, type World } from '../lib/memory.js';

export const RUN_URL = 'https://github.com/o/r/actions/runs/1';

/** The commenters the tests use. */
export const MEMBER = { commenterLogin: 'maintainer', commenterAssociation: 'MEMBER' } as const;
export const STRANGER = { commenterLogin: 'stranger', commenterAssociation: 'NONE' } as const;

export function settingsOf(inputs: Record<string, string> = {}): Settings {
  const all: Record<string, string> = {
    'netlify-token': 'nf-token-0123456789',
    'github-token': 'gh-token-0123456789',
    'site-id': 'docs.netlify.app',
    ...inputs,
  };
  return readSettings((name) => all[name]);
}

export function eventOf(over: Partial<CommentEvent> = {}): CommentEvent {
  return {
    action: 'created',
    isPullRequest: true,
    prNumber: PR,
    prState: 'open',
    prNodeId: 'PR_kw7',
    prAuthorAssociation: 'CONTRIBUTOR',
    labels: [],
    commentId: 1,
    commentNodeId: 'IC_command',
    body: '/retest',
    commenterLogin: MEMBER.commenterLogin,
    commenterType: 'User',
    commenterAssociation: MEMBER.commenterAssociation,
    owner: 'o',
    repo: 'r',
    repository: 'o/r',
    repositoryIsPrivate: false,
    ...over,
  };
}

export interface Given {
  readonly inputs?: Record<string, string>;
  readonly event?: Partial<CommentEvent>;
}

/** One command comment, run to its end with the world's clock. */
export async function command(world: World, body: string, given: Given = {}) {
  const settings = settingsOf(given.inputs);
  const event = eventOf({ body, ...given.event });
  const screened = screenComment('issue_comment', () => event, settings.words, settings.trust.apps);
  if (screened.kind !== 'command') throw new Error(`no command in ${JSON.stringify(body)}`);
  const sites = sitesFor(settings.sites, event.repository) ?? [];
  const log = recordingLog();
  const deps = { connect: memoryPorts(world), clock: world.clock, log };
  const handled: Handled = await world.clock.drive(
    runCommand({ settings, event, lines: screened.lines, sites, runUrl: RUN_URL }, deps),
  );
  const ctx = replyContext(settings, event, RUN_URL);
  return {
    ...handled,
    settings,
    event,
    log,
    deps,
    ctx,
    reason: reasonOf(handled.outcome, ctx),
    reply: world.replies[0]?.body ?? null,
  };
}

/** A command, then following its builds as main does (follow: true); `stop` aborts following. */
export async function commandAndFollow(world: World, body: string, given: Given = {}, stop = new AbortController()) {
  const run = await command(world, body, { ...given, inputs: { follow: 'true', ...given.inputs } });
  const startedAt = world.clock.now();
  const commandCalls = world.calls.length;
  const outcome = await world.clock.drive(
    followBuilds(
      {
        outcome: run.outcome,
        replyId: run.reported.reply,
        ctx: run.ctx,
        startedAt,
        followMinutes: run.settings.followMinutes,
        stop: stop.signal,
      },
      run.deps,
    ),
  );
  const calls = world.calls.slice(commandCalls);
  return {
    ...run,
    outcome,
    startedAt,
    calls,
    reads: calls.filter((call) => call.line.startsWith('netlify.pollDeploy')),
  };
}
